import { formatMoney, type Money } from '../../money/money.js';
import { applyBasisPoints, formatBasisPoints, type BasisPoints } from '../../money/percentage.js';
import { issue } from '../../result/issue.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * The most MDF funds of an activity spend: the spend × the reimbursement rate, rounded down to the minor
 * unit (toward the partner's detriment: the program never pays a fraction of a cent the rate did not earn).
 *
 * @example reimbursableShare({ amount: 33_333, currency: 'USD' }, 5000) // { amount: 16_666, currency: 'USD' }
 */
export function reimbursableShare(spend: Money, basisPoints: BasisPoints): Money {
  return applyBasisPoints(spend, basisPoints, 'floor');
}

/**
 * Reimbursement percentage: MDF funds at most the activity's reimbursement rate of the requested spend,
 * so the partner pledges at least the rest, in the same currency. Issues `currency_mismatch`,
 * `partner_contribution_too_small`.
 */
export function checkReimbursement(
  activityName: string,
  basisPoints: BasisPoints,
  requestedAmount: Money,
  partnerContribution: Money,
): MdfCheck {
  const rule = 'reimbursement';
  const rate = formatBasisPoints(basisPoints);
  if (partnerContribution.currency !== requestedAmount.currency) {
    const message = `The partner contribution is in ${partnerContribution.currency} but the request is in ${requestedAmount.currency}: state both in one currency.`;
    return failed(
      rule,
      message,
      { requestedAmount, partnerContribution },
      issue(['partnerContribution', 'currency'], 'currency_mismatch', message),
    );
  }
  const share = reimbursableShare(requestedAmount, basisPoints);
  const minimum = { amount: requestedAmount.amount - share.amount, currency: requestedAmount.currency };
  const facts = {
    reimbursementBasisPoints: basisPoints,
    requestedAmount,
    mdfShare: share,
    minimumContribution: minimum,
    partnerContribution,
  };
  const terms = `${activityName} is reimbursed at ${rate}: MDF funds at most ${formatMoney(share)} of the ${formatMoney(requestedAmount)} requested, so the partner contributes at least ${formatMoney(minimum)}`;
  if (partnerContribution.amount < minimum.amount) {
    const message = `${terms}, but it pledges ${formatMoney(partnerContribution)}.`;
    return failed(rule, message, facts, issue(['partnerContribution'], 'partner_contribution_too_small', message));
  }
  return passed(rule, `${terms}; it pledges ${formatMoney(partnerContribution)}.`, facts);
}
