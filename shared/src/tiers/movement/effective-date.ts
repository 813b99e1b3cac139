import type { TierPolicy } from '../../program/schema/tiers.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierEvaluationPeriods } from '../time/evaluation-periods.js';

/**
 * The day a move decided on `asOf` takes effect: that day, or the first day of the next evaluation
 * period, as the program says for upgrades or for downgrades. A move approved later than that day takes
 * effect on the day it is approved.
 *
 * @example effectiveDate('next_period_start', '2026-11-24', quarters) // '2027-02-01'
 */
export function effectiveDate(
  effective: TierPolicy['upgrades']['effective'],
  asOf: CalendarDate,
  periods: TierEvaluationPeriods,
): CalendarDate {
  return effective === 'immediately' ? asOf : periods.nextStart(asOf);
}
