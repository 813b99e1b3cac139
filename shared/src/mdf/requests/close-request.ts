import { formatMoney } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { failed, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { programToday } from '../policy/terms.js';
import { releaseCommitment } from './release.js';
import { mdfRequestBase, type ApprovedMdfRequest, type MdfRequest, type MdfRequestIn } from './request.js';

/** Ending an approved request: the request, closed or lapsed, and its allocation after the release. */
export interface RequestEndingOutcome<S extends 'closed' | 'lapsed'> extends MdfTransition<MdfRequestIn<S>> {
  allocation: MdfAllocation;
}

/** No claim of the request is waiting for review. Issue `claims_pending`. */
export function checkNoPendingClaims(request: ApprovedMdfRequest): MdfCheck {
  const pending = request.claims.pending;
  if (pending.amount > 0) {
    const message = `Claims for ${formatMoney(pending)} on this request are still open; review them first.`;
    return failed('pending_claims', message, { pending }, issue(['claims'], 'claims_pending', message));
  }
  return passed('pending_claims', 'No claim on this request is waiting for review.', { pending });
}

/**
 * Closes an approved request ending its claims: `by` is the manager (or `system` when fully claimed or
 * past its deadline). What it committed and approved claims did not use is released to the allocation.
 */
export function closeApprovedFundRequest(
  program: Program,
  request: ApprovedMdfRequest,
  allocation: MdfAllocation,
  by: string,
  why: string,
  now: Date,
): RequestEndingOutcome<'closed'> {
  const release = releaseCommitment(request, allocation, programToday(program, now), now, why);
  const next: MdfRequestIn<'closed'> = {
    ...mdfRequestBase(request),
    status: 'closed',
    closedAt: now.toISOString(),
    closedBy: by,
    amount: request.amount,
    approval: request.approval,
    commitment: request.commitment,
    claims: request.claims,
    released: release.released,
  };
  const released = release.released.amount > 0 ? `; ${formatMoney(release.released)} unused returns to your funds` : '';
  return {
    next,
    allocation: release.allocation,
    postings: release.postings,
    effects: [
      notify(
        { kind: 'partner', partnerId: request.partnerId },
        'request_closed',
        { type: 'mdf_request', id: request.id },
        `Your request "${request.title}" is closed: ${why}${released}.`,
      ),
    ],
  };
}

/**
 * A manager closes an approved request before its deadline (the activity cost less, or was cancelled):
 * no claim may be pending; the unclaimed commitment is released. Issues `invalid_status`, `claims_pending`.
 */
export function closeFundRequest(
  program: Program,
  request: MdfRequest,
  allocation: MdfAllocation,
  closedBy: string,
  now: Date,
): MdfDecided<RequestEndingOutcome<'closed'>> {
  const checks = [checkStatus('request', request.id, request.status, ['approved'], 'closed')];
  if (request.status === 'approved') checks.push(checkNoPendingClaims(request));
  const verdict = verdictOf('mdf.request.closing', { type: 'mdf_request', id: request.id }, checks, {
    outcome: 'closed',
    summary: `${closedBy} closes "${request.title}"; what claims did not use is released.`,
  });
  if (verdict.issues.length > 0 || request.status !== 'approved') return refused(verdict.issues, verdict.trace);
  return decided(
    closeApprovedFundRequest(program, request, allocation, closedBy, `${closedBy} closed it`, now),
    verdict.trace,
  );
}
