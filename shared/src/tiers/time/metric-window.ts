import type { MetricWindow } from '../../program/schema/criteria.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fiscalPeriodContaining, shiftFiscalPeriod } from '../../time/fiscal-period.js';
import { toDayNumber, type DayNumber } from '../../time/day-number.js';
import { addMonthsClamped } from './months.js';

/**
 * The days a metric window covers on an evaluation date: from `from` up to and including `through`,
 * with the same bounds as day numbers, `fromDay` included and `untilDay` excluded.
 */
export interface MetricWindowRange {
  from: CalendarDate;
  through: CalendarDate;
  fromDay: DayNumber;
  untilDay: DayNumber;
}

/**
 * The days a window covers when a program evaluates on `asOf` (a day of the program's calendar):
 * - `trailing_months` N: the days after the same date N months earlier, up to and including `asOf`
 *   (on 2026-11-24, twelve months run from 2025-11-25; at a month's end, the last N whole months);
 * - `fiscal_period` `current_to_date`: from the start of the fiscal period containing `asOf` to `asOf`;
 * - `fiscal_period` `last_completed`: the whole fiscal period before the one containing `asOf`.
 *
 * @example
 * metricWindowRange({ kind: 'trailing_months', months: 12 }, '2026-11-24', calendar)
 * // { from: '2025-11-25', through: '2026-11-24', … }
 */
export function metricWindowRange(
  window: MetricWindow,
  asOf: CalendarDate,
  calendar: FiscalCalendar,
): MetricWindowRange {
  switch (window.kind) {
    case 'trailing_months':
      return range(addDays(addMonthsClamped(asOf, -window.months), 1), asOf);
    case 'fiscal_period': {
      const current = fiscalPeriodContaining(asOf, calendar, window.unit);
      if (window.which === 'current_to_date') return range(current.start, asOf);
      const previous = shiftFiscalPeriod(current, calendar, -1);
      return range(previous.start, addDays(previous.end, -1));
    }
  }
}

function range(from: CalendarDate, through: CalendarDate): MetricWindowRange {
  return { from, through, fromDay: toDayNumber(from), untilDay: toDayNumber(through) + 1 };
}
