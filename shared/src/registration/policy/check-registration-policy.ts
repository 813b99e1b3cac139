import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import type { Issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { decisionTrace, type DecisionTrace } from '../../trace/decision-trace.js';
import type { Registration } from '../registration.js';
import { checkCertifications } from './checks/certifications.js';
import { checkEligibleProducts } from './checks/eligible-products.js';
import { checkEligibleTerritory } from './checks/eligible-territory.js';
import { checkMinimumAmount } from './checks/minimum-amount.js';
import { checkPartnerStatus } from './checks/partner-status.js';
import { checkRegistrationCap } from './checks/registration-cap.js';
import { checkRequiredFields } from './checks/required-fields.js';
import { count, joinAnd, type PolicyCheck } from './policy-check.js';

/** What the submission checks read. */
export interface RegistrationPolicyInput {
  registration: Registration;
  program: Program;
  /** The registering partner (`registration.partnerId`). */
  partner: Partner;
  /** Open registrations the partner already holds, this one excluded. */
  openRegistrations: number;
  /** The program's calendar date, for certification validity. */
  today: CalendarDate;
}

/** The outcome of the submission checks: whether they all held, the issues of those that did not, and why. */
export interface RegistrationPolicyVerdict {
  passed: boolean;
  issues: Issue[];
  /** Decision `registration.policy`: one step per check, in order, passed, failed or skipped. */
  trace: DecisionTrace;
}

/**
 * Checks a registration against the program's registration policy before it is submitted: the partner
 * is active (or onboarding where allowed), the required fields are filled in, the amount reaches the
 * minimum in the program currency, the products and the customer's territory are eligible, the partner
 * holds the certifications its products need on `today`, and it stays within its tier's and the
 * program's caps on open registrations. Every check runs (a submission hears about every problem at
 * once) and leaves a step in the trace; each failure is an issue with its own code at the path of the
 * field concerned. Pure; reads nothing but its input.
 *
 * @example
 * const verdict = checkRegistrationPolicy({ registration, program, partner, openRegistrations: 3, today: '2026-11-24' });
 * if (!verdict.passed) return fail(verdict.issues); // and keep verdict.trace for the audit log
 */
export function checkRegistrationPolicy(input: RegistrationPolicyInput): RegistrationPolicyVerdict {
  const { registration, program, partner, openRegistrations, today } = input;
  if (partner.id !== registration.partnerId) {
    throw new Error('The partner must be the one that registered the deal.');
  }
  const policy = program.registration;
  const { details } = registration;
  const checks: PolicyCheck[] = [
    checkPartnerStatus(partner, policy.allowOnboardingPartners),
    checkRequiredFields(details, policy.requiredFields),
    checkMinimumAmount(details, policy.minimumAmount),
    checkEligibleProducts(details, policy.eligibleProducts),
    checkEligibleTerritory(details.customer, policy.eligibleTerritories),
    checkCertifications(details, partner, policy.certificationRequirements, today),
    checkRegistrationCap(partner, program, openRegistrations),
  ];
  const issues = checks.flatMap((check) => check.issues);
  const steps = checks.map((check) => check.step);
  const failedRules = steps.filter((step) => step.result === 'fail').map((step) => step.rule.replaceAll('_', ' '));
  const skippedCount = steps.filter((step) => step.result === 'skip').length;
  const name = `${registration.details.customer.name} (${registration.id})`;
  const summary =
    failedRules.length === 0
      ? `Registration ${name} meets the registration policy: ${count(steps.length - skippedCount, 'check')} passed${skippedCount === 0 ? '' : `, ${skippedCount} did not apply`}.`
      : `Registration ${name} fails ${failedRules.length} of ${count(steps.length, 'policy check')}: ${joinAnd(failedRules)}.`;
  return {
    passed: issues.length === 0,
    issues,
    trace: decisionTrace(
      'registration.policy',
      { type: 'registration', id: registration.id },
      failedRules.length === 0 ? 'passed' : 'failed',
      summary,
      steps,
    ),
  };
}
