import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { NonNegativeMoneySchema } from '../../money/money.js';
import { TouchKindSchema } from '../../program/schema/analytics-policy.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * One time a partner touched a deal: it sourced it, registered it, co-sold it, or did something that
 * influenced it, on a program day. `weight` is the touch's own weight under a custom model, replacing its
 * kind's; other models ignore it.
 *
 * @example { id: 't-1', dealId: 'd-1', partnerId: 'p-1', kind: 'registered', on: '2026-03-02' }
 */
export const PartnerTouchSchema = z.strictObject({
  id: RecordIdSchema,
  dealId: RecordIdSchema,
  partnerId: RecordIdSchema,
  kind: TouchKindSchema,
  on: CalendarDateSchema,
  weight: z.int().min(0).max(1_000_000).optional(),
});
export type PartnerTouch = z.infer<typeof PartnerTouchSchema>;

/**
 * A deal as attribution reads it: its amount, the program day it was created, its stage and, once closed,
 * the program day it closed. Touches after the close (or, while open, after the day of the analysis) never
 * count.
 */
export const AttributionDealSchema = z.strictObject({
  id: RecordIdSchema,
  amount: NonNegativeMoneySchema,
  stage: z.enum(['open', 'won', 'lost']),
  createdOn: CalendarDateSchema,
  closedOn: CalendarDateSchema.nullable(),
});
export type AttributionDeal = z.infer<typeof AttributionDealSchema>;

/** The most touches that count for one deal: beyond it, the exact integer weights could overflow. */
export const MAX_TOUCHES_PER_DEAL = 10_000;
