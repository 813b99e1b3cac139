import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema } from '../../common/schemas.js';
import { formatMoney, MoneySchema, type Money } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { PeriodSchema } from '../../time/period.js';
import { failed, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { applyToBudget, emptyBudgetBalances } from '../ledger/balances.js';
import { budgetAccount } from '../ledger/account.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { mdfCurrencies, findMdfFundType } from '../policy/terms.js';
import { BudgetScopeSchema, type MdfBudget } from './budget.js';

/** What an admin asks for when creating a budget: its name, budgeted fund type, fiscal period, scope and first funding. */
export const BudgetDraftSchema = z.strictObject({
  name: DisplayNameSchema,
  fundTypeId: IdentifierSchema,
  period: PeriodSchema,
  scope: BudgetScopeSchema,
  amount: MoneySchema,
});
export type BudgetDraft = z.infer<typeof BudgetDraftSchema>;

/** A budget draft with the id the new budget takes. */
export type NewBudget = BudgetDraft & { id: string };

function checkBudgetedFundType(program: Program, fundTypeId: string): MdfCheck {
  const fundType = findMdfFundType(program, fundTypeId);
  if (!fundType) {
    const message = `The program has no fund type "${fundTypeId}".`;
    return failed('fund_type', message, { fundTypeId }, issue(['fundTypeId'], 'unknown_fund_type', message));
  }
  if (fundType.kind !== 'budgeted') {
    const message = `${fundType.name} is an accrual fund: partners earn it on revenue, it has no budget.`;
    return failed(
      'fund_type',
      message,
      { fundTypeId, kind: fundType.kind },
      issue(['fundTypeId'], 'fund_type_not_budgeted', message),
    );
  }
  return passed(
    'fund_type',
    `${fundType.name} is budgeted and allocated by ${fundType.allocation.replaceAll('_', ' ')}.`,
    {
      fundTypeId,
      allocation: fundType.allocation,
    },
  );
}

/** Funding: a positive amount in a currency the program's MDF may use. */
export function checkFundingAmount(program: Program, amount: Money): MdfCheck {
  const allowed = mdfCurrencies(program);
  if (!allowed.includes(amount.currency)) {
    const message = `Budgets may be in ${allowed.join(', ')}, not ${amount.currency}.`;
    return failed(
      'funding_amount',
      message,
      { amount, allowed },
      issue(['amount', 'currency'], 'currency_not_allowed', message),
    );
  }
  if (amount.amount <= 0) {
    const message = `A budget is funded with more than zero, not ${formatMoney(amount)}.`;
    return failed('funding_amount', message, { amount }, issue(['amount'], 'amount_not_positive', message));
  }
  return passed('funding_amount', `Funded with ${formatMoney(amount)}.`, { amount });
}

function fundingPosting(budget: MdfBudget, amount: Money, now: Date): MdfPosting {
  return {
    id: `${budget.id}:fund:v${budget.version}`,
    kind: 'fund_budget',
    budgetId: budget.id,
    postedAt: now.toISOString(),
    currency: amount.currency,
    memo: `Budget "${budget.name}" (${budget.period.label}) funded with ${formatMoney(amount)}.`,
    lines: linesOf([
      { from: budgetAccount(budget.id, 'funding'), to: budgetAccount(budget.id, 'unallocated'), amount: amount.amount },
    ]),
  };
}

/**
 * Creates a budget of a budgeted fund type for a fiscal period and scope, funded with `amount`
 * (budget funding → unallocated). Refused for an unknown or accrual fund type, or a non-positive amount
 * or a currency the program does not allow.
 *
 * @example createBudget(program, { id: 'b-q1', name: 'Q1 proposals', fundTypeId: 'proposal-mdf', period, scope: { kind: 'program' }, amount: money(50_000_00, 'USD') }, now)
 */
export function createBudget(program: Program, input: NewBudget, now: Date): MdfDecided<MdfTransition<MdfBudget>> {
  const verdict = verdictOf(
    'mdf.budget.funding',
    { type: 'mdf_budget', id: input.id },
    [checkBudgetedFundType(program, input.fundTypeId), checkFundingAmount(program, input.amount)],
    {
      outcome: 'funded',
      summary: `Budget "${input.name}" for ${input.period.label} is funded with ${formatMoney(input.amount)}.`,
    },
  );
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);
  const empty: MdfBudget = {
    id: input.id,
    name: input.name,
    fundTypeId: input.fundTypeId,
    period: input.period,
    scope: input.scope,
    balances: emptyBudgetBalances(input.amount.currency),
    createdAt: now.toISOString(),
    version: 0,
  };
  const posting = fundingPosting(empty, input.amount, now);
  return decided(
    {
      next: { ...empty, balances: applyToBudget(empty.balances, empty.id, [posting]) },
      postings: [posting],
      effects: [],
    },
    verdict.trace,
  );
}

/** Adds money to an existing budget (budget funding → unallocated). */
export function addBudgetFunds(
  program: Program,
  budget: MdfBudget,
  amount: Money,
  now: Date,
): MdfDecided<MdfTransition<MdfBudget>> {
  const currency = budget.balances.funding.currency;
  const mismatch = `The budget is in ${currency}; add ${currency}, not ${amount.currency}.`;
  const sameCurrency =
    amount.currency === currency
      ? passed('budget_currency', `The budget is in ${currency}.`, { currency })
      : failed(
          'budget_currency',
          mismatch,
          { currency: amount.currency, budgetCurrency: currency },
          issue(['amount', 'currency'], 'currency_mismatch', mismatch),
        );
  const verdict = verdictOf(
    'mdf.budget.funding',
    { type: 'mdf_budget', id: budget.id },
    [sameCurrency, checkFundingAmount(program, amount)],
    { outcome: 'funded', summary: `Budget "${budget.name}" receives ${formatMoney(amount)} more.` },
  );
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);
  const posting = fundingPosting(budget, amount, now);
  return decided(
    {
      next: { ...budget, balances: applyToBudget(budget.balances, budget.id, [posting]) },
      postings: [posting],
      effects: [],
    },
    verdict.trace,
  );
}
