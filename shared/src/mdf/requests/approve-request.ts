import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import type { ExchangeRateTable } from '../../money/exchange.js';
import { formatMoney, MoneySchema, type Money } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { checkApprovalLevel, checkApproverAuthority, type MdfApprover } from '../checks/approval-level.js';
import { checkApprovedAmount } from '../checks/approved-amount.js';
import { checkAvailableBalance } from '../checks/available-balance.js';
import { failed, passed, skipped, verdictOf, type MdfCheck, type MdfVerdict } from '../checks/check.js';
import { reimbursableShare } from '../checks/reimbursement.js';
import { checkRequestCurrency } from '../checks/request-currency.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { programToday } from '../policy/terms.js';
import { inProgramCurrency, toLedger } from './amounts.js';
import { mdfRequestBase, type ApprovedMdfRequest, type MdfCommitment, type MdfRequest } from './request.js';

/** A manager's approval: who (with roles) and, for a partial approval, the amount approved. */
export const ApprovalInputSchema = z.strictObject({
  approver: z.strictObject({ userId: RecordIdSchema, roles: z.array(IdentifierSchema) }),
  amount: MoneySchema.optional(),
});
export type ApprovalInput = z.infer<typeof ApprovalInputSchema>;

/** The approval check's verdict with what the approval would commit when it passes. */
export interface MdfApprovalCheck extends MdfVerdict {
  commitment: MdfCommitment | null;
  levelName: string | null;
}

/**
 * The approval check, as a `DecisionTrace` (`mdf.request.approval`): the request is submitted; the amount
 * is positive and at most the requested spend (less is a partial approval); the request's currency
 * converts to the allocation's; the funds committed (amount × reimbursement rate, rounded down) are
 * positive; the approval level for those funds (in the program currency) and whether the approver holds
 * its role or a higher level's; and whether the allocation can commit them today.
 */
export function checkFundRequestApproval(
  program: Program,
  request: MdfRequest,
  allocation: MdfAllocation,
  input: { approver: MdfApprover; amount?: Money },
  rates: ExchangeRateTable,
  now: Date,
): MdfApprovalCheck {
  if (allocation.id !== request.allocationId) throw new Error('The allocation must be the request’s.');
  const amount = input.amount ?? request.requestedAmount;
  const checks: MdfCheck[] = [
    checkStatus('request', request.id, request.status, ['submitted'], 'approved'),
    checkApprovedAmount(request.requestedAmount, amount),
  ];
  const currency = checkRequestCurrency(program, request.requestedAmount.currency, allocation.currency, rates);
  checks.push(currency);
  let commitment: MdfCommitment | null = null;
  let levelName: string | null = null;
  if (checks.every((check) => check.issues.length === 0)) {
    const funds = reimbursableShare(amount, request.terms.reimbursementBasisPoints);
    const ledgerAmount = toLedger(funds, currency.rate);
    const facts = { funds, ledgerAmount };
    if (ledgerAmount.amount <= 0) {
      const message = `${formatMoney(amount)} at the reimbursement rate commits nothing; approve more or reject the request.`;
      checks.push(failed('commitment', message, facts, issue(['amount'], 'amount_too_small', message)));
    } else {
      checks.push(
        passed(
          'commitment',
          `The approval commits ${formatMoney(funds)}${funds.currency === ledgerAmount.currency ? '' : ` (${formatMoney(ledgerAmount)})`} for claims.`,
          facts,
        ),
      );
      commitment = { funds, ledgerAmount, exchangeRate: currency.rate };
      const programAmount = inProgramCurrency(program, funds, ledgerAmount, rates);
      if (!programAmount) {
        const message = `No rate from ${ledgerAmount.currency} to ${program.currency} is listed for ${rates.asOf}, so the approval level cannot be decided.`;
        checks.push(
          failed('approval_level', message, facts, issue(['amount', 'currency'], 'exchange_rate_missing', message)),
        );
      } else {
        const level = checkApprovalLevel(program, programAmount);
        levelName = level.level.level.name;
        checks.push(level, checkApproverAuthority(program, level.level, input.approver));
      }
      checks.push(checkAvailableBalance(allocation, ledgerAmount, programToday(program, now)));
    }
  } else {
    checks.push(
      skipped('approval_level', 'The approval level is not decided for an approval that is refused already.'),
    );
  }
  const partial = amount.amount < request.requestedAmount.amount;
  const verdict = verdictOf('mdf.request.approval', { type: 'mdf_request', id: request.id }, checks, {
    outcome: partial ? 'approved_in_part' : 'approved',
    summary: `${input.approver.userId} approves ${formatMoney(amount)}${partial ? ` of the ${formatMoney(request.requestedAmount)} requested` : ''} for "${request.title}", committing ${commitment ? formatMoney(commitment.funds) : 'nothing'}.`,
  });
  return verdict.issues.length > 0
    ? { ...verdict, commitment: null, levelName: null }
    : { ...verdict, commitment, levelName };
}

/** Approving a request: the approved request and its allocation after the commitment. */
export interface RequestApprovalOutcome extends MdfTransition<ApprovedMdfRequest> {
  allocation: MdfAllocation;
}

/**
 * Approves a submitted request in full or in part when `checkFundRequestApproval` passes: the committed funds move
 * from the allocation's available account to committed, and the partner is told.
 */
export function approveFundRequest(
  program: Program,
  request: MdfRequest,
  allocation: MdfAllocation,
  input: ApprovalInput,
  rates: ExchangeRateTable,
  now: Date,
): MdfDecided<RequestApprovalOutcome> {
  const check = checkFundRequestApproval(program, request, allocation, input, rates, now);
  if (check.issues.length > 0 || !check.commitment || !check.levelName) return refused(check.issues, check.trace);
  const amount = input.amount ?? request.requestedAmount;
  const { commitment } = check;
  const posting: MdfPosting = {
    id: `${request.id}:commit`,
    kind: 'commit',
    allocationId: allocation.id,
    requestId: request.id,
    postedAt: now.toISOString(),
    currency: allocation.currency,
    memo: `${formatMoney(commitment.ledgerAmount)} committed to request "${request.title}", approved by ${input.approver.userId}.`,
    lines: linesOf([
      {
        from: allocationAccount(allocation.id, 'available'),
        to: allocationAccount(allocation.id, 'committed'),
        amount: commitment.ledgerAmount.amount,
      },
    ]),
  };
  const zero = { amount: 0, currency: request.requestedAmount.currency };
  const partial = amount.amount < request.requestedAmount.amount;
  const next: ApprovedMdfRequest = {
    ...mdfRequestBase(request),
    status: 'approved',
    amount,
    approval: {
      approvedBy: input.approver.userId,
      approvedAt: now.toISOString(),
      levelName: check.levelName,
      kind: partial ? 'partial' : 'full',
    },
    commitment,
    claims: { pending: zero, approved: zero, approvedLedger: { amount: 0, currency: allocation.currency } },
  };
  const message = partial
    ? `Your request "${request.title}" is approved for ${formatMoney(amount)} of the ${formatMoney(request.requestedAmount)} requested; claims may total ${formatMoney(commitment.funds)}.`
    : `Your request "${request.title}" is approved; claims may total ${formatMoney(commitment.funds)}.`;
  return decided(
    {
      next,
      allocation: { ...allocation, balances: applyToAllocation(allocation.balances, allocation.id, [posting]) },
      postings: [posting],
      effects: [
        notify(
          { kind: 'partner', partnerId: request.partnerId },
          'request_approved',
          { type: 'mdf_request', id: request.id },
          message,
        ),
      ],
    },
    check.trace,
  );
}
