import * as z from 'zod';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { CalendarDateSchema, parseCalendarDate, type CalendarDate } from '../../time/calendar-date.js';
import { toDayNumber, type DayNumber } from '../../time/day-number.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fiscalPeriodContaining, shiftFiscalPeriod } from '../../time/fiscal-period.js';
import { PeriodUnitSchema, type Period } from '../../time/period.js';

/** The most buckets a window may hold: twenty years of months. */
export const MAX_BUCKETS = 240;

/**
 * The span a KPI report covers, from `from` (included) to `to` (excluded), cut into buckets of one period
 * `unit` of the program's `fiscal` calendar or of the `calendar` year. Deals, registrations, offers and
 * activities fall in the bucket of their day; a bucket cut by the window's edge is shorter.
 *
 * @example { from: '2026-02-01', to: '2027-02-01', unit: 'quarter', calendar: 'fiscal' } // FY2027 Q1–Q4
 */
export const KpiWindowSchema = z
  .strictObject({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    unit: PeriodUnitSchema,
    calendar: z.enum(['fiscal', 'calendar']),
  })
  .refine((window) => window.from < window.to, {
    error: 'must end after it starts',
    params: { code: 'window_empty' },
    path: ['to'],
  });
export type KpiWindow = z.infer<typeof KpiWindowSchema>;

/** One time bucket of a report: its key (the day it starts), a label (`FY2027 Q1`, `2026-03`) and its days. */
export const KpiBucketSchema = z.strictObject({
  key: CalendarDateSchema,
  label: z.string().min(1),
  start: CalendarDateSchema,
  end: CalendarDateSchema,
});
export type KpiBucket = z.infer<typeof KpiBucketSchema>;

const CALENDAR_YEAR: FiscalCalendar = { firstMonth: 1, yearNamedBy: 'start', timeZone: 'UTC' };

/** A calendar period's label: `2026`, `2026 H1`, `2026 Q3`, `2026-03`. */
function calendarLabel(period: Period): string {
  const { year, month } = parseCalendarDate(period.start)!;
  switch (period.unit) {
    case 'year':
      return String(year);
    case 'half_year':
      return `${year} H${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}

/**
 * The buckets of a window, in order: the fiscal (or calendar) periods of its unit that overlap it, each cut
 * to the window. Refused when the window holds more than `MAX_BUCKETS` buckets (`too_many_buckets`).
 *
 * @example kpiBuckets({ from: '2026-03-15', to: '2026-06-01', unit: 'quarter', calendar: 'fiscal' }, fiscalCalendar)
 * // [{ key: '2026-03-15', label: 'FY2027 Q1', start: '2026-03-15', end: '2026-05-01' }, { key: '2026-05-01', label: 'FY2027 Q2', … end: '2026-06-01' }]
 */
export function kpiBuckets(window: KpiWindow, fiscalCalendar: FiscalCalendar): Result<KpiBucket[]> {
  const calendar = window.calendar === 'fiscal' ? fiscalCalendar : CALENDAR_YEAR;
  const buckets: KpiBucket[] = [];
  let period = fiscalPeriodContaining(window.from, calendar, window.unit);
  while (period.start < window.to) {
    if (buckets.length === MAX_BUCKETS) {
      return fail([
        issue(
          ['to'],
          'too_many_buckets',
          `The window from ${window.from} to ${window.to} holds more than ${MAX_BUCKETS} buckets of a ${window.unit.replace('_', ' ')}: shorten it or choose a longer unit.`,
        ),
      ]);
    }
    const start = period.start < window.from ? window.from : period.start;
    const end = period.end > window.to ? window.to : period.end;
    buckets.push({
      key: start,
      label: window.calendar === 'fiscal' ? period.label : calendarLabel(period),
      start,
      end,
    });
    period = shiftFiscalPeriod(period, calendar, 1);
  }
  return ok(buckets);
}

/**
 * Finds the bucket of a day in constant time: a table from each day of the window to its bucket.
 * Days outside the window have none (-1).
 */
export class BucketIndex {
  readonly first: DayNumber;
  readonly last: DayNumber;
  readonly #table: Int16Array;

  constructor(readonly buckets: readonly KpiBucket[]) {
    if (buckets.length === 0) throw new Error('A bucket index needs at least one bucket.');
    this.first = toDayNumber(buckets[0]!.start);
    this.last = toDayNumber(buckets[buckets.length - 1]!.end);
    this.#table = new Int16Array(this.last - this.first);
    buckets.forEach((bucket, index) => {
      const from = toDayNumber(bucket.start) - this.first;
      const to = toDayNumber(bucket.end) - this.first;
      this.#table.fill(index, from, to);
    });
  }

  /** The bucket of a day number, or -1 outside the window. */
  of(day: DayNumber): number {
    return day >= this.first && day < this.last ? this.#table[day - this.first]! : -1;
  }

  /** The bucket of a calendar date, or -1 outside the window. */
  ofDate(date: CalendarDate): number {
    return this.of(toDayNumber(date));
  }
}
