import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { ExchangeRateSchema } from '../../money/exchange.js';
import { MoneySchema, NonNegativeMoneySchema } from '../../money/money.js';
import { BasisPointsSchema } from '../../money/percentage.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';

/** The outcome a partner expects from the activity, which ROI later compares with what happened. */
export const MdfExpectedOutcomeSchema = z.strictObject({
  leads: z.int().min(0),
  pipeline: NonNegativeMoneySchema,
});
export type MdfExpectedOutcome = z.infer<typeof MdfExpectedOutcomeSchema>;

/** The CRM records an activity produced: campaigns, leads and deals (ids), for ROI. */
export const RequestLinksSchema = z.strictObject({
  campaignIds: z.array(RecordIdSchema),
  leadIds: z.array(RecordIdSchema),
  dealIds: z.array(RecordIdSchema),
});
export type RequestLinks = z.infer<typeof RequestLinksSchema>;

/**
 * The policy terms in force when the request was submitted, kept on the request so that a later change
 * of the program never changes what was agreed: the share reimbursed, the proofs a claim needs and the
 * last day a claim may be filed.
 */
export const RequestTermsSchema = z.strictObject({
  reimbursementBasisPoints: BasisPointsSchema.min(1).max(10_000),
  proofKindIds: z.array(IdentifierSchema).min(1),
  claimDeadline: CalendarDateSchema,
});
export type RequestTerms = z.infer<typeof RequestTermsSchema>;

/** Who approved a request, when, at which level, and whether for all that was requested. */
export const RequestApprovalSchema = z.strictObject({
  approvedBy: RecordIdSchema,
  approvedAt: InstantSchema,
  levelName: DisplayNameSchema,
  kind: z.enum(['full', 'partial']),
});
export type RequestApproval = z.infer<typeof RequestApprovalSchema>;

/**
 * What an approval commits: `funds`, the most claims may total (the approved amount × the reimbursement
 * rate, rounded down), in the request's currency; `ledgerAmount`, the same in the allocation's currency,
 * moved from available to committed; and the exchange rate used between the two, if they differ.
 */
export const MdfCommitmentSchema = z.strictObject({
  funds: MoneySchema,
  ledgerAmount: MoneySchema,
  exchangeRate: ExchangeRateSchema.nullable(),
});
export type MdfCommitment = z.infer<typeof MdfCommitmentSchema>;

/** What claims hold against a request: filed and not yet decided, and approved (also in the ledger currency). */
export const ClaimTallySchema = z.strictObject({
  pending: MoneySchema,
  approved: MoneySchema,
  approvedLedger: MoneySchema,
});
export type ClaimTally = z.infer<typeof ClaimTallySchema>;

/** A decision that ended a request without money moving: who, when, why. */
export const RequestDecisionSchema = z.strictObject({
  decidedBy: RecordIdSchema,
  decidedAt: InstantSchema,
  reason: z.string().trim().min(1).max(2000),
});

const requestFields = {
  id: RecordIdSchema,
  title: DisplayNameSchema,
  partnerId: RecordIdSchema,
  allocationId: RecordIdSchema,
  fundTypeId: IdentifierSchema,
  activityId: IdentifierSchema,
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
  /** The activity spend the partner asks MDF to co-fund (Salesforce RequestedAmount). */
  requestedAmount: MoneySchema,
  /** What the partner pledges to pay itself. */
  partnerContribution: MoneySchema,
  expected: MdfExpectedOutcomeSchema,
  links: RequestLinksSchema,
  terms: RequestTermsSchema,
  submittedBy: RecordIdSchema,
  submittedAt: InstantSchema,
  version: z.int().min(0),
};

/**
 * A fund request (Salesforce's PartnerFundRequest), by `status`:
 * - `submitted`: waiting for a decision;
 * - `approved`: fully or partly (`amount`, Salesforce Amount, may be less than requested), its funds
 *   committed; claims are filed against it;
 * - `rejected`, `withdrawn`: ended before any money moved;
 * - `lapsed`: not decided before the activity began, or approved but never claimed by the deadline;
 *   whatever was committed is `released`;
 * - `closed`: claims are over (fully claimed, closed by a manager, or past the deadline with some claims);
 *   what was committed and not claimed is `released`.
 */
export const MdfRequestSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...requestFields, status: z.literal('submitted') }),
  z.strictObject({
    ...requestFields,
    status: z.literal('approved'),
    amount: MoneySchema,
    approval: RequestApprovalSchema,
    commitment: MdfCommitmentSchema,
    claims: ClaimTallySchema,
  }),
  z.strictObject({ ...requestFields, status: z.literal('rejected'), decision: RequestDecisionSchema }),
  z.strictObject({ ...requestFields, status: z.literal('withdrawn'), withdrawnAt: InstantSchema }),
  z.strictObject({
    ...requestFields,
    status: z.literal('lapsed'),
    lapsedAt: InstantSchema,
    amount: MoneySchema.nullable(),
    approval: RequestApprovalSchema.nullable(),
    commitment: MdfCommitmentSchema.nullable(),
    released: MoneySchema.nullable(),
  }),
  z.strictObject({
    ...requestFields,
    status: z.literal('closed'),
    closedAt: InstantSchema,
    closedBy: RecordIdSchema,
    amount: MoneySchema,
    approval: RequestApprovalSchema,
    commitment: MdfCommitmentSchema,
    claims: ClaimTallySchema,
    released: MoneySchema,
  }),
]);
export type MdfRequest = z.infer<typeof MdfRequestSchema>;
export type MdfRequestStatus = MdfRequest['status'];
export type MdfRequestIn<S extends MdfRequestStatus> = Extract<MdfRequest, { status: S }>;
export type SubmittedMdfRequest = MdfRequestIn<'submitted'>;
export type ApprovedMdfRequest = MdfRequestIn<'approved'>;

/** The fields every request has whatever its status. */
export type MdfRequestBase = Omit<SubmittedMdfRequest, 'status'>;

/** The common fields of a request, without its status-specific ones. */
export function mdfRequestBase(request: MdfRequest): MdfRequestBase {
  return {
    id: request.id,
    title: request.title,
    partnerId: request.partnerId,
    allocationId: request.allocationId,
    fundTypeId: request.fundTypeId,
    activityId: request.activityId,
    startDate: request.startDate,
    endDate: request.endDate,
    requestedAmount: request.requestedAmount,
    partnerContribution: request.partnerContribution,
    expected: request.expected,
    links: request.links,
    terms: request.terms,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt,
    version: request.version,
  };
}
