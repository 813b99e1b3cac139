import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierPlacement } from '../standing/tier-standing.js';
import type { TierEvaluationPeriods } from '../time/evaluation-periods.js';

/**
 * How many evaluation periods of probation a partner has left at its tier on `asOf` (0: none).
 * Probation follows an upgrade only, and lasts until the partner has held the tier for the program's
 * `probationPeriods` whole evaluation periods; the partial period of an upgrade that took effect mid-period
 * does not count. On probation, falling short means a downgrade without grace.
 *
 * @example probationLeft({ reachedBy: 'upgrade', since: '2026-05-01', … }, '2026-06-15', 1, quarters) // 1
 */
export function probationLeft(
  placement: TierPlacement,
  asOf: CalendarDate,
  probationPeriods: number,
  periods: TierEvaluationPeriods,
): number {
  if (placement.reachedBy !== 'upgrade' || probationPeriods === 0) return 0;
  const partial = periods.isStart(placement.since) ? 0 : 1;
  const completed = Math.max(0, periods.between(placement.since, asOf) - partial);
  return Math.max(0, probationPeriods - completed);
}
