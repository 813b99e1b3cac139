import type { MdfApprover } from '../checks/approval-level.js';
import type { MdfAllocation } from '../funds/allocation.js';
import type { MdfTransition } from '../outcome.js';
import { approveFundRequest, type ApprovalInput, type RequestApprovalOutcome } from '../requests/approve-request.js';
import { closeFundRequest, type RequestEndingOutcome } from '../requests/close-request.js';
import { lapseFundRequest, type RequestLapseOutcome } from '../requests/lapse-request.js';
import { linkFundRequest, type RequestLinkInput } from '../requests/link-request.js';
import { rejectFundRequest, type RejectionInput } from '../requests/reject-request.js';
import type { MdfRequest, MdfRequestIn, SubmittedMdfRequest } from '../requests/request.js';
import { submitFundRequest, type RequestDraft } from '../requests/submit-request.js';
import { withdrawFundRequest } from '../requests/withdraw-request.js';
import { commitDecision, notFound, writeOf, type MdfContext, type MdfOutcome } from './context.js';

/** Submits a fund request (`submitFundRequest`) with a new id. */
export async function submitMdfRequest(
  context: MdfContext,
  input: RequestDraft & { submittedBy: string },
): Promise<MdfOutcome<MdfTransition<SubmittedMdfRequest>>> {
  const allocation = await context.store.allocations.get(input.allocationId);
  if (!allocation) return notFound('allocation', input.allocationId);
  const draft = { ...input, id: context.ids.next('mdf-request') };
  const decision = submitFundRequest(context.program, allocation, draft, context.rates, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({ requests: [writeOf(data.next, null)] }));
}

async function requestWithAllocation(
  context: MdfContext,
  requestId: string,
): Promise<{ request: MdfRequest; allocation: MdfAllocation } | MdfOutcome<never>> {
  const request = await context.store.requests.get(requestId);
  if (!request) return notFound('request', requestId);
  const allocation = await context.store.allocations.get(request.allocationId);
  if (!allocation) return notFound('allocation', request.allocationId);
  return { request, allocation };
}

/**
 * Approves a request in full or in part (`approveFundRequest`): reads the request and its allocation, decides
 * on what it read, and writes both with the versions read, so that of two managers approving from the
 * same snapshot only the first commits; the second is refused with `stale_write` and, run again, decides
 * again on the fresh balance.
 */
export async function approveMdfRequest(
  context: MdfContext,
  input: { requestId: string; approver: MdfApprover; amount?: ApprovalInput['amount'] },
): Promise<MdfOutcome<RequestApprovalOutcome>> {
  const read = await requestWithAllocation(context, input.requestId);
  if ('success' in read) return read;
  const approval: ApprovalInput = { approver: { userId: input.approver.userId, roles: [...input.approver.roles] } };
  if (input.amount) approval.amount = input.amount;
  const decision = approveFundRequest(
    context.program,
    read.request,
    read.allocation,
    approval,
    context.rates,
    context.clock.now(),
  );
  return commitDecision(context.store, decision, (data) => ({
    requests: [writeOf<MdfRequest>(data.next, read.request)],
    allocations: [writeOf(data.allocation, read.allocation)],
    postings: data.postings,
  }));
}

/** Rejects a submitted request (`rejectFundRequest`). */
export async function rejectMdfRequest(
  context: MdfContext,
  input: RejectionInput & { requestId: string },
): Promise<MdfOutcome<MdfTransition<MdfRequestIn<'rejected'>>>> {
  const request = await context.store.requests.get(input.requestId);
  if (!request) return notFound('request', input.requestId);
  const decision = rejectFundRequest(request, input, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({ requests: [writeOf<MdfRequest>(data.next, request)] }));
}

/** The partner withdraws a submitted request (`withdrawFundRequest`). */
export async function withdrawMdfRequest(
  context: MdfContext,
  input: { requestId: string },
): Promise<MdfOutcome<MdfTransition<MdfRequestIn<'withdrawn'>>>> {
  const request = await context.store.requests.get(input.requestId);
  if (!request) return notFound('request', input.requestId);
  const decision = withdrawFundRequest(request, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({ requests: [writeOf<MdfRequest>(data.next, request)] }));
}

/** Closes an approved request and releases what claims did not use (`closeFundRequest`). */
export async function closeMdfRequest(
  context: MdfContext,
  input: { requestId: string; closedBy: string },
): Promise<MdfOutcome<RequestEndingOutcome<'closed'>>> {
  const read = await requestWithAllocation(context, input.requestId);
  if ('success' in read) return read;
  const decision = closeFundRequest(
    context.program,
    read.request,
    read.allocation,
    input.closedBy,
    context.clock.now(),
  );
  return commitDecision(context.store, decision, (data) => ({
    requests: [writeOf<MdfRequest>(data.next, read.request)],
    allocations: data.postings.length > 0 ? [writeOf(data.allocation, read.allocation)] : [],
    postings: data.postings,
  }));
}

/** Lapses a request whose time is over (`lapseFundRequest`), run by the daily job. */
export async function lapseMdfRequest(
  context: MdfContext,
  input: { requestId: string },
): Promise<MdfOutcome<RequestLapseOutcome>> {
  const read = await requestWithAllocation(context, input.requestId);
  if ('success' in read) return read;
  const decision = lapseFundRequest(context.program, read.request, read.allocation, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    requests: [writeOf<MdfRequest>(data.next, read.request)],
    allocations: data.postings.length > 0 ? [writeOf(data.allocation, read.allocation)] : [],
    postings: data.postings,
  }));
}

/** Links campaigns, leads and deals to a request for ROI (`linkFundRequest`). */
export async function linkMdfRequest(
  context: MdfContext,
  input: RequestLinkInput & { requestId: string },
): Promise<MdfOutcome<MdfTransition<MdfRequest>>> {
  const request = await context.store.requests.get(input.requestId);
  if (!request) return notFound('request', input.requestId);
  const decision = linkFundRequest(request, input);
  return commitDecision(context.store, decision, (data) => ({ requests: [writeOf(data.next, request)] }));
}
