import { formatCalendarDate, parseCalendarDate, type CalendarDate } from './calendar-date.js';

/**
 * A calendar date as the number of days since 1970-01-01: a plain integer that compares and subtracts
 * without parsing, so that millions of dates can be checked against windows quickly.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/**
 * The day number of a calendar date. Throws on a string that is not a real `YYYY-MM-DD` date (a bug:
 * dates are validated at the boundary).
 *
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: CalendarDate): DayNumber {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

/**
 * The calendar date of a day number.
 *
 * @example fromDayNumber(20_416) // '2025-11-24'
 */
export function fromDayNumber(day: DayNumber): CalendarDate {
  if (!Number.isInteger(day)) throw new Error(`Not a day number: ${day}`);
  const instant = new Date(day * MS_PER_DAY);
  return formatCalendarDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

/**
 * How many days `to` comes after `from`: negative when it comes before, 0 on the same day.
 *
 * @example daysBetween('2027-02-10', '2027-02-22') // 12
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** A count of days as a person writes it. @example dayCount(1) // '1 day' */
export function dayCount(days: number): string {
  return `${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}
