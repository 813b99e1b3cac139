import { formatMoney, type Money } from '../../money/money.js';
import { issue } from '../../result/issue.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Approved amount: more than zero, in the request's currency, and at most what was requested (less is
 * a partial approval). Issues `currency_mismatch`, `amount_not_positive`, `amount_exceeds_requested`.
 */
export function checkApprovedAmount(requestedAmount: Money, amount: Money): MdfCheck {
  const rule = 'approved_amount';
  const facts = { requestedAmount, amount };
  if (amount.currency !== requestedAmount.currency) {
    const message = `The request is in ${requestedAmount.currency}; approve it in ${requestedAmount.currency}, not ${amount.currency}.`;
    return failed(rule, message, facts, issue(['amount', 'currency'], 'currency_mismatch', message));
  }
  if (amount.amount <= 0) {
    const message = `An approval must be for more than zero; reject the request instead.`;
    return failed(rule, message, facts, issue(['amount'], 'amount_not_positive', message));
  }
  if (amount.amount > requestedAmount.amount) {
    const message = `${formatMoney(amount)} is more than the ${formatMoney(requestedAmount)} requested.`;
    return failed(rule, message, facts, issue(['amount'], 'amount_exceeds_requested', message));
  }
  const message =
    amount.amount === requestedAmount.amount
      ? `Approved in full: ${formatMoney(amount)}.`
      : `Approved in part: ${formatMoney(amount)} of the ${formatMoney(requestedAmount)} requested.`;
  return passed(rule, message, facts);
}
