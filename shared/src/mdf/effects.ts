import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../common/schemas.js';
import { MoneySchema } from '../money/money.js';
import { TraceSubjectSchema } from '../trace/decision-trace.js';

/** The MDF events people are told about. */
export const MdfEventSchema = z.enum([
  'budget_funded',
  'funds_allocated',
  'funds_accrued',
  'funds_expired',
  'request_submitted',
  'request_approved',
  'request_rejected',
  'request_withdrawn',
  'request_lapsed',
  'request_closed',
  'claim_filed',
  'claim_approved',
  'claim_rejected',
  'claim_returned',
  'claim_paid',
]);
export type MdfEvent = z.infer<typeof MdfEventSchema>;

/** Who is told: a partner (its contacts), or the people holding a role (approvers, finance). */
export const MdfAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('partner'), partnerId: RecordIdSchema }),
  z.strictObject({ kind: z.literal('role'), role: IdentifierSchema }),
]);
export type MdfAudience = z.infer<typeof MdfAudienceSchema>;

/**
 * What an MDF transition asks the caller to do, as data; the core never performs it:
 * - `notify`: tell an audience about an event, with a sentence;
 * - `remit_payment`: send one remittance of a payment batch to a partner (the finance system or the CRM's
 *   payment integration does it, quoting `reference`).
 */
export const MdfEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('notify'),
    audience: MdfAudienceSchema,
    event: MdfEventSchema,
    subject: TraceSubjectSchema,
    message: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('remit_payment'),
    paymentBatchId: RecordIdSchema,
    partnerId: RecordIdSchema,
    amount: MoneySchema,
    reference: z.string().min(1),
    claimIds: z.array(RecordIdSchema).min(1),
  }),
]);
export type MdfEffect = z.infer<typeof MdfEffectSchema>;

/** A `notify` effect. */
export function notify(
  audience: MdfAudience,
  event: MdfEvent,
  subject: { type: string; id: string },
  message: string,
): MdfEffect {
  return { kind: 'notify', audience, event, subject: { ...subject }, message };
}
