import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * How many partners would move from each tier to each tier: `counts[i][j]` partners now at
 * `tierIds[i]` would be at `tierIds[j]` (`null`: no tier). The diagonal holds those who stay. The axis
 * lists no tier, then the program's tiers from the lowest rank up, then any other tier partners hold today.
 */
export const TierMovementMatrixSchema = z.strictObject({
  tierIds: z.array(IdentifierSchema.nullable()),
  counts: z.array(z.array(z.int().min(0))),
});
export type TierMovementMatrix = z.infer<typeof TierMovementMatrixSchema>;

/**
 * A partner who would move, with the one-sentence summary of its proposal. A report lists every
 * mover, so it carries summaries rather than whole traces (tens of thousands of traces would not fit
 * a CRM page or an HTTP response); `evaluatePartnerTier` under the draft gives a mover's full explanation.
 */
export const PartnerTierMoveSchema = z.strictObject({
  partnerId: RecordIdSchema,
  kind: z.enum(['upgrade', 'downgrade']),
  fromTierId: IdentifierSchema.nullable(),
  toTierId: IdentifierSchema.nullable(),
  effectiveOn: CalendarDateSchema.nullable(),
  summary: z.string().min(1),
});
export type PartnerTierMove = z.infer<typeof PartnerTierMoveSchema>;

/** What publishing a program would do to the partners, evaluated on `evaluatedOn`, without changing anything. */
export const TierWhatIfReportSchema = z.strictObject({
  programId: IdentifierSchema,
  evaluatedOn: CalendarDateSchema,
  partners: z.int().min(0),
  matrix: TierMovementMatrixSchema,
  moves: z.array(PartnerTierMoveSchema),
});
export type TierWhatIfReport = z.infer<typeof TierWhatIfReportSchema>;
