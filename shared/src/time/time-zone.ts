import * as z from 'zod';
import { formatCalendarDate, type CalendarDate } from './calendar-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `name` is an IANA time zone the runtime knows, such as `America/New_York` or `UTC`. */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name. */
export const TimeZoneSchema = z.string().refine(isTimeZone, {
  error: 'must be an IANA time zone name, such as America/New_York or Europe/Paris',
  params: { code: 'invalid_time_zone' },
});

/**
 * The calendar date of an instant as seen in a time zone: what "today" is for a program.
 *
 * @example calendarDateIn(new Date('2026-01-01T03:00:00Z'), 'America/Los_Angeles') // '2025-12-31'
 */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  return formatCalendarDate({ year: value('year'), month: value('month'), day: value('day') });
}
