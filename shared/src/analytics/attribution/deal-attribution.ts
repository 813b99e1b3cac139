import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { MoneySchema } from '../../money/money.js';
import { AttributionModelSchema } from '../../program/schema/analytics-policy.js';
import { DecisionTraceSchema } from '../../trace/decision-trace.js';

/** How partners took part in a deal: one sourced it (the others influenced it), partners only influenced it, or none counts. */
export const DealClassificationKindSchema = z.enum(['sourced', 'influenced', 'direct']);

/** A partner's role in a deal, by the program's rule. */
export const AttributedRoleSchema = z.enum(['sourced', 'influenced']);
export type AttributedRole = z.infer<typeof AttributedRoleSchema>;

/** What one partner is credited with on a deal: its role, its share of the amount and how many of its touches counted. */
export const PartnerShareSchema = z.strictObject({
  partnerId: RecordIdSchema,
  role: AttributedRoleSchema,
  share: MoneySchema,
  touches: z.int().min(1),
});
export type PartnerShare = z.infer<typeof PartnerShareSchema>;

/**
 * The attribution of one deal under one model: its classification, each partner's share (in the order of
 * their first touch) and each counted touch's share, the touches that did not count and why, the amount
 * left to no partner (the whole amount of a direct deal, zero otherwise), and the decision's trace
 * (decision `analytics.attribution`). The partner shares, and the touch shares, add up to the amount less
 * the unattributed part, exactly.
 */
export const DealAttributionSchema = z.strictObject({
  dealId: RecordIdSchema,
  model: AttributionModelSchema,
  classification: DealClassificationKindSchema,
  sourcedBy: RecordIdSchema.nullable(),
  amount: MoneySchema,
  partners: z.array(PartnerShareSchema),
  touches: z.array(z.strictObject({ touchId: RecordIdSchema, partnerId: RecordIdSchema, share: MoneySchema })),
  ignoredTouches: z.array(
    z.strictObject({ touchId: RecordIdSchema, reason: z.enum(['after_close', 'before_lookback']) }),
  ),
  unattributed: MoneySchema,
  trace: DecisionTraceSchema,
});
export type DealAttribution = z.infer<typeof DealAttributionSchema>;
