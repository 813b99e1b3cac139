import * as z from 'zod';
import { IdentifierSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * What applying a proposal does to the partner's tier:
 * - `none`: nothing;
 * - `start_grace`: the partner keeps a tier it no longer qualifies for, and its grace period starts;
 * - `end_grace`: it qualifies for its tier again, and its grace period ends;
 * - `move`: it moves up or down, on `effectiveOn` (scheduled when that day is still to come);
 *   `graceSinceAfter` keeps a running grace clock across a one-rank downgrade;
 * - `end_override`: an expired override gives way to the tier the partner qualifies for (which may be
 *   the same one), at once.
 */
export const TierMovePlanSchema = z.discriminatedUnion('change', [
  z.strictObject({ change: z.literal('none') }),
  z.strictObject({ change: z.literal('start_grace') }),
  z.strictObject({ change: z.literal('end_grace') }),
  z.strictObject({
    change: z.literal('move'),
    direction: z.enum(['upgrade', 'downgrade']),
    reason: z.enum(['qualification', 'grace_over', 'probation']),
    toTierId: IdentifierSchema.nullable(),
    effectiveOn: CalendarDateSchema,
    graceSinceAfter: CalendarDateSchema.nullable(),
  }),
  z.strictObject({
    change: z.literal('end_override'),
    direction: z.enum(['upgrade', 'downgrade', 'same']),
    toTierId: IdentifierSchema.nullable(),
  }),
]);
export type TierMovePlan = z.infer<typeof TierMovePlanSchema>;

/** What applying a proposal does to the partner's specializations, by specialization id. */
export const SpecializationPlanSchema = z.strictObject({
  award: z.array(IdentifierSchema),
  remove: z.array(IdentifierSchema),
  startGrace: z.array(IdentifierSchema),
  endGrace: z.array(IdentifierSchema),
});
export type SpecializationPlan = z.infer<typeof SpecializationPlanSchema>;

/** Everything applying a proposal changes: the tier, then the specializations. Plain data. */
export const TierPlanSchema = z.strictObject({
  tier: TierMovePlanSchema,
  specializations: SpecializationPlanSchema,
});
export type TierPlan = z.infer<typeof TierPlanSchema>;
