import { formatMoney, type Money } from '../../money/money.js';
import { formatBasisPoints } from '../../money/percentage.js';
import { issue } from '../../result/issue.js';
import type { ClaimTally, MdfCommitment } from '../requests/request.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Claimed ≤ approved × reimbursement rate: the claims of a request (approved, pending, and this one)
 * total at most the funds its approval committed, which is the approved amount × the rate, rounded down.
 * `pendingOthers` is what other undecided claims hold. Issues `currency_mismatch`,
 * `claim_exceeds_reimbursable`.
 */
export function checkReimbursableCap(
  approvedAmount: Money,
  basisPoints: number,
  commitment: MdfCommitment,
  tally: Pick<ClaimTally, 'approved'> & { pendingOthers: Money },
  amount: Money,
): MdfCheck {
  const rule = 'reimbursable_cap';
  const cap = commitment.funds;
  if (amount.currency !== cap.currency) {
    const message = `The request is in ${cap.currency}; claim in ${cap.currency}, not ${amount.currency}.`;
    return failed(rule, message, { amount, cap }, issue(['amount', 'currency'], 'currency_mismatch', message));
  }
  const held = tally.approved.amount + tally.pendingOthers.amount;
  const left = { amount: cap.amount - held, currency: cap.currency };
  const facts = {
    approvedAmount,
    reimbursementBasisPoints: basisPoints,
    cap,
    alreadyClaimed: { amount: held, currency: cap.currency },
    left,
    amount,
  };
  const terms = `Claims on this request may total ${formatMoney(cap)} (${formatBasisPoints(basisPoints)} of the ${formatMoney(approvedAmount)} approved); ${formatMoney(facts.alreadyClaimed)} is already claimed, so ${formatMoney(left)} is left`;
  if (amount.amount <= 0) {
    const message = `A claim must be for more than zero.`;
    return failed(rule, message, facts, issue(['amount'], 'amount_not_positive', message));
  }
  if (amount.amount > left.amount) {
    const message = `${terms}, less than the ${formatMoney(amount)} claimed.`;
    return failed(rule, message, facts, issue(['amount'], 'claim_exceeds_reimbursable', message));
  }
  return passed(rule, `${terms}, enough for the ${formatMoney(amount)} claimed.`, facts);
}
