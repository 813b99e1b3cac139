import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * One customer-satisfaction score of a partner (0 to 100) on a date, from a survey tool or the CRM.
 * Criteria read the average of the scores in their window.
 *
 * @example { partnerId: 'p-1', date: '2026-09-14', value: 92 }
 */
export const TierSatisfactionScoreSchema = z.strictObject({
  partnerId: RecordIdSchema,
  date: CalendarDateSchema,
  value: z.number().min(0).max(100),
});
export type TierSatisfactionScore = z.infer<typeof TierSatisfactionScoreSchema>;
