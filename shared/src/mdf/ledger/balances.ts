import * as z from 'zod';
import { MoneySchema, type CurrencyCode, type Money } from '../../money/money.js';
import { accountKey, type AllocationBucket, type BudgetBucket, type MdfAccount } from './account.js';
import type { MdfPosting } from './posting.js';

/**
 * Balances of every account touched by `postings`, keyed by `accountKey`: debits minus credits, in
 * minor units. Derived only from the entries: the ledger's single source of truth.
 */
export function mdfAccountBalances(postings: Iterable<MdfPosting>): Map<string, number> {
  const balances = new Map<string, number>();
  for (const posting of postings) {
    for (const line of posting.lines) {
      const key = accountKey(line.account);
      const delta = line.side === 'debit' ? line.amount : -line.amount;
      balances.set(key, (balances.get(key) ?? 0) + delta);
    }
  }
  return balances;
}

/** The balance of one account in `postings`, in minor units. */
export function mdfBalanceOf(postings: Iterable<MdfPosting>, account: MdfAccount): number {
  return mdfAccountBalances(postings).get(accountKey(account)) ?? 0;
}

/** Balances of an allocation's accounts, as money in the allocation's currency. */
export const AllocationBalancesSchema = z.strictObject({
  accrued: MoneySchema,
  available: MoneySchema,
  committed: MoneySchema,
  claimed: MoneySchema,
  paid: MoneySchema,
  released: MoneySchema,
  expired: MoneySchema,
});
export type AllocationBalances = z.infer<typeof AllocationBalancesSchema>;

/** Balances of a budget's accounts. */
export const BudgetBalancesSchema = z.strictObject({ funding: MoneySchema, unallocated: MoneySchema });
export type BudgetBalances = z.infer<typeof BudgetBalancesSchema>;

const ALLOCATION_BUCKETS: readonly AllocationBucket[] = [
  'accrued',
  'available',
  'committed',
  'claimed',
  'paid',
  'released',
  'expired',
];
const BUDGET_BUCKETS: readonly BudgetBucket[] = ['funding', 'unallocated'];

/** Balances of an allocation with nothing posted yet. */
export function emptyAllocationBalances(currency: CurrencyCode): AllocationBalances {
  const zero = (): Money => ({ amount: 0, currency });
  return {
    accrued: zero(),
    available: zero(),
    committed: zero(),
    claimed: zero(),
    paid: zero(),
    released: zero(),
    expired: zero(),
  };
}

/** Balances of a budget with nothing posted yet. */
export function emptyBudgetBalances(currency: CurrencyCode): BudgetBalances {
  return { funding: { amount: 0, currency }, unallocated: { amount: 0, currency } };
}

function checkCurrency(posting: MdfPosting, currency: CurrencyCode): void {
  if (posting.currency !== currency) {
    throw new Error(`A ${posting.currency} posting cannot touch ${currency} accounts.`);
  }
}

/**
 * An allocation's balances after `postings`: the lines that touch the allocation's accounts applied to
 * `start`. Folding every posting of the allocation onto empty balances derives its balances from the
 * entries; applying a transition's postings to the stored balances keeps its running totals.
 */
export function applyToAllocation(
  start: AllocationBalances,
  allocationId: string,
  postings: Iterable<MdfPosting>,
): AllocationBalances {
  const next = { ...start };
  for (const posting of postings) {
    for (const line of posting.lines) {
      if (line.account.holder !== 'allocation' || line.account.allocationId !== allocationId) continue;
      checkCurrency(posting, start.available.currency);
      const bucket = line.account.bucket;
      const delta = line.side === 'debit' ? line.amount : -line.amount;
      next[bucket] = { amount: next[bucket].amount + delta, currency: next[bucket].currency };
    }
  }
  return next;
}

/** A budget's balances after `postings` (see `applyToAllocation`). */
export function applyToBudget(start: BudgetBalances, budgetId: string, postings: Iterable<MdfPosting>): BudgetBalances {
  const next = { ...start };
  for (const posting of postings) {
    for (const line of posting.lines) {
      if (line.account.holder !== 'budget' || line.account.budgetId !== budgetId) continue;
      checkCurrency(posting, start.funding.currency);
      const bucket = line.account.bucket;
      const delta = line.side === 'debit' ? line.amount : -line.amount;
      next[bucket] = { amount: next[bucket].amount + delta, currency: next[bucket].currency };
    }
  }
  return next;
}

/** An allocation's balances derived from the ledger alone. */
export function allocationBalancesFrom(
  postings: Iterable<MdfPosting>,
  allocationId: string,
  currency: CurrencyCode,
): AllocationBalances {
  return applyToAllocation(emptyAllocationBalances(currency), allocationId, postings);
}

/** A budget's balances derived from the ledger alone. */
export function budgetBalancesFrom(
  postings: Iterable<MdfPosting>,
  budgetId: string,
  currency: CurrencyCode,
): BudgetBalances {
  return applyToBudget(emptyBudgetBalances(currency), budgetId, postings);
}

/**
 * The money an allocation holds, wherever it now sits: everything allocated or accrued to it, less what
 * has expired. Committed, claimed and paid money is part of it; it never exceeds it.
 */
export function allocationFunds(balances: AllocationBalances): Money {
  const { available, committed, claimed, paid, released } = balances;
  return {
    amount: available.amount + committed.amount + claimed.amount + paid.amount + released.amount,
    currency: available.currency,
  };
}

/** An allocation's bucket names, in ledger order, for reports. */
export const allocationBuckets = ALLOCATION_BUCKETS;
/** A budget's bucket names, in ledger order, for reports. */
export const budgetBuckets = BUDGET_BUCKETS;
