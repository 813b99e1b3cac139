import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * One value of a custom metric the CRM supplies for a partner (`key` as in the program's
 * `custom_metric` criteria), dated. A criterion with a window adds up the values dated in it (events
 * such as webinars held, or monthly figures); one without a window reads the latest value on or
 * before the evaluation date (a snapshot such as a net promoter score).
 *
 * @example { partnerId: 'p-1', key: 'nps', date: '2026-10-31', value: 41 }
 */
export const TierCustomMetricValueSchema = z.strictObject({
  partnerId: RecordIdSchema,
  key: IdentifierSchema,
  date: CalendarDateSchema,
  value: z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
});
export type TierCustomMetricValue = z.infer<typeof TierCustomMetricValueSchema>;
