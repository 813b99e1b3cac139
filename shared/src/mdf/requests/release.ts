import { formatMoney, type Money } from '../../money/money.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { overdueAccruals } from '../funds/spendable.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import type { ApprovedMdfRequest } from './request.js';

/** What releasing a request's unclaimed commitment does to its allocation. */
export interface MdfRelease {
  released: Money;
  expired: Money;
  allocation: MdfAllocation;
  postings: MdfPosting[];
}

/**
 * Releases what an approved request committed and its approved claims did not use: the remainder moves
 * from committed through the `released` clearing account back to available, except the part that is
 * co-op money already past its expiry on `asOf`, which goes to expired. No remainder: no posting.
 */
export function releaseCommitment(
  request: ApprovedMdfRequest,
  allocation: MdfAllocation,
  asOf: CalendarDate,
  now: Date,
  why: string,
): MdfRelease {
  if (allocation.id !== request.allocationId) throw new Error('The allocation must be the request’s.');
  const currency = allocation.currency;
  const remainder = request.commitment.ledgerAmount.amount - request.claims.approvedLedger.amount;
  if (remainder < 0) throw new Error('Approved claims never exceed the commitment.');
  if (remainder === 0) {
    return { released: { amount: 0, currency }, expired: { amount: 0, currency }, allocation, postings: [] };
  }
  const afterRelease: MdfAllocation = {
    ...allocation,
    balances: {
      ...allocation.balances,
      committed: { amount: allocation.balances.committed.amount - remainder, currency },
      available: { amount: allocation.balances.available.amount + remainder, currency },
    },
  };
  const expiring = Math.min(remainder, overdueAccruals(afterRelease, asOf).amount);
  const account = (bucket: Parameters<typeof allocationAccount>[1]) => allocationAccount(allocation.id, bucket);
  const posting: MdfPosting = {
    id: `${request.id}:release`,
    kind: 'release',
    allocationId: allocation.id,
    requestId: request.id,
    postedAt: now.toISOString(),
    currency,
    memo:
      `${formatMoney({ amount: remainder, currency })} committed to request "${request.title}" released (${why})` +
      (expiring > 0 ? `; ${formatMoney({ amount: expiring, currency })} of it had expired.` : '.'),
    lines: linesOf([
      { from: account('committed'), to: account('released'), amount: remainder },
      { from: account('released'), to: account('available'), amount: remainder - expiring },
      { from: account('released'), to: account('expired'), amount: expiring },
    ]),
  };
  return {
    released: { amount: remainder, currency },
    expired: { amount: expiring, currency },
    allocation: { ...allocation, balances: applyToAllocation(allocation.balances, allocation.id, [posting]) },
    postings: [posting],
  };
}
