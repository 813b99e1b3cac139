import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { MoneySchema } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';

/** One proof of performance attached to a claim: its kind and the document holding it. */
export const MdfProofSchema = z.strictObject({
  kindId: IdentifierSchema,
  documentId: RecordIdSchema,
  name: DisplayNameSchema,
});
export type MdfProof = z.infer<typeof MdfProofSchema>;

/** A review that sent a claim back for more proof: who, when, why, and which kinds of proof to add. */
export const ReturnNoteSchema = z.strictObject({
  returnedBy: RecordIdSchema,
  returnedAt: InstantSchema,
  reason: z.string().trim().min(1).max(2000),
  missingProofKindIds: z.array(IdentifierSchema),
});
export type ReturnNote = z.infer<typeof ReturnNoteSchema>;

/** Who decided on a claim and when, with an optional note (required for a rejection). */
export const ClaimReviewSchema = z.strictObject({
  reviewedBy: RecordIdSchema,
  reviewedAt: InstantSchema,
  note: z.string().max(2000).nullable(),
});
export type ClaimReview = z.infer<typeof ClaimReviewSchema>;

/** Where an approved claim was paid: the batch, the remittance reference quoted to the partner, the day. */
export const ClaimPaymentSchema = z.strictObject({
  paymentBatchId: RecordIdSchema,
  reference: z.string().min(1),
  paidOn: CalendarDateSchema,
});
export type ClaimPayment = z.infer<typeof ClaimPaymentSchema>;

const claimFields = {
  id: RecordIdSchema,
  requestId: RecordIdSchema,
  allocationId: RecordIdSchema,
  partnerId: RecordIdSchema,
  /** The reimbursement claimed, in the request's currency (Salesforce PartnerFundClaim.Amount). */
  amount: MoneySchema,
  proofs: z.array(MdfProofSchema),
  filedBy: RecordIdSchema,
  filedAt: InstantSchema,
  /** Every time a reviewer sent the claim back for more proof, oldest first. */
  returns: z.array(ReturnNoteSchema),
  version: z.int().min(0),
};

/**
 * A claim for reimbursement against an approved request (Salesforce's PartnerFundClaim), by `status`:
 * - `submitted`: filed (or filed again with more proof), waiting for review;
 * - `returned`: sent back to the partner for more proof (the last of `returns` says what is missing);
 * - `approved`: accepted; `ledgerAmount` (in the allocation's currency) moved from committed to claimed;
 * - `rejected`: refused, with the reviewer's reason;
 * - `paid`: paid in a batch; `ledgerAmount` moved from claimed to paid.
 * A request may have several claims (partial claims) as long as they stay within what it committed.
 */
export const MdfClaimSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...claimFields, status: z.literal('submitted') }),
  z.strictObject({ ...claimFields, status: z.literal('returned') }),
  z.strictObject({
    ...claimFields,
    status: z.literal('approved'),
    review: ClaimReviewSchema,
    ledgerAmount: MoneySchema,
  }),
  z.strictObject({ ...claimFields, status: z.literal('rejected'), review: ClaimReviewSchema }),
  z.strictObject({
    ...claimFields,
    status: z.literal('paid'),
    review: ClaimReviewSchema,
    ledgerAmount: MoneySchema,
    payment: ClaimPaymentSchema,
  }),
]);
export type MdfClaim = z.infer<typeof MdfClaimSchema>;
export type MdfClaimStatus = MdfClaim['status'];
export type MdfClaimIn<S extends MdfClaimStatus> = Extract<MdfClaim, { status: S }>;

/** The fields every claim has whatever its status. */
export type MdfClaimBase = Omit<MdfClaimIn<'submitted'>, 'status'>;

/** The common fields of a claim, without its status-specific ones. */
export function mdfClaimBase(claim: MdfClaim): MdfClaimBase {
  return {
    id: claim.id,
    requestId: claim.requestId,
    allocationId: claim.allocationId,
    partnerId: claim.partnerId,
    amount: claim.amount,
    proofs: claim.proofs,
    filedBy: claim.filedBy,
    filedAt: claim.filedAt,
    returns: claim.returns,
    version: claim.version,
  };
}
