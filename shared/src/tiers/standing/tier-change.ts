import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { TierDeciderSchema } from './decider.js';

/**
 * Why a partner's tier moved:
 * - `qualification`: it qualifies for a higher tier;
 * - `grace_over`: it stayed below its tier for longer than the grace period;
 * - `probation`: it fell below a tier it had just been upgraded to (no grace on probation);
 * - `override`: a channel manager set the tier by hand;
 * - `override_expired`: a manual override ended and the partner returned to the tier it qualifies for.
 */
export const TierChangeReasonSchema = z.enum([
  'qualification',
  'grace_over',
  'probation',
  'override',
  'override_expired',
]);
export type TierChangeReason = z.infer<typeof TierChangeReasonSchema>;

/**
 * One applied change of a partner's tier, as the tier history keeps it: from and to (`null` is no
 * tier), the day it took effect, the evaluation (or override) date that decided it, the day it was
 * applied, who decided and why.
 */
export const TierChangeSchema = z.strictObject({
  direction: z.enum(['upgrade', 'downgrade', 'same']),
  reason: TierChangeReasonSchema,
  fromTierId: IdentifierSchema.nullable(),
  toTierId: IdentifierSchema.nullable(),
  effectiveOn: CalendarDateSchema,
  decidedOn: CalendarDateSchema,
  appliedOn: CalendarDateSchema,
  decidedBy: TierDeciderSchema,
  proposalId: RecordIdSchema.nullable(),
  note: z.string().max(1000).nullable(),
});
export type TierChange = z.infer<typeof TierChangeSchema>;
