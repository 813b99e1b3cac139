import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { formatMoney } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { failed, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { checkReimbursableCap } from '../checks/reimbursable-cap.js';
import { checkRequiredProofs } from '../checks/required-proofs.js';
import { checkStatus } from '../checks/status.js';
import { notify, type MdfEffect } from '../effects.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { toLedger } from '../requests/amounts.js';
import { closeApprovedFundRequest } from '../requests/close-request.js';
import type { ApprovedMdfRequest, MdfRequest } from '../requests/request.js';
import { mdfClaimBase, type MdfClaim } from './claim.js';

/** A reviewer's decision on a claim: approve it, reject it (with a reason), or return it for more proof. */
export const ClaimDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('approve'),
    reviewedBy: RecordIdSchema,
    note: z.string().max(2000).nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('reject'), reviewedBy: RecordIdSchema, reason: z.string().max(2000) }),
  z.strictObject({
    kind: z.literal('return'),
    reviewedBy: RecordIdSchema,
    reason: z.string().max(2000),
    missingProofKindIds: z.array(IdentifierSchema).default([]),
  }),
]);
export type ClaimDecision = z.output<typeof ClaimDecisionSchema>;

/** Reviewing a claim: the claim, its request (tally updated, closed when fully claimed) and allocation. */
export interface ClaimReviewOutcome extends MdfTransition<MdfClaim> {
  request: MdfRequest;
  allocation: MdfAllocation;
}

function checkReason(reason: string): MdfCheck {
  const trimmed = reason.trim();
  return trimmed === ''
    ? failed(
        'reason',
        'The partner needs a reason to act on.',
        {},
        issue(['reason'], 'reason_required', 'The partner needs a reason to act on.'),
      )
    : passed('reason', `Reason: ${trimmed}`, { reason: trimmed });
}

function approvedLedgerAfter(request: ApprovedMdfRequest, approvedAfter: number): number {
  const currency = request.commitment.funds.currency;
  return toLedger({ amount: approvedAfter, currency }, request.commitment.exchangeRate).amount;
}

/**
 * Reviews a submitted claim (trace `mdf.claim.review`):
 * - `approve`: the proofs and the cap (approved × reimbursement rate) are checked again; the claim's
 *   amount moves from committed to claimed in the allocation's currency (converted cumulatively with the
 *   request's rate, so approved claims never exceed the commitment); when claims reach the cap and none is
 *   pending, the request closes and releases what is left;
 * - `reject`: with a reason; the amount no longer counts against the request;
 * - `return`: for more proof, with a reason and the missing kinds; the amount stays held.
 * Issues `invalid_status`, `reason_required`, `proof_missing`, `claim_exceeds_reimbursable`.
 */
export function reviewClaim(
  program: Program,
  claim: MdfClaim,
  request: MdfRequest,
  allocation: MdfAllocation,
  decision: ClaimDecision,
  now: Date,
): MdfDecided<ClaimReviewOutcome> {
  if (claim.requestId !== request.id || allocation.id !== request.allocationId) {
    throw new Error('The claim, its request and its allocation must belong together.');
  }
  const subject = { type: 'mdf_claim', id: claim.id };
  const checks: MdfCheck[] = [checkStatus('claim', claim.id, claim.status, ['submitted'], 'reviewed')];
  checks.push(checkStatus('request', request.id, request.status, ['approved'], 'claimed against'));
  if (decision.kind === 'approve' && request.status === 'approved') {
    checks.push(
      checkRequiredProofs(program, request.terms.proofKindIds, claim.proofs),
      checkReimbursableCap(
        request.amount,
        request.terms.reimbursementBasisPoints,
        request.commitment,
        {
          approved: request.claims.approved,
          pendingOthers: {
            amount: request.claims.pending.amount - claim.amount.amount,
            currency: claim.amount.currency,
          },
        },
        claim.amount,
      ),
    );
  } else if (decision.kind !== 'approve') {
    checks.push(checkReason(decision.reason));
  }
  const verbs = { approve: 'approves', reject: 'rejects', return: 'returns for more proof' } as const;
  const verdict = verdictOf('mdf.claim.review', subject, checks, {
    outcome: { approve: 'approved', reject: 'rejected', return: 'returned' }[decision.kind],
    summary: `${decision.reviewedBy} ${verbs[decision.kind]} the claim of ${formatMoney(claim.amount)} on "${request.title}".`,
  });
  if (verdict.issues.length > 0 || claim.status !== 'submitted' || request.status !== 'approved') {
    return refused(verdict.issues, verdict.trace);
  }
  const base = mdfClaimBase(claim);
  const review = { reviewedBy: decision.reviewedBy, reviewedAt: now.toISOString() };
  const partner = { kind: 'partner' as const, partnerId: claim.partnerId };
  const currency = claim.amount.currency;

  if (decision.kind === 'return') {
    const note = {
      returnedBy: decision.reviewedBy,
      returnedAt: now.toISOString(),
      reason: decision.reason.trim(),
      missingProofKindIds: decision.missingProofKindIds,
    };
    return decided(
      {
        next: { ...base, status: 'returned', returns: [...base.returns, note] },
        request,
        allocation,
        postings: [],
        effects: [
          notify(
            partner,
            'claim_returned',
            subject,
            `Your claim on "${request.title}" needs more proof: ${note.reason}`,
          ),
        ],
      },
      verdict.trace,
    );
  }
  const pending = { amount: request.claims.pending.amount - claim.amount.amount, currency };
  if (decision.kind === 'reject') {
    const reason = decision.reason.trim();
    return decided(
      {
        next: { ...base, status: 'rejected', review: { ...review, note: reason } },
        request: { ...request, claims: { ...request.claims, pending } },
        allocation,
        postings: [],
        effects: [
          notify(partner, 'claim_rejected', subject, `Your claim on "${request.title}" is rejected: ${reason}`),
        ],
      },
      verdict.trace,
    );
  }

  const approvedAfter = request.claims.approved.amount + claim.amount.amount;
  const ledgerAfter = approvedLedgerAfter(request, approvedAfter);
  const ledgerAmount = { amount: ledgerAfter - request.claims.approvedLedger.amount, currency: allocation.currency };
  const postings: MdfPosting[] =
    ledgerAmount.amount === 0
      ? []
      : [
          {
            id: `${claim.id}:claim`,
            kind: 'claim',
            allocationId: allocation.id,
            requestId: request.id,
            claimId: claim.id,
            postedAt: now.toISOString(),
            currency: allocation.currency,
            memo: `Claim of ${formatMoney(claim.amount)} on request "${request.title}" approved by ${decision.reviewedBy}.`,
            lines: linesOf([
              {
                from: allocationAccount(allocation.id, 'committed'),
                to: allocationAccount(allocation.id, 'claimed'),
                amount: ledgerAmount.amount,
              },
            ]),
          },
        ];
  const nextRequest: ApprovedMdfRequest = {
    ...request,
    claims: {
      pending,
      approved: { amount: approvedAfter, currency },
      approvedLedger: { amount: ledgerAfter, currency: allocation.currency },
    },
  };
  const nextAllocation = { ...allocation, balances: applyToAllocation(allocation.balances, allocation.id, postings) };
  const effects: MdfEffect[] = [
    notify(
      partner,
      'claim_approved',
      subject,
      `Your claim of ${formatMoney(claim.amount)} on "${request.title}" is approved for payment.`,
    ),
  ];
  const next: MdfClaim = { ...base, status: 'approved', review: { ...review, note: decision.note }, ledgerAmount };
  const fullyClaimed = approvedAfter === request.commitment.funds.amount && pending.amount === 0;
  if (!fullyClaimed) {
    return decided({ next, request: nextRequest, allocation: nextAllocation, postings, effects }, verdict.trace);
  }
  const closed = closeApprovedFundRequest(
    program,
    nextRequest,
    nextAllocation,
    decision.reviewedBy,
    'it is fully claimed',
    now,
  );
  return decided(
    {
      next,
      request: closed.next,
      allocation: closed.allocation,
      postings: [...postings, ...closed.postings],
      effects: [...effects, ...closed.effects],
    },
    verdict.trace,
  );
}
