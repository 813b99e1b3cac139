import * as z from 'zod';
import { TimeZoneSchema } from './time-zone.js';

/**
 * The program's fiscal calendar: the month its fiscal year starts in, whether a fiscal year is named
 * after the calendar year it starts or ends in (Salesforce's "Fiscal Year is Based On"), and the time
 * zone in which the program's days begin and end.
 *
 * @example { firstMonth: 2, yearNamedBy: 'end', timeZone: 'America/New_York' } // FY2027 = Feb 2026 – Jan 2027
 */
export const FiscalCalendarSchema = z.strictObject({
  firstMonth: z.int().min(1).max(12),
  yearNamedBy: z.enum(['start', 'end']),
  timeZone: TimeZoneSchema,
});
export type FiscalCalendar = z.infer<typeof FiscalCalendarSchema>;
