import { formatMoney, type Money } from '../../../money/money.js';
import { issue } from '../../../result/issue.js';
import type { RegistrationDetails } from '../../registration.js';
import { failed, passed, skipped, type PolicyCheck } from '../policy-check.js';

/**
 * The deal amount is at least the program's `minimumAmount`. The amount must be in the minimum's currency
 * (the program's): no conversion happens here (`currency_mismatch`); below the minimum is
 * `below_minimum_amount`. With no minimum, or no amount (the required-fields check decides whether one is
 * needed), the check does not apply.
 */
export function checkMinimumAmount(details: RegistrationDetails, minimum: Money | null): PolicyCheck {
  const amount = details.amount ?? null;
  const facts = { amount, minimum };
  if (minimum === null) return skipped('minimum_amount', 'The program sets no minimum deal size.', facts);
  if (amount === null) {
    return skipped(
      'minimum_amount',
      `No deal amount is given, so the minimum of ${formatMoney(minimum)} is not checked.`,
      facts,
    );
  }
  if (amount.currency !== minimum.currency) {
    const message = `The deal amount is in ${amount.currency}, but the program's minimum is in ${minimum.currency}; state the amount in ${minimum.currency}.`;
    return failed('minimum_amount', message, facts, [
      issue(['details', 'amount', 'currency'], 'currency_mismatch', message),
    ]);
  }
  if (amount.amount < minimum.amount) {
    const message = `The deal amount, ${formatMoney(amount)}, is below the program's minimum of ${formatMoney(minimum)}.`;
    return failed('minimum_amount', message, facts, [issue(['details', 'amount'], 'below_minimum_amount', message)]);
  }
  return passed(
    'minimum_amount',
    `The deal amount, ${formatMoney(amount)}, meets the program's minimum of ${formatMoney(minimum)}.`,
    facts,
  );
}
