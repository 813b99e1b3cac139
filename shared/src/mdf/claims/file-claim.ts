import * as z from 'zod';
import { MoneySchema, formatMoney } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { checkClaimDeadline } from '../checks/claim-deadline.js';
import { skipped, verdictOf, type MdfCheck } from '../checks/check.js';
import { checkReimbursableCap } from '../checks/reimbursable-cap.js';
import { checkRequiredProofs } from '../checks/required-proofs.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { programToday } from '../policy/terms.js';
import type { ApprovedMdfRequest, MdfRequest } from '../requests/request.js';
import { MdfProofSchema, type MdfClaimIn } from './claim.js';

/** What a partner files: the reimbursement claimed and the proofs of performance. */
export const ClaimDraftSchema = z.strictObject({ amount: MoneySchema, proofs: z.array(MdfProofSchema) });
export type ClaimDraft = z.infer<typeof ClaimDraftSchema>;

/** Filing a claim: the claim, and its request holding the claimed amount as pending. */
export interface ClaimFilingOutcome extends MdfTransition<MdfClaimIn<'submitted'>> {
  request: ApprovedMdfRequest;
}

/** The role that reviews a request's claims: the role of the level that approved it (the lowest if gone). */
export function reviewerRole(program: Program, request: ApprovedMdfRequest): string {
  const levels = program.mdf.approvalLevels;
  return (levels.find((level) => level.name === request.approval.levelName) ?? levels[0]!).approverRole;
}

/**
 * Files a claim against an approved request (one of possibly several partial claims). The checks, in the
 * trace `mdf.claim.filing`: the request is approved; the claim deadline has not passed; the claim carries
 * every required kind of proof; and claims stay within approved × reimbursement rate (counting approved
 * and pending claims). The request then holds the amount as pending so that two claims filed at once
 * cannot both use the same room; the reviewers are told.
 */
export function fileClaim(
  program: Program,
  request: MdfRequest,
  draft: ClaimDraft & { id: string; filedBy: string },
  now: Date,
): MdfDecided<ClaimFilingOutcome> {
  const checks: MdfCheck[] = [checkStatus('request', request.id, request.status, ['approved'], 'claimed against')];
  if (request.status === 'approved') {
    checks.push(
      checkClaimDeadline(programToday(program, now), request.terms.claimDeadline),
      checkRequiredProofs(program, request.terms.proofKindIds, draft.proofs),
      checkReimbursableCap(
        request.amount,
        request.terms.reimbursementBasisPoints,
        request.commitment,
        { approved: request.claims.approved, pendingOthers: request.claims.pending },
        draft.amount,
      ),
    );
  } else {
    checks.push(skipped('claim_checks', 'Claims are checked only against approved requests.'));
  }
  const subject = { type: 'mdf_claim', id: draft.id };
  const verdict = verdictOf('mdf.claim.filing', subject, checks, {
    outcome: 'filed',
    summary: `Claim of ${formatMoney(draft.amount)} on "${request.title}" is filed for review.`,
  });
  if (verdict.issues.length > 0 || request.status !== 'approved') return refused(verdict.issues, verdict.trace);
  const next: MdfClaimIn<'submitted'> = {
    id: draft.id,
    status: 'submitted',
    requestId: request.id,
    allocationId: request.allocationId,
    partnerId: request.partnerId,
    amount: draft.amount,
    proofs: draft.proofs,
    filedBy: draft.filedBy,
    filedAt: now.toISOString(),
    returns: [],
    version: 0,
  };
  const pending = { amount: request.claims.pending.amount + draft.amount.amount, currency: draft.amount.currency };
  return decided(
    {
      next,
      request: { ...request, claims: { ...request.claims, pending } },
      postings: [],
      effects: [
        notify(
          { kind: 'role', role: reviewerRole(program, request) },
          'claim_filed',
          subject,
          `Partner ${request.partnerId} claims ${formatMoney(draft.amount)} for "${request.title}".`,
        ),
      ],
    },
    verdict.trace,
  );
}
