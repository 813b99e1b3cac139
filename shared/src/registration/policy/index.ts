/**
 * The registration policy checks at submission: partner status, required fields, minimum amount,
 * eligible products and territories, certifications and caps on open registrations, each explained as a
 * step of one `registration.policy` decision trace.
 */
export {
  checkRegistrationPolicy,
  type RegistrationPolicyInput,
  type RegistrationPolicyVerdict,
} from './check-registration-policy.js';
export { REGISTRATION_POLICY_RULES, type RegistrationPolicyRule } from './policy-check.js';
export { REGISTRATION_FIELDS } from './checks/required-fields.js';
