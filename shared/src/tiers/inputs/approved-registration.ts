import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * A deal registration that was approved, as tier evaluation counts it: whose it is and the day it was
 * approved. Deliberately small, so that any source of registrations can provide it.
 *
 * @example { partnerId: 'p-1', approvedOn: '2026-10-02' }
 */
export const TierApprovedRegistrationSchema = z.strictObject({
  partnerId: RecordIdSchema,
  approvedOn: CalendarDateSchema,
});
export type TierApprovedRegistration = z.infer<typeof TierApprovedRegistrationSchema>;
