import type { Money } from '../../money/money.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { MdfAllocation } from './allocation.js';

/**
 * Co-op money of an allocation that is past its expiry on `asOf` but still sits in `available`.
 *
 * Money in use (committed, claimed or paid) is counted against the lots that expire first, the reading
 * most favourable to the partner: what is overdue is everything earned in lots expiring on or before
 * `asOf`, less the money in use, less what has already expired, never below zero nor above what is
 * available. Budgeted allocations do not expire: zero.
 *
 * @example overdueAccruals(allocation, '2027-03-01') // { amount: 4_000, currency: 'USD' }
 */
export function overdueAccruals(allocation: MdfAllocation, asOf: CalendarDate): Money {
  const { available, committed, claimed, paid, expired } = allocation.balances;
  if (allocation.kind === 'budgeted') return { amount: 0, currency: available.currency };
  const due = allocation.lots.reduce((sum, lot) => (lot.expiresOn <= asOf ? sum + lot.amount.amount : sum), 0);
  const unused = due - committed.amount - claimed.amount - paid.amount - expired.amount;
  return { amount: Math.max(0, Math.min(unused, available.amount)), currency: available.currency };
}

/**
 * What a partner may still commit from an allocation on `asOf`: its available money less co-op money
 * already past its expiry (which the next expiry run moves to `expired`).
 */
export function spendableBalance(allocation: MdfAllocation, asOf: CalendarDate): Money {
  const available = allocation.balances.available;
  return { amount: available.amount - overdueAccruals(allocation, asOf).amount, currency: available.currency };
}
