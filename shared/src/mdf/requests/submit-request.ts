import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import type { ExchangeRateTable } from '../../money/exchange.js';
import { formatMoney, MoneySchema } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { addDays, CalendarDateSchema } from '../../time/calendar-date.js';
import { checkActivityDates } from '../checks/activity-dates.js';
import { checkApprovalLevel } from '../checks/approval-level.js';
import { checkAvailableBalance } from '../checks/available-balance.js';
import { skipped, verdictOf, type MdfCheck } from '../checks/check.js';
import { checkEligibleActivity } from '../checks/eligible-activity.js';
import { checkLeadTime } from '../checks/lead-time.js';
import { checkReimbursement, reimbursableShare } from '../checks/reimbursement.js';
import { checkRequestCurrency } from '../checks/request-currency.js';
import { notify } from '../effects.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { findMdfActivity, programToday, reimbursementBasisPoints } from '../policy/terms.js';
import { inProgramCurrency, toLedger } from './amounts.js';
import { MdfExpectedOutcomeSchema, RequestLinksSchema, type SubmittedMdfRequest } from './request.js';

/** What a partner submits: the activity, its dates, the spend to co-fund, its own pledge, what it expects. */
export const RequestDraftSchema = z.strictObject({
  title: DisplayNameSchema,
  allocationId: RecordIdSchema,
  activityId: IdentifierSchema,
  startDate: CalendarDateSchema,
  endDate: CalendarDateSchema,
  requestedAmount: MoneySchema,
  partnerContribution: MoneySchema,
  expected: MdfExpectedOutcomeSchema,
  links: RequestLinksSchema.default({ campaignIds: [], leadIds: [], dealIds: [] }),
});
export type RequestDraft = z.output<typeof RequestDraftSchema>;

/**
 * Submits a fund request against an allocation. The checks, each a step of the trace `mdf.request.submission`:
 * eligible activity (for the allocation's fund type), activity dates, lead time, currency, reimbursement
 * percentage (the partner's pledge covers the share MDF does not), available balance (the allocation
 * could commit the reimbursable share today), and, for information, the approval level it will need.
 * The policy terms (rate, proofs, claim deadline) are fixed on the request. The approvers are told.
 */
export function submitFundRequest(
  program: Program,
  allocation: MdfAllocation,
  draft: RequestDraft & { id: string; submittedBy: string },
  rates: ExchangeRateTable,
  now: Date,
): MdfDecided<MdfTransition<SubmittedMdfRequest>> {
  if (draft.allocationId !== allocation.id) throw new Error('The allocation must be the one the request names.');
  const today = programToday(program, now);
  const activity = findMdfActivity(program, draft.activityId);
  const currency = checkRequestCurrency(program, draft.requestedAmount.currency, allocation.currency, rates);
  const checks: MdfCheck[] = [
    checkEligibleActivity(program, allocation.fundTypeId, draft.activityId),
    checkActivityDates(draft.startDate, draft.endDate),
    checkLeadTime(program, today, draft.startDate),
    currency,
  ];
  let approverRole = program.mdf.approvalLevels[0]!.approverRole;
  if (!activity) {
    checks.push(skipped('reimbursement', 'Without a known activity there is no reimbursement rate to apply.'));
  } else {
    const basisPoints = reimbursementBasisPoints(activity);
    checks.push(checkReimbursement(activity.name, basisPoints, draft.requestedAmount, draft.partnerContribution));
    if (currency.issues.length === 0) {
      const share = reimbursableShare(draft.requestedAmount, basisPoints);
      const needed = toLedger(share, currency.rate);
      checks.push(checkAvailableBalance(allocation, needed, today));
      const programAmount = inProgramCurrency(program, share, needed, rates);
      if (programAmount) {
        const level = checkApprovalLevel(program, programAmount);
        approverRole = level.level.level.approverRole;
        checks.push(level);
      } else {
        checks.push(
          skipped(
            'approval_level',
            `No rate to ${program.currency} is listed, so the approval level is decided at approval.`,
          ),
        );
      }
    }
  }
  const subject = { type: 'mdf_request', id: draft.id };
  const verdict = verdictOf('mdf.request.submission', subject, checks, {
    outcome: 'submitted',
    summary: `Request "${draft.title}" for ${formatMoney(draft.requestedAmount)} of ${activity?.name ?? draft.activityId} passes every check and awaits approval.`,
  });
  if (verdict.issues.length > 0 || !activity) return refused(verdict.issues, verdict.trace);
  const next: SubmittedMdfRequest = {
    id: draft.id,
    status: 'submitted',
    title: draft.title,
    partnerId: allocation.partnerId,
    allocationId: allocation.id,
    fundTypeId: allocation.fundTypeId,
    activityId: draft.activityId,
    startDate: draft.startDate,
    endDate: draft.endDate,
    requestedAmount: draft.requestedAmount,
    partnerContribution: draft.partnerContribution,
    expected: draft.expected,
    links: draft.links,
    terms: {
      reimbursementBasisPoints: reimbursementBasisPoints(activity),
      proofKindIds: [...activity.proofKindIds],
      claimDeadline: addDays(draft.endDate, program.mdf.claimDeadlineDays),
    },
    submittedBy: draft.submittedBy,
    submittedAt: now.toISOString(),
    version: 0,
  };
  const effects = [
    notify(
      { kind: 'role', role: approverRole },
      'request_submitted',
      subject,
      `Partner ${allocation.partnerId} requests ${formatMoney(draft.requestedAmount)} for "${draft.title}".`,
    ),
  ];
  return decided({ next, postings: [], effects }, verdict.trace);
}
