import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';

/**
 * Who decided a tier change: the program's automatic approval, or a person (a channel manager who
 * approved a proposal or set an override) by user id.
 */
export const TierDeciderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('automatic') }),
  z.strictObject({ kind: z.literal('user'), userId: RecordIdSchema }),
]);
export type TierDecider = z.infer<typeof TierDeciderSchema>;

/** The program's automatic approval, as a decider. */
export const AUTOMATIC_TIER_DECISION: TierDecider = { kind: 'automatic' };
