import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, IdentifierSchema } from '../../common/schemas.js';
import { NonNegativeMoneySchema } from '../../money/money.js';
import { PeriodUnitSchema } from '../../time/period.js';

/**
 * The span of time a metric is measured over:
 * - `trailing_months`: the last N months up to the evaluation date;
 * - `fiscal_period`: the current fiscal period to date, or the last completed one.
 */
export const MetricWindowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trailing_months'), months: z.int().min(1).max(60) }),
  z.strictObject({
    kind: z.literal('fiscal_period'),
    unit: PeriodUnitSchema,
    which: z.enum(['current_to_date', 'last_completed']),
  }),
]);
export type MetricWindow = z.infer<typeof MetricWindowSchema>;

/** Won revenue the partner sourced (or sourced and influenced) over a window, at least an amount. */
export const WonRevenueCriterionSchema = z.strictObject({
  kind: z.literal('won_revenue'),
  attribution: z.enum(['sourced', 'sourced_and_influenced']),
  atLeast: NonNegativeMoneySchema,
  window: MetricWindowSchema,
});

/** Deal registrations approved over a window, at least a count. */
export const ApprovedRegistrationsCriterionSchema = z.strictObject({
  kind: z.literal('approved_registrations'),
  atLeast: z.int().min(1),
  window: MetricWindowSchema,
});

/** Partner deals closed won over a window, at least a count. */
export const ClosedWonDealsCriterionSchema = z.strictObject({
  kind: z.literal('closed_won_deals'),
  atLeast: z.int().min(1),
  window: MetricWindowSchema,
});

/** Certifications held and unexpired on the evaluation date, optionally of one type or product. */
export const CertificationsCriterionSchema = z.strictObject({
  kind: z.literal('certifications'),
  atLeast: z.int().min(1),
  certificationType: CatalogCodeSchema.optional(),
  product: CatalogCodeSchema.optional(),
});

/** Average customer satisfaction (0 to 100) over a window, at least a score. */
export const CustomerSatisfactionCriterionSchema = z.strictObject({
  kind: z.literal('customer_satisfaction'),
  atLeast: z.number().min(0).max(100).multipleOf(0.01),
  window: MetricWindowSchema,
});

/** A metric the CRM supplies under `key` (more is better), at least a value, over an optional window. */
export const CustomMetricCriterionSchema = z.strictObject({
  kind: z.literal('custom_metric'),
  key: IdentifierSchema,
  label: DisplayNameSchema,
  atLeast: z.number(),
  window: MetricWindowSchema.optional(),
});

/** Every group and criterion kind a condition can be. */
export const CONDITION_KINDS = [
  'all',
  'any',
  'won_revenue',
  'approved_registrations',
  'closed_won_deals',
  'certifications',
  'customer_satisfaction',
  'custom_metric',
] as const;

/** A group that holds when all of its conditions hold (an empty one always holds). */
export const AllGroupSchema = z.strictObject({
  kind: z.literal('all'),
  get conditions() {
    return z.array(ConditionSchema);
  },
});

/** A group that holds when at least one of its conditions holds. */
export const AnyGroupSchema = z.strictObject({
  kind: z.literal('any'),
  get conditions() {
    return z.array(ConditionSchema).min(1);
  },
});

/**
 * A condition of tier or specialization criteria: a metric criterion, or a group that holds when
 * `all` or `any` of its conditions hold. Groups nest.
 *
 * @example
 * { kind: 'all', conditions: [
 *   { kind: 'won_revenue', attribution: 'sourced', atLeast: { amount: 50_000_000, currency: 'USD' },
 *     window: { kind: 'trailing_months', months: 12 } },
 *   { kind: 'certifications', atLeast: 2, certificationType: 'sales' } ] }
 */
export const ConditionSchema = z.discriminatedUnion('kind', [
  AllGroupSchema,
  AnyGroupSchema,
  WonRevenueCriterionSchema,
  ApprovedRegistrationsCriterionSchema,
  ClosedWonDealsCriterionSchema,
  CertificationsCriterionSchema,
  CustomerSatisfactionCriterionSchema,
  CustomMetricCriterionSchema,
]);
export type Condition = z.infer<typeof ConditionSchema>;
export type ConditionGroup = Extract<Condition, { kind: 'all' | 'any' }>;
export type Criterion = Exclude<Condition, ConditionGroup>;

/** The root of a set of criteria: always a group. */
export const CriteriaSchema = z.discriminatedUnion('kind', [AllGroupSchema, AnyGroupSchema]);
export type Criteria = z.infer<typeof CriteriaSchema>;

/** Whether a condition is a group of conditions rather than a single criterion. */
export function isConditionGroup(condition: Condition): condition is ConditionGroup {
  return condition.kind === 'all' || condition.kind === 'any';
}
