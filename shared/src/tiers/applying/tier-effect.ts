import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { TierBenefitsSchema } from '../../program/schema/tiers.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/** What a notification is about; the caller picks the audience and the channel. */
export const TierNotificationEventSchema = z.enum([
  'tier_upgraded',
  'tier_downgraded',
  'tier_change_scheduled',
  'grace_started',
  'grace_ended',
  'specializations_changed',
  'proposal_awaiting_approval',
  'proposal_rejected',
  'override_set',
  'override_ended',
]);
export type TierNotificationEvent = z.infer<typeof TierNotificationEventSchema>;

/**
 * Something to do once a tier decision is applied, returned as data and performed by the caller:
 * - `update_partner_tier`: set the partner record's tier field (`null`: no tier);
 * - `adjust_benefits`: apply the tier's benefits (discount, MDF rate, registration cap, routing
 *   weight) from that day, `null` when the partner holds no tier;
 * - `update_partner_specializations`: set the partner record's specializations;
 * - `notify`: tell people, with a sentence.
 */
export const TierEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('update_partner_tier'),
    partnerId: RecordIdSchema,
    tierId: IdentifierSchema.nullable(),
    effectiveOn: CalendarDateSchema,
  }),
  z.strictObject({
    kind: z.literal('adjust_benefits'),
    partnerId: RecordIdSchema,
    tierId: IdentifierSchema.nullable(),
    benefits: TierBenefitsSchema.nullable(),
    effectiveOn: CalendarDateSchema,
  }),
  z.strictObject({
    kind: z.literal('update_partner_specializations'),
    partnerId: RecordIdSchema,
    specializationIds: z.array(IdentifierSchema),
    effectiveOn: CalendarDateSchema,
  }),
  z.strictObject({
    kind: z.literal('notify'),
    partnerId: RecordIdSchema,
    event: TierNotificationEventSchema,
    message: z.string().min(1),
  }),
]);
export type TierEffect = z.infer<typeof TierEffectSchema>;
