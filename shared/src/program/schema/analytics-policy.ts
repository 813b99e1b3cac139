import * as z from 'zod';
import { uniqueList } from '../../common/schemas.js';

/**
 * How a partner touched a deal:
 * - `sourced`: the partner brought the opportunity;
 * - `registered`: the partner registered the deal;
 * - `co_sell`: the partner sold alongside the vendor's team;
 * - `influence_activity`: anything else that helped (a demo, a reference call, an event the customer attended).
 */
export const TouchKindSchema = z.enum(['sourced', 'registered', 'co_sell', 'influence_activity']);
export type TouchKind = z.infer<typeof TouchKindSchema>;

/** The touch kinds that may make a partner the source of a deal. */
export const SourcingTouchKindSchema = z.enum(['sourced', 'registered', 'co_sell']);

const positionPercent = z.int().min(0).max(100);
const customWeight = z.int().min(0).max(1000);

/**
 * How a deal's amount is shared among the partners that touched it:
 * - `first_touch`, `last_touch`: all of it to the earliest, or the latest, touch;
 * - `linear`: equally per touch;
 * - `time_decay`: a touch weighs half as much for every `halfLifeDays` days it came before the close;
 * - `position_based`: `first` percent to the earliest touch, `last` percent to the latest and `middle`
 *   percent shared by those in between (40/20/40 unless stated);
 * - `custom`: per touch kind, in relative weights (a touch's own weight, when it has one, replaces its kind's).
 */
export const AttributionModelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('first_touch') }),
  z.strictObject({ kind: z.literal('last_touch') }),
  z.strictObject({ kind: z.literal('linear') }),
  z.strictObject({ kind: z.literal('time_decay'), halfLifeDays: z.int().min(1).max(3650) }),
  z.strictObject({
    kind: z.literal('position_based'),
    first: positionPercent.default(40),
    middle: positionPercent.default(20),
    last: positionPercent.default(40),
  }),
  z.strictObject({
    kind: z.literal('custom'),
    weights: z.strictObject({
      sourced: customWeight,
      registered: customWeight,
      co_sell: customWeight,
      influence_activity: customWeight,
    }),
  }),
]);
export type AttributionModel = z.output<typeof AttributionModelSchema>;
export type AttributionModelInput = z.input<typeof AttributionModelSchema>;

/**
 * The program's rule for crediting partners with deals:
 * - `model`: the attribution model reports use unless they name another;
 * - `sourcedBy`: the touch kinds that make a partner the deal's source (the earliest such touch wins);
 * - `sourcingWindowDays`: how many days after the deal was created a sourcing touch still counts as
 *   sourcing (`null`: any time before the close); a later one only influences;
 * - `lookbackDays`: touches more than this many days before the deal was created are ignored (`null`: none is).
 */
export const AttributionPolicySchema = z.strictObject({
  model: AttributionModelSchema,
  sourcedBy: uniqueList(SourcingTouchKindSchema).min(1),
  sourcingWindowDays: z.int().min(0).max(3650).nullable(),
  lookbackDays: z.int().min(1).max(3650).nullable(),
});
export type AttributionPolicy = z.output<typeof AttributionPolicySchema>;

/**
 * What channel analytics reads from the program: the attribution rule and the service level for
 * deciding a deal registration (`registrationReviewSlaHours`, calendar hours from submission to approval).
 * Lead acceptance is measured against each offer's own due time, from the routing policy.
 */
export const AnalyticsPolicySchema = z.strictObject({
  attribution: AttributionPolicySchema,
  registrationReviewSlaHours: z.number().gt(0).max(8760).multipleOf(0.25),
});
export type AnalyticsPolicy = z.output<typeof AnalyticsPolicySchema>;

/**
 * The analytics policy of a program that states none: linear attribution, sourced by `sourced` and
 * `registered` touches at any time before the close, no lookback limit, 48 hours to decide a registration.
 */
export function defaultAnalyticsPolicy(): AnalyticsPolicy {
  return {
    attribution: {
      model: { kind: 'linear' },
      sourcedBy: ['sourced', 'registered'],
      sourcingWindowDays: null,
      lookbackDays: null,
    },
    registrationReviewSlaHours: 48,
  };
}
