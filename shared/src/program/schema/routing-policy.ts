import * as z from 'zod';
import {
  CatalogCodeSchema,
  DisplayNameSchema,
  IdentifierSchema,
  RecordIdSchema,
  uniqueList,
} from '../../common/schemas.js';

const stepFields = {
  id: IdentifierSchema,
  name: DisplayNameSchema,
  /** A required step that leaves nobody sends the lead to the review queue; an optional one is skipped. */
  required: z.boolean(),
};

/**
 * One routing step: a filter that narrows the partners eligible for a lead.
 * - `partner_status`: partners in one of the allowed lifecycle statuses;
 * - `territory`: partners covering the lead's country, or its subdivision;
 * - `postal_prefix`: partners whose postal prefixes start the lead's postal code;
 * - `distance`: partners within a radius of the lead, widened step by step up to a maximum;
 * - `industry`, `language`: partners serving the lead's industry, speaking its language;
 * - `specialization`: partners holding the lead's specialization, or one of a fixed list;
 * - `minimum_tier`: partners at or above a tier;
 * - `certification`: partners certified for the lead's product (optionally of one type).
 */
export const RoutingStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...stepFields,
    kind: z.literal('partner_status'),
    allow: uniqueList(z.enum(['active', 'onboarding'])).min(1),
  }),
  z.strictObject({ ...stepFields, kind: z.literal('territory'), match: z.enum(['country', 'subdivision']) }),
  z.strictObject({ ...stepFields, kind: z.literal('postal_prefix') }),
  z.strictObject({
    ...stepFields,
    kind: z.literal('distance'),
    initialRadiusKm: z.number().gt(0).max(20_000),
    maxRadiusKm: z.number().gt(0).max(20_000),
    growthFactor: z.number().gt(1).max(10),
  }),
  z.strictObject({ ...stepFields, kind: z.literal('industry') }),
  z.strictObject({ ...stepFields, kind: z.literal('language') }),
  z.strictObject({
    ...stepFields,
    kind: z.literal('specialization'),
    /** When given, partners must hold one of these; otherwise the lead's own specialization. */
    specializationIds: uniqueList(IdentifierSchema).min(1).optional(),
  }),
  z.strictObject({ ...stepFields, kind: z.literal('minimum_tier'), tierId: IdentifierSchema }),
  z.strictObject({
    ...stepFields,
    kind: z.literal('certification'),
    certificationType: CatalogCodeSchema.optional(),
  }),
]);
export type RoutingStep = z.infer<typeof RoutingStepSchema>;

/**
 * How one partner is chosen among those the steps leave:
 * - `weighted_round_robin`: smooth weighted round robin on the tiers' routing weights;
 * - `least_loaded`: the partner with the fewest leads in the period;
 * - `best_score`: the best weighted blend of performance, tier weight and fit;
 * - `nearest`: the partner closest to the lead;
 * - `weighted_random`: a draw weighted by routing weight from a seeded generator (reproducible).
 */
export const SelectionStrategySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weighted_round_robin') }),
  z.strictObject({ kind: z.literal('least_loaded'), period: z.enum(['day', 'week', 'month', 'quarter']) }),
  z.strictObject({
    kind: z.literal('best_score'),
    weights: z.strictObject({
      performance: z.number().min(0).max(1),
      tierWeight: z.number().min(0).max(1),
      fit: z.number().min(0).max(1),
    }),
  }),
  z.strictObject({ kind: z.literal('nearest') }),
  z.strictObject({ kind: z.literal('weighted_random'), seed: z.string().min(1).max(100) }),
]);
export type SelectionStrategy = z.infer<typeof SelectionStrategySchema>;

/** Most leads a partner may receive per day, week, month or quarter; at least one period is capped. */
export const CapacityCapsSchema = z.strictObject({
  day: z.int().min(1).optional(),
  week: z.int().min(1).optional(),
  month: z.int().min(1).optional(),
  quarter: z.int().min(1).optional(),
});
export type CapacityCaps = z.infer<typeof CapacityCapsSchema>;

/**
 * Capacity caps: for every partner, and per tier (a partner is held to both). Weeks start on the given
 * day; months and quarters follow the calendar or the program's fiscal calendar.
 */
export const CapacityPolicySchema = z.strictObject({
  periods: z.enum(['calendar', 'fiscal']),
  weekStartsOn: z.enum(['monday', 'sunday']),
  perPartner: CapacityCapsSchema.nullable(),
  perTier: z.array(CapacityCapsSchema.extend({ tierId: IdentifierSchema })).default([]),
});
export type CapacityPolicy = z.infer<typeof CapacityPolicySchema>;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Working hours in the program's time zone, for SLAs counted in business hours. */
export const BusinessHoursSchema = z.strictObject({
  days: uniqueList(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])).min(1),
  start: z.string().regex(TIME_OF_DAY, { error: 'must be a time of day written HH:MM, such as 09:00' }),
  end: z.string().regex(TIME_OF_DAY, { error: 'must be a time of day written HH:MM, such as 17:30' }),
});

/**
 * Offers: how long a partner has to accept a lead (in calendar or business hours), and after how
 * many attempts an unaccepted lead goes to a person.
 */
export const OfferPolicySchema = z.strictObject({
  slaHours: z.number().gt(0).max(720).multipleOf(0.25),
  slaClock: z.enum(['calendar_hours', 'business_hours']),
  businessHours: BusinessHoursSchema.optional(),
  maxAttempts: z.int().min(1).max(20),
});

/** Where a lead goes when no partner can take it. */
export const RoutingFallbackSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('queue'), queueId: IdentifierSchema, name: DisplayNameSchema }),
  z.strictObject({ kind: z.literal('partner'), partnerId: RecordIdSchema }),
]);

/** The lead distribution policy: ordered steps, the selection strategy, capacity, stickiness, offers, fallback. */
export const RoutingPolicySchema = z.strictObject({
  steps: z.array(RoutingStepSchema).min(1).max(50),
  selection: SelectionStrategySchema,
  capacity: CapacityPolicySchema,
  sticky: z.strictObject({
    enabled: z.boolean(),
    /** How far back an earlier assignment for the same account counts. */
    lookbackDays: z.int().min(1).max(3650),
  }),
  offers: OfferPolicySchema,
  fallback: RoutingFallbackSchema,
});
export type RoutingPolicy = z.infer<typeof RoutingPolicySchema>;
