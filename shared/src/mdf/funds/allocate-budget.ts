import type { Partner } from '../../entities/partner.js';
import { formatMoney } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { notify, type MdfEffect } from '../effects.js';
import { allocationAccount, budgetAccount } from '../ledger/account.js';
import { applyToAllocation, applyToBudget, emptyAllocationBalances } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, type MdfDecided, type MdfTransition } from '../outcome.js';
import type { BudgetedAllocation } from './allocation.js';
import { budgetAllocationId } from './allocation-ids.js';
import type { MdfBudget } from './budget.js';
import { planAllocation, type AllocationBasis } from './plan-allocation.js';

/** Allocating a budget: the budget after it, and the partners' allocations created or topped up. */
export interface BudgetAllocationOutcome extends MdfTransition<MdfBudget> {
  allocations: BudgetedAllocation[];
}

/**
 * Allocates budget money to partners as `planAllocation` plans it: each share moves from the budget's
 * unallocated account to the partner's allocation for this budget (created at its first allocation,
 * topped up after), and the partner is told.
 *
 * @param existing the partners' current allocations of this budget, if any (by partner id)
 */
export function allocateBudget(
  program: Program,
  budget: MdfBudget,
  partners: readonly Partner[],
  basis: AllocationBasis,
  existing: ReadonlyMap<string, BudgetedAllocation>,
  now: Date,
): MdfDecided<BudgetAllocationOutcome> {
  const plan = planAllocation(program, budget, partners, basis);
  if (!plan.success) return plan;
  const postings: MdfPosting[] = [];
  const effects: MdfEffect[] = [];
  const allocations = plan.data.shares.map((share): BudgetedAllocation => {
    const id = budgetAllocationId(budget.id, share.partnerId);
    const current: BudgetedAllocation = existing.get(share.partnerId) ?? {
      id,
      kind: 'budgeted',
      partnerId: share.partnerId,
      fundTypeId: budget.fundTypeId,
      budgetId: budget.id,
      period: budget.period,
      method: basis.method,
      currency: share.amount.currency,
      balances: emptyAllocationBalances(share.amount.currency),
      createdAt: now.toISOString(),
      version: 0,
    };
    if (current.id !== id || current.budgetId !== budget.id)
      throw new Error('An existing allocation must belong to this budget.');
    const posting: MdfPosting = {
      id: `${id}:allocate:v${current.version}`,
      kind: 'allocate',
      budgetId: budget.id,
      allocationId: id,
      postedAt: now.toISOString(),
      currency: share.amount.currency,
      memo: `${formatMoney(share.amount)} of budget "${budget.name}" allocated to partner ${share.partnerId}.`,
      lines: linesOf([
        {
          from: budgetAccount(budget.id, 'unallocated'),
          to: allocationAccount(id, 'available'),
          amount: share.amount.amount,
        },
      ]),
    };
    postings.push(posting);
    effects.push(
      notify(
        { kind: 'partner', partnerId: share.partnerId },
        'funds_allocated',
        { type: 'mdf_allocation', id },
        `${formatMoney(share.amount)} of ${budget.period.label} MDF is allocated to you.`,
      ),
    );
    return { ...current, balances: applyToAllocation(current.balances, id, [posting]) };
  });
  const next = { ...budget, balances: applyToBudget(budget.balances, budget.id, postings) };
  return decided({ next, allocations, postings, effects }, plan.trace);
}
