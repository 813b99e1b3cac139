import { formatMoney } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { noted, passed, verdictOf } from '../checks/check.js';
import { notify } from '../effects.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, type MdfDecided, type MdfTransition } from '../outcome.js';
import { programToday } from '../policy/terms.js';
import type { MdfAllocation } from './allocation.js';
import { overdueAccruals } from './spendable.js';

/**
 * Expires co-op money past its expiry date on the program's day at `now`: what `overdueAccruals` finds
 * moves from available to expired, and the partner is told. Nothing is due: no posting, outcome
 * `nothing_due`. Budgeted allocations never expire. Running it twice on one day expires nothing more.
 */
export function expireAccruals(
  program: Program,
  allocation: MdfAllocation,
  now: Date,
): MdfDecided<MdfTransition<MdfAllocation>> {
  const asOf = programToday(program, now);
  const overdue = overdueAccruals(allocation, asOf);
  const subject = { type: 'mdf_allocation', id: allocation.id };
  const facts = { asOf, available: allocation.balances.available, overdue };
  if (overdue.amount === 0) {
    const message =
      allocation.kind === 'budgeted'
        ? 'Budgeted allocations do not expire.'
        : `No co-op money of this allocation is past its expiry on ${asOf}.`;
    const verdict = verdictOf('mdf.expiry', subject, [noted('expiry', message, facts)], {
      outcome: 'nothing_due',
      summary: message,
    });
    return decided({ next: allocation, postings: [], effects: [] }, verdict.trace);
  }
  const posting: MdfPosting = {
    id: `${allocation.id}:expire:v${allocation.version}`,
    kind: 'expire',
    allocationId: allocation.id,
    asOf,
    postedAt: now.toISOString(),
    currency: allocation.currency,
    memo: `${formatMoney(overdue)} of co-op funds expired unused on ${asOf}.`,
    lines: linesOf([
      {
        from: allocationAccount(allocation.id, 'available'),
        to: allocationAccount(allocation.id, 'expired'),
        amount: overdue.amount,
      },
    ]),
  };
  const message = `${formatMoney(overdue)} of co-op funds reached its expiry unused by ${asOf}.`;
  const verdict = verdictOf('mdf.expiry', subject, [passed('expiry', message, facts)], {
    outcome: 'expired',
    summary: message,
  });
  return decided(
    {
      next: { ...allocation, balances: applyToAllocation(allocation.balances, allocation.id, [posting]) },
      postings: [posting],
      effects: [notify({ kind: 'partner', partnerId: allocation.partnerId }, 'funds_expired', subject, message)],
    },
    verdict.trace,
  );
}
