import type { MdfClaim, MdfClaimIn } from '../claims/claim.js';
import { fileClaim, type ClaimDraft, type ClaimFilingOutcome } from '../claims/file-claim.js';
import { resubmitClaim, type ClaimResubmission } from '../claims/resubmit-claim.js';
import { reviewClaim, type ClaimDecision, type ClaimReviewOutcome } from '../claims/review-claim.js';
import type { MdfTransition } from '../outcome.js';
import type { MdfRequest } from '../requests/request.js';
import { commitDecision, notFound, writeOf, type MdfContext, type MdfOutcome } from './context.js';

/**
 * Files a claim against an approved request (`fileClaim`) with a new id; the request is written with
 * the version read, so two claims filed at once cannot both use the same room under the cap.
 */
export async function fileMdfClaim(
  context: MdfContext,
  input: ClaimDraft & { requestId: string; filedBy: string },
): Promise<MdfOutcome<ClaimFilingOutcome>> {
  const request = await context.store.requests.get(input.requestId);
  if (!request) return notFound('request', input.requestId);
  const draft = {
    amount: input.amount,
    proofs: input.proofs,
    id: context.ids.next('mdf-claim'),
    filedBy: input.filedBy,
  };
  const decision = fileClaim(context.program, request, draft, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    claims: [writeOf<MdfClaim>(data.next, null)],
    requests: [writeOf<MdfRequest>(data.request, request)],
  }));
}

/** Reviews a claim (`reviewClaim`): writes the claim, its request and, when money moves, its allocation. */
export async function reviewMdfClaim(
  context: MdfContext,
  input: { claimId: string; decision: ClaimDecision },
): Promise<MdfOutcome<ClaimReviewOutcome>> {
  const claim = await context.store.claims.get(input.claimId);
  if (!claim) return notFound('claim', input.claimId);
  const request = await context.store.requests.get(claim.requestId);
  if (!request) return notFound('request', claim.requestId);
  const allocation = await context.store.allocations.get(request.allocationId);
  if (!allocation) return notFound('allocation', request.allocationId);
  const decision = reviewClaim(context.program, claim, request, allocation, input.decision, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    claims: [writeOf(data.next, claim)],
    requests: data.request === request ? [] : [writeOf(data.request, request)],
    allocations: data.postings.length > 0 ? [writeOf(data.allocation, allocation)] : [],
    postings: data.postings,
  }));
}

/** Files a returned claim again with more proof (`resubmitClaim`). */
export async function resubmitMdfClaim(
  context: MdfContext,
  input: ClaimResubmission & { claimId: string },
): Promise<MdfOutcome<MdfTransition<MdfClaimIn<'submitted'>>>> {
  const claim = await context.store.claims.get(input.claimId);
  if (!claim) return notFound('claim', input.claimId);
  const request = await context.store.requests.get(claim.requestId);
  if (!request) return notFound('request', claim.requestId);
  const decision = resubmitClaim(context.program, claim, request, input);
  return commitDecision(context.store, decision, (data) => ({ claims: [writeOf<MdfClaim>(data.next, claim)] }));
}
