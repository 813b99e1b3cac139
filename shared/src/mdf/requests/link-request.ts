import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { issue } from '../../result/issue.js';
import { failed, passed, verdictOf } from '../checks/check.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import type { MdfRequest } from './request.js';

/** CRM records to link to a request: campaigns, leads and deals the activity produced. */
export const RequestLinkInputSchema = z.strictObject({
  campaignIds: z.array(RecordIdSchema).default([]),
  leadIds: z.array(RecordIdSchema).default([]),
  dealIds: z.array(RecordIdSchema).default([]),
});
export type RequestLinkInput = z.output<typeof RequestLinkInputSchema>;

function union(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])];
}

/**
 * Links campaigns, leads and deals to a request for ROI, keeping those already linked (linking twice
 * changes nothing). Any request that was approved (approved, closed, or lapsed after approval) may be
 * linked; a request never approved has no MDF to measure. Issue `invalid_status`.
 */
export function linkFundRequest(request: MdfRequest, links: RequestLinkInput): MdfDecided<MdfTransition<MdfRequest>> {
  const wasApproved =
    request.status === 'approved' ||
    request.status === 'closed' ||
    (request.status === 'lapsed' && request.approval !== null);
  const verdict = verdictOf(
    'mdf.request.links',
    { type: 'mdf_request', id: request.id },
    [
      wasApproved
        ? passed('status', `The request ${request.id} was approved (it is ${request.status}).`, {
            status: request.status,
          })
        : failed(
            'status',
            `The request ${request.id} is ${request.status} and was never approved: it has no MDF to measure.`,
            { status: request.status },
            issue(
              ['status'],
              'invalid_status',
              `The request ${request.id} was never approved, so nothing links to it.`,
            ),
          ),
    ],
    { outcome: 'linked', summary: `Links of "${request.title}" updated.` },
  );
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);
  const next: MdfRequest = {
    ...request,
    links: {
      campaignIds: union(request.links.campaignIds, links.campaignIds),
      leadIds: union(request.links.leadIds, links.leadIds),
      dealIds: union(request.links.dealIds, links.dealIds),
    },
  };
  return decided({ next, postings: [], effects: [] }, verdict.trace);
}
