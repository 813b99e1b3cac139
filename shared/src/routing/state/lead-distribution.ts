import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { InstantSchema } from '../../time/instant.js';

/**
 * How an offer came about: the selection strategy chose the partner, the account's earlier partner kept it
 * (sticky), the program's default partner took it because no partner qualified (fallback), or a person chose
 * (manual).
 */
export const OfferViaSchema = z.enum(['strategy', 'sticky', 'fallback', 'manual']);
export type OfferVia = z.infer<typeof OfferViaSchema>;

/**
 * Why a lead waits for a person:
 * - `no_eligible_partner`: no partner passed a required step, or none was left to choose;
 * - `max_attempts`: the program's maximum number of offers was made and none was accepted;
 * - `fallback_unavailable`: the default partner could not take the lead (inactive, at capacity, excluded).
 */
export const QueueReasonSchema = z.enum(['no_eligible_partner', 'max_attempts', 'fallback_unavailable']);
export type QueueReason = z.infer<typeof QueueReasonSchema>;

/** Who reassigned a lead by hand and why. */
export const ManualNoteSchema = z.strictObject({
  by: RecordIdSchema,
  reason: z
    .string()
    .max(500)
    .refine((text) => text.trim() !== '', { error: 'must not be blank', params: { code: 'blank' } }),
});
export type ManualNote = z.infer<typeof ManualNoteSchema>;

const offerFacts = {
  partnerId: RecordIdSchema,
  attempt: z.int().min(1),
  via: OfferViaSchema,
  offeredAt: InstantSchema,
  dueAt: InstantSchema,
};

/**
 * One closed chapter of a lead's distribution, kept in order so that every step is on record:
 * - `declined`: the partner declined the offer (it never gets this lead again);
 * - `expired`: the SLA passed without an answer (the partner never gets this lead again);
 * - `withdrawn`: a person took the lead back from the partner (offered or accepted) to reassign it;
 * - `dequeued`: a person took the lead out of a queue to reassign it.
 */
export const DistributionEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('declined'), ...offerFacts, at: InstantSchema, reason: z.string().max(500) }),
  z.strictObject({ kind: z.literal('expired'), ...offerFacts, at: InstantSchema }),
  z.strictObject({
    kind: z.literal('withdrawn'),
    ...offerFacts,
    acceptedAt: InstantSchema.nullable(),
    at: InstantSchema,
    manual: ManualNoteSchema,
  }),
  z.strictObject({
    kind: z.literal('dequeued'),
    queueId: IdentifierSchema.nullable(),
    reason: QueueReasonSchema,
    queuedAt: InstantSchema,
    at: InstantSchema,
    manual: ManualNoteSchema,
  }),
]);
export type DistributionEvent = z.infer<typeof DistributionEventSchema>;

const distributionFields = {
  leadId: RecordIdSchema,
  /** Offers made so far: this one's number in an offer id (see `offerIdOf`). */
  /** The lead's account when it has one: sticky assignment follows it. */
  accountId: RecordIdSchema.nullable(),
  attempts: z.int().min(0),
  history: z.array(DistributionEventSchema),
};

const currentOfferFields = {
  partnerId: RecordIdSchema,
  via: OfferViaSchema,
  /** Set when a person chose the partner. */
  manual: ManualNoteSchema.nullable(),
  offeredAt: InstantSchema,
  dueAt: InstantSchema,
};

/**
 * Where a lead stands in distribution, tagged by `status`:
 * - `offered`: a partner has until `dueAt` to accept or decline;
 * - `accepted`: the partner took the lead;
 * - `rerouting`: the last offer was declined or expired and the lead waits to be routed again;
 * - `queued`: the lead waits for a person (`queueId` is `null` when the program's fallback is a partner).
 *
 * @example
 * { status: 'offered', leadId: 'lead-1', accountId: null, attempts: 1, history: [], partnerId: 'p-7', via: 'strategy', manual: null, offeredAt: '2026-11-24T09:00:00.000Z',
 *   dueAt: '2026-11-25T09:00:00.000Z' }
 */
export const LeadDistributionSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...distributionFields, status: z.literal('offered'), ...currentOfferFields }),
  z.strictObject({
    ...distributionFields,
    status: z.literal('accepted'),
    ...currentOfferFields,
    acceptedAt: InstantSchema,
  }),
  z.strictObject({ ...distributionFields, status: z.literal('rerouting'), since: InstantSchema }),
  z.strictObject({
    ...distributionFields,
    status: z.literal('queued'),
    queueId: IdentifierSchema.nullable(),
    reason: QueueReasonSchema,
    queuedAt: InstantSchema,
  }),
]);
export type LeadDistribution = z.infer<typeof LeadDistributionSchema>;
export type OfferedLead = Extract<LeadDistribution, { status: 'offered' }>;
export type AcceptedLead = Extract<LeadDistribution, { status: 'accepted' }>;
export type ReroutingLead = Extract<LeadDistribution, { status: 'rerouting' }>;
export type QueuedLead = Extract<LeadDistribution, { status: 'queued' }>;

/**
 * The id of a lead's n-th offer, `leadId#attempt`: unique per lead and attempt, so that no id generator is
 * needed and the CRM's offer records can be keyed by it.
 */
export function offerIdOf(leadId: string, attempt: number): string {
  return `${leadId}#${attempt}`;
}
