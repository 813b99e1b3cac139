import { formatMoney, type Money } from '../../money/money.js';
import { issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { overdueAccruals, spendableBalance } from '../funds/spendable.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Available balance: the allocation can still commit `needed` (in its currency) on `asOf`: its available
 * money, less co-op money already past expiry, covers it. Issue `insufficient_funds`.
 */
export function checkAvailableBalance(allocation: MdfAllocation, needed: Money, asOf: CalendarDate): MdfCheck {
  const rule = 'available_balance';
  const spendable = spendableBalance(allocation, asOf);
  const overdue = overdueAccruals(allocation, asOf);
  const facts = {
    allocationId: allocation.id,
    needed,
    available: allocation.balances.available,
    overdue,
    spendable,
    asOf,
    allocationVersion: allocation.version,
  };
  const expiring = overdue.amount > 0 ? ` (after ${formatMoney(overdue)} of co-op funds past expiry)` : '';
  if (needed.amount > spendable.amount) {
    const message = `The allocation has ${formatMoney(spendable)} available${expiring}, less than the ${formatMoney(needed)} needed.`;
    return failed(rule, message, facts, issue(['amount'], 'insufficient_funds', message));
  }
  return passed(
    rule,
    `The allocation has ${formatMoney(spendable)} available${expiring}, enough for ${formatMoney(needed)}.`,
    facts,
  );
}
