import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { InstantSchema } from '../../time/instant.js';
import { offerIdOf, QueueReasonSchema, type LeadDistribution } from '../state/lead-distribution.js';

/**
 * What the caller must do after a routing decision or an offer transition; returned as data, never
 * performed by the core:
 * - `send_offer`: tell the partner about the lead and its deadline;
 * - `withdraw_offer`: tell the partner the lead is no longer theirs (expired, or reassigned by hand);
 * - `confirm_assignment`: make the partner the lead's owner in the CRM;
 * - `notify_queue`: put the lead in front of a person (`queueId` `null`: the unrouted leads list).
 */
export const RoutingEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('send_offer'),
    leadId: RecordIdSchema,
    offerId: z.string().min(1),
    partnerId: RecordIdSchema,
    dueAt: InstantSchema,
  }),
  z.strictObject({
    kind: z.literal('withdraw_offer'),
    leadId: RecordIdSchema,
    offerId: z.string().min(1),
    partnerId: RecordIdSchema,
    reason: z.enum(['expired', 'reassigned']),
  }),
  z.strictObject({
    kind: z.literal('confirm_assignment'),
    leadId: RecordIdSchema,
    offerId: z.string().min(1),
    partnerId: RecordIdSchema,
  }),
  z.strictObject({
    kind: z.literal('notify_queue'),
    leadId: RecordIdSchema,
    queueId: IdentifierSchema.nullable(),
    reason: QueueReasonSchema,
  }),
]);
export type RoutingEffect = z.infer<typeof RoutingEffectSchema>;

/**
 * The effects a routing result asks for: an offer to send, or a queue to notify. A distribution routing
 * left as it is asks for nothing.
 */
export function effectsOfRouting(record: LeadDistribution): RoutingEffect[] {
  switch (record.status) {
    case 'offered':
      return [
        {
          kind: 'send_offer',
          leadId: record.leadId,
          offerId: offerIdOf(record.leadId, record.attempts),
          partnerId: record.partnerId,
          dueAt: record.dueAt,
        },
      ];
    case 'queued':
      return [{ kind: 'notify_queue', leadId: record.leadId, queueId: record.queueId, reason: record.reason }];
    case 'accepted':
    case 'rerouting':
      return [];
  }
}
