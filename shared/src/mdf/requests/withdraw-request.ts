import { verdictOf } from '../checks/check.js';
import { checkStatus } from '../checks/status.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { mdfRequestBase, type MdfRequest, type MdfRequestIn } from './request.js';

/**
 * The partner withdraws a request still waiting for a decision; no money moves. (An approved request is
 * closed instead, which releases its commitment.) Issue `invalid_status`.
 */
export function withdrawFundRequest(
  request: MdfRequest,
  now: Date,
): MdfDecided<MdfTransition<MdfRequestIn<'withdrawn'>>> {
  const verdict = verdictOf(
    'mdf.request.withdrawal',
    { type: 'mdf_request', id: request.id },
    [checkStatus('request', request.id, request.status, ['submitted'], 'withdrawn')],
    { outcome: 'withdrawn', summary: `The partner withdraws "${request.title}".` },
  );
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);
  return decided(
    {
      next: { ...mdfRequestBase(request), status: 'withdrawn', withdrawnAt: now.toISOString() },
      postings: [],
      effects: [],
    },
    verdict.trace,
  );
}
