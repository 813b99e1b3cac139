import type { Partner } from '../../entities/partner.js';
import { allocateMoney } from '../../money/allocate.js';
import { formatMoney, type Money } from '../../money/money.js';
import { basisPointsOfPercent, formatBasisPoints } from '../../money/percentage.js';
import { canRequestMdf } from '../../partner-lifecycle/guards/partner-gates.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { failed, noted, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { decided, refused, type MdfDecided } from '../outcome.js';
import { findMdfFundType } from '../policy/terms.js';
import type { BudgetScope, MdfBudget } from './budget.js';

/**
 * How to split budget money among partners; the method must be the fund type's:
 * - `tier_formula`: `amount` in proportion to each partner's tier `mdfRatePercent`;
 * - `prior_revenue_share`: `amount` in proportion to each partner's won revenue of the prior period (in
 *   the budget's currency; the caller converts);
 * - `manual`: the amounts given, partner by partner.
 */
export type AllocationBasis =
  | { method: 'tier_formula'; amount: Money }
  | { method: 'prior_revenue_share'; amount: Money; priorRevenue: readonly { partnerId: string; revenue: Money }[] }
  | { method: 'manual'; amounts: readonly { partnerId: string; amount: Money }[] };

/** One partner's share of a plan and the weight it was computed from (basis points, minor units, or none). */
export interface AllocationShare {
  partnerId: string;
  amount: Money;
  weight: number | null;
}

/** The shares an allocation gives, partners in id order, none of zero. */
export interface AllocationPlan {
  shares: AllocationShare[];
}

/** Whether a partner is located in a budget's scope. */
export function partnerInBudgetScope(partner: Partner, scope: BudgetScope): boolean {
  if (scope.kind === 'program') return true;
  return scope.territories.some(
    (territory) =>
      territory === partner.country || (partner.subdivision !== undefined && territory === partner.subdivision),
  );
}

const METHOD_NAMES: Readonly<Record<AllocationBasis['method'], string>> = {
  tier_formula: 'tier formula',
  prior_revenue_share: 'share of prior revenue',
  manual: 'hand',
};

function scopeName(scope: BudgetScope): string {
  return scope.kind === 'program' ? 'the program' : scope.name;
}

function checkMethod(program: Program, budget: MdfBudget, method: AllocationBasis['method']): MdfCheck {
  const fundType = findMdfFundType(program, budget.fundTypeId);
  if (!fundType || fundType.kind !== 'budgeted') {
    const message = `The budget's fund type "${budget.fundTypeId}" is not a budgeted fund type of the program.`;
    return failed(
      'allocation_method',
      message,
      { fundTypeId: budget.fundTypeId },
      issue(['fundTypeId'], 'fund_type_not_budgeted', message),
    );
  }
  if (fundType.allocation !== method) {
    const message = `${fundType.name} is allocated by ${METHOD_NAMES[fundType.allocation]}, not by ${METHOD_NAMES[method]}.`;
    return failed(
      'allocation_method',
      message,
      { expected: fundType.allocation, method },
      issue(['method'], 'allocation_method_mismatch', message),
    );
  }
  return passed('allocation_method', `${fundType.name} is allocated by ${METHOD_NAMES[method]}.`, { method });
}

function checkAmount(budget: MdfBudget, amount: Money, path: (string | number)[]): MdfCheck {
  const unallocated = budget.balances.unallocated;
  const facts = { amount, unallocated };
  if (amount.currency !== unallocated.currency) {
    const message = `The budget is in ${unallocated.currency}; allocate ${unallocated.currency}, not ${amount.currency}.`;
    return failed('allocation_amount', message, facts, issue([...path, 'currency'], 'currency_mismatch', message));
  }
  if (amount.amount <= 0) {
    const message = `Allocate more than zero, not ${formatMoney(amount)}.`;
    return failed('allocation_amount', message, facts, issue(path, 'amount_not_positive', message));
  }
  if (amount.amount > unallocated.amount) {
    const message = `The budget has ${formatMoney(unallocated)} left to allocate, less than ${formatMoney(amount)}.`;
    return failed('allocation_amount', message, facts, issue(path, 'insufficient_budget', message));
  }
  return passed(
    'allocation_amount',
    `${formatMoney(amount)} of the ${formatMoney(unallocated)} left is allocated.`,
    facts,
  );
}

function tierWeights(program: Program, partners: readonly Partner[]): number[] {
  return partners.map((partner) => {
    const tier = program.tiers.find((candidate) => candidate.id === partner.tierId);
    return tier ? basisPointsOfPercent(tier.benefits.mdfRatePercent) : 0;
  });
}

function describeWeight(method: AllocationBasis['method'], weight: number | null, currency: string): string {
  if (weight === null) return 'set by hand';
  return method === 'tier_formula'
    ? `tier MDF rate ${formatBasisPoints(weight)}`
    : `prior revenue ${formatMoney({ amount: weight, currency })}`;
}

/**
 * Plans how budget money is allocated to partners: only active partners located in the budget's scope
 * take part; formula methods split the amount by weight with the largest-remainder method (so the
 * shares sum to the amount exactly, ties to the lower partner id); manual amounts are checked one by
 * one. The trace explains every share. Issues: `fund_type_not_budgeted`, `allocation_method_mismatch`,
 * `amount_not_positive`, `currency_mismatch`, `insufficient_budget`, `no_eligible_partner`,
 * `no_allocation_weight`, `partner_not_eligible`, `duplicate_partner`.
 */
export function planAllocation(
  program: Program,
  budget: MdfBudget,
  partners: readonly Partner[],
  basis: AllocationBasis,
): MdfDecided<AllocationPlan> {
  const subject = { type: 'mdf_budget', id: budget.id };
  const eligible = partners
    .filter((partner) => canRequestMdf(partner).allowed && partnerInBudgetScope(partner, budget.scope))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const checks: MdfCheck[] = [checkMethod(program, budget, basis.method)];
  const eligibility = {
    candidates: partners.length,
    eligible: eligible.length,
    scope: scopeName(budget.scope),
  };
  checks.push(
    eligible.length === 0
      ? failed(
          'eligible_partners',
          `None of the ${partners.length} partners is active and located in ${scopeName(budget.scope)}.`,
          eligibility,
          issue(['partners'], 'no_eligible_partner', `No partner is active and located in ${scopeName(budget.scope)}.`),
        )
      : noted(
          'eligible_partners',
          `${eligible.length} of ${partners.length} partners are active and located in ${scopeName(budget.scope)}.`,
          eligibility,
        ),
  );

  let shares: AllocationShare[] = [];
  if (basis.method === 'manual') {
    const eligibleIds = new Set(eligible.map((partner) => partner.id));
    const seen = new Set<string>();
    basis.amounts.forEach(({ partnerId, amount }, index) => {
      if (seen.has(partnerId)) {
        const message = `Partner ${partnerId} is listed twice; give each partner one amount.`;
        checks.push(
          failed(
            'manual_share',
            message,
            { partnerId },
            issue(['amounts', index, 'partnerId'], 'duplicate_partner', message),
          ),
        );
      } else if (!eligibleIds.has(partnerId)) {
        const message = `Partner ${partnerId} is not an active partner located in ${scopeName(budget.scope)}.`;
        checks.push(
          failed(
            'manual_share',
            message,
            { partnerId },
            issue(['amounts', index, 'partnerId'], 'partner_not_eligible', message),
          ),
        );
      } else if (amount.amount <= 0 || amount.currency !== budget.balances.unallocated.currency) {
        checks.push(checkAmount(budget, amount, ['amounts', index, 'amount']));
      }
      seen.add(partnerId);
    });
    const total = basis.amounts.reduce((sum, entry) => sum + entry.amount.amount, 0);
    checks.push(checkAmount(budget, { amount: total, currency: budget.balances.unallocated.currency }, ['amounts']));
    shares = basis.amounts
      .map(({ partnerId, amount }) => ({ partnerId, amount, weight: null }))
      .sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1));
  } else {
    checks.push(checkAmount(budget, basis.amount, ['amount']));
    const revenueOf = new Map(
      basis.method === 'prior_revenue_share' ? basis.priorRevenue.map((entry) => [entry.partnerId, entry.revenue]) : [],
    );
    const mismatched = [...revenueOf.values()].find((revenue) => revenue.currency !== basis.amount.currency);
    if (mismatched) {
      const message = `Prior revenue must be stated in the budget's ${basis.amount.currency}, not ${mismatched.currency}.`;
      checks.push(failed('weights', message, {}, issue(['priorRevenue'], 'currency_mismatch', message)));
    }
    const weights =
      basis.method === 'tier_formula'
        ? tierWeights(program, eligible)
        : eligible.map((partner) => Math.max(0, revenueOf.get(partner.id)?.amount ?? 0));
    if (eligible.length > 0 && weights.every((weight) => weight === 0)) {
      const what = basis.method === 'tier_formula' ? 'an MDF rate above 0 %' : 'prior revenue';
      const message = `No eligible partner (of ${eligible.length}) has ${what}, so there is nothing to split by.`;
      checks.push(
        failed('weights', message, { eligible: eligible.length }, issue(['partners'], 'no_allocation_weight', message)),
      );
    }
    if (checks.every((check) => check.issues.length === 0)) {
      const parts = allocateMoney(basis.amount, weights);
      shares = eligible.map((partner, index) => ({
        partnerId: partner.id,
        amount: parts[index]!,
        weight: weights[index]!,
      }));
    }
  }

  const currency = budget.balances.unallocated.currency;
  for (const share of shares) {
    const receives = share.amount.amount > 0 ? `receives ${formatMoney(share.amount)}` : 'receives nothing';
    checks.push(
      noted(
        'share',
        `Partner ${share.partnerId} ${receives} (${describeWeight(basis.method, share.weight, currency)}).`,
        {
          partnerId: share.partnerId,
          amount: share.amount,
          weight: share.weight,
        },
      ),
    );
  }
  shares = shares.filter((share) => share.amount.amount > 0);
  const total = shares.reduce((sum, share) => sum + share.amount.amount, 0);
  const verdict = verdictOf('mdf.allocation.plan', subject, checks, {
    outcome: 'planned',
    summary: `${formatMoney({ amount: total, currency })} of budget "${budget.name}" goes to ${shares.length} partners by ${METHOD_NAMES[basis.method]}.`,
  });
  return verdict.issues.length > 0 ? refused(verdict.issues, verdict.trace) : decided({ shares }, verdict.trace);
}
