import * as z from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar; `month` is 1..12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date as year, month (1..12) and day. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits a `YYYY-MM-DD` string, or returns `undefined` when it is not a real date. */
export function parseCalendarDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Writes a date as `YYYY-MM-DD`. */
export function formatCalendarDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar date without a time or zone, `YYYY-MM-DD`: fiscal boundaries, protection end dates,
 * certification expiry. Compared as strings, they sort chronologically.
 */
export const CalendarDateSchema = z.string().refine((text) => parseCalendarDate(text) !== undefined, {
  error: 'must be a calendar date written YYYY-MM-DD',
  params: { code: 'invalid_date' },
});
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** The date `days` days after `date` (negative for before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  const utc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return formatCalendarDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}
