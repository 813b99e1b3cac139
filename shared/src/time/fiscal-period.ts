import { formatCalendarDate, parseCalendarDate, type CalendarDate } from './calendar-date.js';
import type { FiscalCalendar } from './fiscal-calendar.js';
import type { Period, PeriodUnit } from './period.js';

const MONTHS_IN: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** Months counted from year 0: a single integer that month arithmetic can add to. */
function monthIndexOf(date: CalendarDate): number {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  return parts.year * 12 + (parts.month - 1);
}

function firstDayOfMonthIndex(index: number): CalendarDate {
  return formatCalendarDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

function fiscalYearName(fiscalYearStartIndex: number, calendar: FiscalCalendar): number {
  const startYear = Math.floor(fiscalYearStartIndex / 12);
  return calendar.yearNamedBy === 'end' && calendar.firstMonth !== 1 ? startYear + 1 : startYear;
}

function labelOf(unit: PeriodUnit, fiscalYear: number, position: number): string {
  switch (unit) {
    case 'year':
      return `FY${fiscalYear}`;
    case 'half_year':
      return `FY${fiscalYear} H${position}`;
    case 'quarter':
      return `FY${fiscalYear} Q${position}`;
    case 'month':
      return `FY${fiscalYear} M${position}`;
  }
}

function periodStartingAt(startIndex: number, unit: PeriodUnit, calendar: FiscalCalendar): Period {
  const length = MONTHS_IN[unit];
  const monthsIntoYear = (((startIndex - (calendar.firstMonth - 1)) % 12) + 12) % 12;
  const fiscalYear = fiscalYearName(startIndex - monthsIntoYear, calendar);
  return {
    unit,
    start: firstDayOfMonthIndex(startIndex),
    end: firstDayOfMonthIndex(startIndex + length),
    label: labelOf(unit, fiscalYear, Math.floor(monthsIntoYear / length) + 1),
  };
}

/**
 * The fiscal period of the given unit that contains `date`.
 *
 * @example
 * fiscalPeriodContaining('2026-03-15', { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' }, 'quarter')
 * // { unit: 'quarter', start: '2026-02-01', end: '2026-05-01', label: 'FY2027 Q1' }
 */
export function fiscalPeriodContaining(date: CalendarDate, calendar: FiscalCalendar, unit: PeriodUnit): Period {
  const index = monthIndexOf(date);
  const monthsIntoYear = (((index - (calendar.firstMonth - 1)) % 12) + 12) % 12;
  const length = MONTHS_IN[unit];
  return periodStartingAt(index - (monthsIntoYear % length), unit, calendar);
}

/**
 * The fiscal period `count` periods after `period` (before, for a negative count), of the same unit.
 *
 * @example shiftFiscalPeriod(q1, calendar, -1) // the last quarter of the previous fiscal year
 */
export function shiftFiscalPeriod(period: Period, calendar: FiscalCalendar, count: number): Period {
  if (!Number.isInteger(count)) throw new Error('Periods shift by whole periods.');
  const shiftedStart = firstDayOfMonthIndex(monthIndexOf(period.start) + count * MONTHS_IN[period.unit]);
  return fiscalPeriodContaining(shiftedStart, calendar, period.unit);
}
