import { issue } from '../../../result/issue.js';
import type { RegistrationCustomer } from '../../registration.js';
import { failed, joinAnd, passed, skipped, type PolicyCheck } from '../policy-check.js';

/**
 * The customer is in one of the program's `eligibleTerritories` (or they are `"all"`). A territory list
 * holds countries (`US`) and subdivisions (`US-CA`): a customer in `US-CA` is eligible when `US` or
 * `US-CA` is listed; a customer known only by its country is eligible only when the country is listed.
 * The country is the customer's, or the one its subdivision names. A subdivision outside the customer's
 * country is `territory_mismatch`; an ineligible customer is `territory_not_eligible`. Without a country
 * or subdivision the check does not apply (the required-fields check decides whether one is needed).
 */
export function checkEligibleTerritory(
  customer: RegistrationCustomer,
  eligible: 'all' | readonly string[],
): PolicyCheck {
  const subdivision = customer.subdivision ?? null;
  const country = customer.country ?? (subdivision === null ? null : subdivision.slice(0, subdivision.indexOf('-')));
  const facts = { country, subdivision, eligible: eligible === 'all' ? 'all' : [...eligible] };
  if (eligible === 'all') {
    return passed('eligible_territory', 'Every territory is eligible.', facts);
  }
  if (country === null) {
    return skipped(
      'eligible_territory',
      "The customer's country is not given, so its territory is not checked.",
      facts,
    );
  }
  const where = subdivision ?? country;
  if (subdivision !== null && !subdivision.startsWith(`${country}-`)) {
    const message = `The customer's state or region, ${subdivision}, is not in its country, ${country}.`;
    return failed('eligible_territory', message, facts, [
      issue(['details', 'customer', 'subdivision'], 'territory_mismatch', message),
    ]);
  }
  const listed = eligible.filter((code) => code === country || code === subdivision);
  if (listed.length > 0) {
    const by = listed.includes(where) ? '' : ` (${joinAnd(listed)} is listed)`;
    return passed('eligible_territory', `The customer's territory, ${where}, is eligible${by}.`, facts);
  }
  const parts = eligible.filter((code) => code.startsWith(`${country}-`));
  const message =
    subdivision === null && parts.length > 0
      ? `Only parts of ${country} are eligible (${joinAnd(parts)}); give the customer's state or region.`
      : `The customer's territory, ${where}, is not eligible; the program accepts ${joinAnd(eligible)}.`;
  return failed('eligible_territory', message, facts, [
    issue(['details', 'customer', parts.length > 0 ? 'subdivision' : 'country'], 'territory_not_eligible', message),
  ]);
}
