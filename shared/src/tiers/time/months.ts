import { daysInMonth, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../../time/calendar-date.js';

/**
 * The same day `months` months later (earlier when negative), clamped to the last day of a shorter
 * month: 2026-03-31 minus one month is 2026-02-28.
 *
 * @example addMonthsClamped('2026-03-31', -1) // '2026-02-28'
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  if (!Number.isInteger(months)) throw new Error('Months are added whole.');
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatCalendarDate({ year, month, day: Math.min(parts.day, daysInMonth(year, month)) });
}

/** Months counted from year 0 of the month a date falls in: an integer month arithmetic can subtract. */
export function monthIndexOf(date: CalendarDate): number {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  return parts.year * 12 + (parts.month - 1);
}
