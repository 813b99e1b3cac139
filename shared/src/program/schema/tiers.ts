import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, PercentSchema } from '../../common/schemas.js';
import { PeriodUnitSchema } from '../../time/period.js';
import { CriteriaSchema } from './criteria.js';

/** What a tier gives its partners; the other workflows read these. */
export const TierBenefitsSchema = z.strictObject({
  /** Discount off list price on partner deals. */
  discountPercent: PercentSchema,
  /** Share of the partner's won revenue that accrues as MDF, and the weight of tier-formula allocations. */
  mdfRatePercent: PercentSchema,
  /** Most open deal registrations a partner of this tier may hold at once; `null` for no cap. */
  registrationCap: z.int().min(1).nullable(),
  /** Relative share of leads under weighted round robin (a partner of weight 3 gets three times weight 1's). */
  routingWeight: z.int().min(1).max(1000),
});
export type TierBenefits = z.infer<typeof TierBenefitsSchema>;

/**
 * A partner tier (Registered, Silver, Gold, Platinum): its rank (1 is the entry tier, higher is
 * better), the criteria to qualify, the benefits, and optionally its own grace period.
 */
export const TierSchema = z.strictObject({
  id: IdentifierSchema,
  name: DisplayNameSchema,
  rank: z.int().min(1).max(100),
  description: z.string().max(500).optional(),
  criteria: CriteriaSchema,
  benefits: TierBenefitsSchema,
  /** Evaluation periods a partner below this tier keeps it; overrides the policy's default. */
  gracePeriods: z.int().min(0).max(12).optional(),
});
export type Tier = z.infer<typeof TierSchema>;

/** A specialization (Security, Cloud Migration…): awarded on its own criteria, next to the tier. */
export const SpecializationSchema = z.strictObject({
  id: IdentifierSchema,
  name: DisplayNameSchema,
  description: z.string().max(500).optional(),
  criteria: CriteriaSchema,
  /** The lowest tier that may hold this specialization. */
  minimumTierId: IdentifierSchema.optional(),
  gracePeriods: z.int().min(0).max(12).optional(),
});
export type Specialization = z.infer<typeof SpecializationSchema>;

/** When a tier change takes effect and whether a channel manager approves it first. */
const MovementSchema = z.strictObject({
  effective: z.enum(['immediately', 'next_period_start']),
  approval: z.enum(['automatic', 'manual']),
});

/**
 * How partners move between tiers: the evaluation period, when upgrades and downgrades take effect
 * and who approves them, how far a downgrade goes, the default grace period, probation after an
 * upgrade, and how long a manual override may last.
 */
export const TierPolicySchema = z.strictObject({
  evaluationPeriod: PeriodUnitSchema,
  upgrades: MovementSchema,
  downgrades: MovementSchema.extend({
    /** Drop one rank at a time, or straight to the tier the partner qualifies for. */
    step: z.enum(['one_rank', 'to_qualifying']),
  }),
  /** Evaluation periods a partner below its tier keeps it before it is downgraded. */
  gracePeriods: z.int().min(0).max(12),
  /** Evaluation periods after an upgrade during which no grace applies. */
  probationPeriods: z.int().min(0).max(12),
  overrides: z.strictObject({
    /** Longest a manual tier override may last before it expires. */
    maxDays: z.int().min(1).max(1095),
  }),
});
export type TierPolicy = z.infer<typeof TierPolicySchema>;
