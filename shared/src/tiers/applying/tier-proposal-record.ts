import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { TierProposalSchema } from '../proposal/tier-proposal.js';
import { TierDeciderSchema } from '../standing/decider.js';

const recordFields = {
  id: RecordIdSchema,
  /** Increases with every saved change (optimistic concurrency). */
  version: z.int().min(0),
  proposal: TierProposalSchema,
  createdOn: CalendarDateSchema,
};

/**
 * A stored tier proposal and where it is in its workflow:
 * pending → approved (applied, by a channel manager or automatically) | rejected (with a reason) |
 * superseded (a later evaluation proposed something else, or nothing, before anyone decided).
 */
export const TierProposalRecordSchema = z.discriminatedUnion('status', [
  z.strictObject({
    ...recordFields,
    status: z.literal('pending'),
    decidedOn: z.null(),
    decidedBy: z.null(),
    note: z.null(),
    supersededBy: z.null(),
  }),
  z.strictObject({
    ...recordFields,
    status: z.literal('approved'),
    decidedOn: CalendarDateSchema,
    decidedBy: TierDeciderSchema,
    note: z.string().max(1000).nullable(),
    supersededBy: z.null(),
  }),
  z.strictObject({
    ...recordFields,
    status: z.literal('rejected'),
    decidedOn: CalendarDateSchema,
    decidedBy: TierDeciderSchema,
    note: z.string().min(1).max(1000),
    supersededBy: z.null(),
  }),
  z.strictObject({
    ...recordFields,
    status: z.literal('superseded'),
    decidedOn: CalendarDateSchema,
    decidedBy: z.null(),
    note: z.null(),
    /** The proposal that replaced it, or `null` when the later evaluation proposed nothing to apply. */
    supersededBy: RecordIdSchema.nullable(),
  }),
]);
export type TierProposalRecord = z.infer<typeof TierProposalRecordSchema>;
export type PendingTierProposal = Extract<TierProposalRecord, { status: 'pending' }>;
