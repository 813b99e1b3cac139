import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { issue } from '../../result/issue.js';
import { failed, passed, verdictOf } from '../checks/check.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { mdfRequestBase, type MdfRequest, type MdfRequestIn } from './request.js';

/** A rejection: who decides and the reason the partner reads. */
export const RejectionInputSchema = z.strictObject({ decidedBy: RecordIdSchema, reason: z.string().max(2000) });
export type RejectionInput = z.infer<typeof RejectionInputSchema>;

/**
 * Rejects a submitted request with a reason the partner is told; no money moves. Issues
 * `invalid_status`, `reason_required`.
 */
export function rejectFundRequest(
  request: MdfRequest,
  input: RejectionInput,
  now: Date,
): MdfDecided<MdfTransition<MdfRequestIn<'rejected'>>> {
  const reason = input.reason.trim();
  const verdict = verdictOf(
    'mdf.request.rejection',
    { type: 'mdf_request', id: request.id },
    [
      checkStatus('request', request.id, request.status, ['submitted'], 'rejected'),
      reason === ''
        ? failed(
            'reason',
            'A rejection needs a reason the partner can act on.',
            {},
            issue(['reason'], 'reason_required', 'A rejection needs a reason the partner can act on.'),
          )
        : passed('reason', `Reason: ${reason}`, { reason }),
    ],
    { outcome: 'rejected', summary: `${input.decidedBy} rejects "${request.title}": ${reason}` },
  );
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);
  const next: MdfRequestIn<'rejected'> = {
    ...mdfRequestBase(request),
    status: 'rejected',
    decision: { decidedBy: input.decidedBy, decidedAt: now.toISOString(), reason },
  };
  const subject = { type: 'mdf_request', id: request.id };
  return decided(
    {
      next,
      postings: [],
      effects: [
        notify(
          { kind: 'partner', partnerId: request.partnerId },
          'request_rejected',
          subject,
          `Your request "${request.title}" is rejected: ${reason}`,
        ),
      ],
    },
    verdict.trace,
  );
}
