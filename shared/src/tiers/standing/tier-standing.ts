import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { TierDeciderSchema } from './decider.js';
import { TierChangeReasonSchema, TierChangeSchema } from './tier-change.js';

/**
 * The tier a partner holds: which, since when it is in effect, how it got there (probation follows an
 * `upgrade` only) and the date of the evaluation or override that decided it.
 */
export const TierPlacementSchema = z.strictObject({
  tierId: IdentifierSchema,
  since: CalendarDateSchema,
  reachedBy: z.enum(['initial', 'upgrade', 'downgrade', 'override', 'override_expired']),
  decidedOn: CalendarDateSchema,
});
export type TierPlacement = z.infer<typeof TierPlacementSchema>;

/** A manual tier set by a channel manager, in force until (not including) `expiresOn`. */
export const TierOverrideSchema = z.strictObject({
  tierId: IdentifierSchema,
  setOn: CalendarDateSchema,
  expiresOn: CalendarDateSchema,
  reason: z.string().min(1).max(1000),
  by: RecordIdSchema,
});
export type TierOverride = z.infer<typeof TierOverrideSchema>;

/**
 * An approved tier change that takes effect on a later day (a program whose changes wait for the next
 * period start). Until then the partner keeps its tier; from that day on it holds `toTierId`.
 * `graceSinceAfter` carries a running grace clock across a one-rank downgrade.
 */
export const ScheduledTierChangeSchema = z.strictObject({
  direction: z.enum(['upgrade', 'downgrade']),
  reason: TierChangeReasonSchema,
  toTierId: IdentifierSchema.nullable(),
  effectiveOn: CalendarDateSchema,
  decidedOn: CalendarDateSchema,
  appliedOn: CalendarDateSchema,
  decidedBy: TierDeciderSchema,
  proposalId: RecordIdSchema.nullable(),
  graceSinceAfter: CalendarDateSchema.nullable(),
});
export type ScheduledTierChange = z.infer<typeof ScheduledTierChangeSchema>;

/** A specialization a partner holds, since when, and since when it is held in grace (`null`: it meets it). */
export const HeldSpecializationSchema = z.strictObject({
  specializationId: IdentifierSchema,
  since: CalendarDateSchema,
  graceSince: CalendarDateSchema.nullable(),
});
export type HeldSpecialization = z.infer<typeof HeldSpecializationSchema>;

const standingFields = {
  partnerId: RecordIdSchema,
  /** Increases with every saved change (optimistic concurrency); 0 for a standing never saved. */
  version: z.int().min(0),
  specializations: z.array(HeldSpecializationSchema),
  history: z.array(TierChangeSchema),
};

/**
 * Where a partner stands in the tier program: the explicit state that evaluation reads, so that an
 * evaluation is a pure function of (program, standing, data, date).
 * - `untiered`: holds no tier yet (or fell below the entry tier's criteria);
 * - `tiered`: holds a tier, no grace period running;
 * - `in_grace`: holds a tier it no longer qualifies for, since the evaluation date `grace.since`;
 * - `overridden`: holds a tier a channel manager set, until the override expires.
 *
 * Periods spent in grace and probation left are counted from the dates here in evaluation periods,
 * so they never drift from the calendar, and a skipped evaluation does not stretch a grace period.
 */
export const TierStandingSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...standingFields,
    status: z.literal('untiered'),
    tier: z.null(),
    grace: z.null(),
    override: z.null(),
    scheduled: ScheduledTierChangeSchema.nullable(),
  }),
  z.strictObject({
    ...standingFields,
    status: z.literal('tiered'),
    tier: TierPlacementSchema,
    grace: z.null(),
    override: z.null(),
    scheduled: ScheduledTierChangeSchema.nullable(),
  }),
  z.strictObject({
    ...standingFields,
    status: z.literal('in_grace'),
    tier: TierPlacementSchema,
    grace: z.strictObject({ since: CalendarDateSchema }),
    override: z.null(),
    scheduled: ScheduledTierChangeSchema.nullable(),
  }),
  z.strictObject({
    ...standingFields,
    status: z.literal('overridden'),
    tier: TierPlacementSchema,
    grace: z.null(),
    override: TierOverrideSchema,
    scheduled: z.null(),
  }),
]);
export type TierStanding = z.infer<typeof TierStandingSchema>;

/** The id of the tier a standing holds, or `null` for none. */
export function currentTierId(standing: TierStanding): string | null {
  return standing.tier === null ? null : standing.tier.tierId;
}
