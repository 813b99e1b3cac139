import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { failed, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { decided, refused, type MdfDecided } from '../outcome.js';
import { programToday } from '../policy/terms.js';
import { checkNoPendingClaims, closeApprovedFundRequest, type RequestEndingOutcome } from './close-request.js';
import { releaseCommitment } from './release.js';
import { mdfRequestBase, type MdfRequest, type MdfRequestIn } from './request.js';

/** What lapsing does: a request that lapsed, or one closed because it was partly claimed by its deadline. */
export type RequestLapseOutcome =
  (RequestEndingOutcome<'lapsed'> & { outcome: 'lapsed' }) | (RequestEndingOutcome<'closed'> & { outcome: 'closed' });

/**
 * Lapses a request whose time is over, run by the scheduled job on the program's day at `now`:
 * - a submitted request not decided before its activity started lapses (nothing was committed);
 * - an approved request past its claim deadline with no claim pending lapses when nothing was claimed,
 *   or closes when some was; either way what it committed and claims did not use is released.
 * Issues `invalid_status`, `not_due` (its time is not over), `claims_pending`.
 */
export function lapseFundRequest(
  program: Program,
  request: MdfRequest,
  allocation: MdfAllocation,
  now: Date,
): MdfDecided<RequestLapseOutcome> {
  const today = programToday(program, now);
  const subject = { type: 'mdf_request', id: request.id };
  const checks: MdfCheck[] = [checkStatus('request', request.id, request.status, ['submitted', 'approved'], 'lapsed')];
  if (request.status === 'submitted') {
    const facts = { today, startDate: request.startDate };
    checks.push(
      today >= request.startDate
        ? passed('time_is_up', `The activity started on ${request.startDate} and the request was never decided.`, facts)
        : failed(
            'time_is_up',
            `The activity starts on ${request.startDate}; the request may still be decided.`,
            facts,
            issue(
              ['startDate'],
              'not_due',
              `The activity starts on ${request.startDate}; the request may still be decided.`,
            ),
          ),
    );
  } else if (request.status === 'approved') {
    const facts = { today, claimDeadline: request.terms.claimDeadline };
    checks.push(
      today > request.terms.claimDeadline
        ? passed('time_is_up', `Claims closed on ${request.terms.claimDeadline}.`, facts)
        : failed(
            'time_is_up',
            `Claims are open until ${request.terms.claimDeadline}.`,
            facts,
            issue(['terms', 'claimDeadline'], 'not_due', `Claims are open until ${request.terms.claimDeadline}.`),
          ),
      checkNoPendingClaims(request),
    );
  }
  const partlyClaimed = request.status === 'approved' && request.claims.approved.amount > 0;
  const verdict = verdictOf('mdf.request.lapse', subject, checks, {
    outcome: partlyClaimed ? 'closed' : 'lapsed',
    summary: partlyClaimed
      ? `"${request.title}" closes at its claim deadline; what claims did not use is released.`
      : `"${request.title}" lapses${request.status === 'approved' ? '; its commitment is released' : ''}.`,
  });
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);

  if (request.status === 'approved' && partlyClaimed) {
    const closed = closeApprovedFundRequest(
      program,
      request,
      allocation,
      'system',
      `its claim deadline, ${request.terms.claimDeadline}, passed`,
      now,
    );
    return decided({ ...closed, outcome: 'closed' as const }, verdict.trace);
  }
  const release =
    request.status === 'approved' ? releaseCommitment(request, allocation, today, now, 'the request lapsed') : null;
  const next: MdfRequestIn<'lapsed'> = {
    ...mdfRequestBase(request),
    status: 'lapsed',
    lapsedAt: now.toISOString(),
    amount: request.status === 'approved' ? request.amount : null,
    approval: request.status === 'approved' ? request.approval : null,
    commitment: request.status === 'approved' ? request.commitment : null,
    released: release ? release.released : null,
  };
  const message =
    request.status === 'approved'
      ? `Your request "${request.title}" lapsed: no claim was filed by ${request.terms.claimDeadline}.`
      : `Your request "${request.title}" lapsed: it was not decided before the activity started.`;
  return decided(
    {
      outcome: 'lapsed' as const,
      next,
      allocation: release ? release.allocation : allocation,
      postings: release ? release.postings : [],
      effects: [notify({ kind: 'partner', partnerId: request.partnerId }, 'request_lapsed', subject, message)],
    },
    verdict.trace,
  );
}
