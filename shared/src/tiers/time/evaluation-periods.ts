import type { CalendarDate } from '../../time/calendar-date.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fiscalPeriodContaining } from '../../time/fiscal-period.js';
import type { Period, PeriodUnit } from '../../time/period.js';
import { monthIndexOf } from './months.js';

const MONTHS_IN: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/**
 * The program's evaluation periods (fiscal months, quarters, half-years or years): grace and probation
 * are counted in them, and changes "at the next period start" take effect at their boundaries.
 */
export interface TierEvaluationPeriods {
  unit: PeriodUnit;
  /** The evaluation period containing a date. */
  containing(date: CalendarDate): Period;
  /** How many period boundaries lie between the periods of two dates: 0 in the same period, 1 in the next. */
  between(earlier: CalendarDate, later: CalendarDate): number;
  /** The first day of the evaluation period after the one containing `date`. */
  nextStart(date: CalendarDate): CalendarDate;
  /** Whether `date` is the first day of an evaluation period. */
  isStart(date: CalendarDate): boolean;
}

/**
 * The evaluation periods of a fiscal calendar in a unit. Periods of a unit start every `length` months
 * from the fiscal year's first month, so a date's period is a number: its month counted from the
 * calendar's origin, divided by the length.
 *
 * @example
 * const periods = tierEvaluationPeriods({ firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' }, 'quarter');
 * periods.between('2026-04-30', '2026-05-01') // 1: FY2027 Q1 to Q2
 */
export function tierEvaluationPeriods(calendar: FiscalCalendar, unit: PeriodUnit): TierEvaluationPeriods {
  const length = MONTHS_IN[unit];
  const numbers = new Map<CalendarDate, number>();
  const periodNumber = (date: CalendarDate): number => {
    let number = numbers.get(date);
    if (number === undefined) {
      number = Math.floor((monthIndexOf(date) - (calendar.firstMonth - 1)) / length);
      if (numbers.size > 10_000) numbers.clear();
      numbers.set(date, number);
    }
    return number;
  };
  const containing = (date: CalendarDate) => fiscalPeriodContaining(date, calendar, unit);
  return {
    unit,
    containing,
    between: (earlier, later) => periodNumber(later) - periodNumber(earlier),
    nextStart: (date) => containing(date).end,
    isStart: (date) => containing(date).start === date,
  };
}
