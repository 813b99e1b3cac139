import type { Program } from '../../program/schema/program.js';
import { fileClaim } from '../claims/file-claim.js';
import { reviewClaim } from '../claims/review-claim.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { approveFundRequest, type RequestApprovalOutcome } from '../requests/approve-request.js';
import type { ApprovedMdfRequest, MdfRequest, SubmittedMdfRequest } from '../requests/request.js';
import { submitFundRequest, type RequestDraft } from '../requests/submit-request.js';
import { at, testRates, usd } from './fixtures.js';

/** A webinar on 2026-12-20 asking MDF to co-fund $10,000.00, the partner pledging $2,500.00 (75 % reimbursed). */
export function webinarDraft(
  allocationId: string,
  overrides: Partial<RequestDraft> = {},
): RequestDraft & { id: string; submittedBy: string } {
  return {
    id: 'r-1',
    submittedBy: 'partner-user-1',
    title: 'Winter webinar series',
    allocationId,
    activityId: 'webinar',
    startDate: '2026-12-20',
    endDate: '2026-12-20',
    requestedAmount: usd(1_000_000),
    partnerContribution: usd(250_000),
    expected: { leads: 40, pipeline: usd(20_000_000) },
    links: { campaignIds: [], leadIds: [], dealIds: [] },
    ...overrides,
  };
}

/** The director who may approve up to $25,000.00 of funds. */
export const director = { userId: 'dana', roles: ['channel-director'] };

/** Submits a draft on 2026-11-24 and returns the stored request (version 1). */
export function submitted(
  program: Program,
  allocation: MdfAllocation,
  overrides: Partial<RequestDraft> = {},
): SubmittedMdfRequest {
  const outcome = submitFundRequest(
    program,
    allocation,
    webinarDraft(allocation.id, overrides),
    testRates,
    at('2026-11-24'),
  );
  if (!outcome.success) throw new Error(JSON.stringify(outcome.issues));
  return { ...outcome.data.next, version: 1 };
}

/** Approves a submitted request on 2026-11-26 (in full unless an amount is given); request and allocation as stored. */
export function approved(
  program: Program,
  request: SubmittedMdfRequest,
  allocation: MdfAllocation,
  amount?: number,
): RequestApprovalOutcome & { next: ApprovedMdfRequest } {
  const input = amount === undefined ? { approver: director } : { approver: director, amount: usd(amount) };
  const outcome = approveFundRequest(program, request, allocation, input, testRates, at('2026-11-26'));
  if (!outcome.success) throw new Error(JSON.stringify(outcome.issues));
  return {
    ...outcome.data,
    next: { ...outcome.data.next, version: request.version + 1 },
    allocation: { ...outcome.data.allocation, version: allocation.version + 1 },
  };
}

/** Proofs of every kind a webinar needs. */
export const webinarProofs = [
  { kindId: 'invoice', documentId: 'doc-1', name: 'Invoice 2026-118' },
  { kindId: 'attendee-list', documentId: 'doc-2', name: 'Attendees.csv' },
];

/** Files a claim of `amount` and approves it; returns the request and allocation as stored after. */
export function claimedAndApproved(
  program: Program,
  request: ApprovedMdfRequest,
  allocation: MdfAllocation,
  amount: number,
  id: string,
) {
  const filed = fileClaim(
    program,
    request,
    { id, filedBy: 'partner-user-1', amount: usd(amount), proofs: webinarProofs },
    at('2026-12-28'),
  );
  if (!filed.success) throw new Error(JSON.stringify(filed.issues));
  const reviewed = reviewClaim(
    program,
    { ...filed.data.next, version: 1 },
    { ...filed.data.request, version: request.version + 1 },
    allocation,
    { kind: 'approve', reviewedBy: 'dana', note: null },
    at('2027-01-04'),
  );
  if (!reviewed.success) throw new Error(JSON.stringify(reviewed.issues));
  return {
    claim: { ...reviewed.data.next, version: 2 },
    request: { ...reviewed.data.request, version: request.version + 2 },
    allocation:
      reviewed.data.postings.length > 0 ? { ...reviewed.data.allocation, version: allocation.version + 1 } : allocation,
    postings: reviewed.data.postings,
  };
}

/** The request, which must be approved (a test precondition). */
export function asApproved(request: MdfRequest): ApprovedMdfRequest {
  if (request.status !== 'approved') throw new Error(`Request ${request.id} is ${request.status}, not approved.`);
  return request;
}
