import { DecisionTraceSchema } from '../../trace/decision-trace.js';
import { checkRegistrationPolicy } from './check-registration-policy.js';
import { REGISTRATION_POLICY_RULES } from './policy-check.js';
import { draftWith, partner, program } from './test-support/fixtures.js';

describe('the registration policy at submission', () => {
  it('passes a complete registration of an active, certified partner, explaining every check', () => {
    const verdict = checkRegistrationPolicy({
      registration: draftWith(),
      program: program(),
      partner: partner(),
      openRegistrations: 3,
      today: '2026-11-24',
    });
    expect(verdict.passed).toBe(true);
    expect(verdict.issues).toEqual([]);
    expect(DecisionTraceSchema.parse(verdict.trace)).toEqual(verdict.trace);
    expect({
      ...verdict.trace,
      steps: verdict.trace.steps.map((step) => `${step.rule} ${step.result}: ${step.message}`),
    }).toMatchInlineSnapshot(`
{
  "decision": "registration.policy",
  "outcome": "passed",
  "steps": [
    "partner_status pass: Northwind Systems is an active partner.",
    "required_fields pass: All 7 fields the program requires are filled in.",
    "minimum_amount pass: The deal amount, 25,000.00 USD, meets the program's minimum of 10,000.00 USD.",
    "eligible_products pass: Every registered product (platform and secure-edge) is eligible.",
    "eligible_territory pass: The customer's territory, US-CA, is eligible (US is listed).",
    "certifications pass: Northwind Systems holds the certifications its products need: security-engineer for secure-edge.",
    "registration_cap pass: Northwind Systems holds 3 open registrations; with this one it has 4 of the 15 its Silver tier allows.",
  ],
  "subject": {
    "id": "reg-1",
    "type": "registration",
  },
  "summary": "Registration Acme Corp (reg-1) meets the registration policy: 7 checks passed.",
}
`);
  });

  it('reports every failed check at once, each issue at its field, in the order of the checks', () => {
    const verdict = checkRegistrationPolicy({
      registration: draftWith({
        customer: { name: 'Sakura Trading', country: 'JP' },
        contact: { name: 'Aiko Tanaka' },
        amount: { amount: 500_000, currency: 'USD' },
        products: ['migration-services', 'hardware'],
      }),
      program: program(),
      partner: partner({ status: 'suspended', tierId: 'registered' }),
      openRegistrations: 5,
      today: '2026-11-24',
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.issues.map((found) => [found.code, found.path.join('.')])).toMatchInlineSnapshot(`
[
  [
    "partner_not_eligible",
    "partnerId",
  ],
  [
    "required_field_missing",
    "details.contact.email",
  ],
  [
    "below_minimum_amount",
    "details.amount",
  ],
  [
    "product_not_eligible",
    "details.products.1",
  ],
  [
    "territory_not_eligible",
    "details.customer.country",
  ],
  [
    "certification_missing",
    "details.products.0",
  ],
  [
    "registration_cap_reached",
    "partnerId",
  ],
]
`);
    expect(verdict.trace.outcome).toBe('failed');
    expect(verdict.trace.summary).toMatchInlineSnapshot(
      `"Registration Sakura Trading (reg-1) fails 7 of 7 policy checks: partner status, required fields, minimum amount, eligible products, eligible territory, certifications and registration cap."`,
    );
    expect(verdict.trace.steps.map((step) => [step.rule, step.result])).toMatchInlineSnapshot(`
[
  [
    "partner_status",
    "fail",
  ],
  [
    "required_fields",
    "fail",
  ],
  [
    "minimum_amount",
    "fail",
  ],
  [
    "eligible_products",
    "fail",
  ],
  [
    "eligible_territory",
    "fail",
  ],
  [
    "certifications",
    "fail",
  ],
  [
    "registration_cap",
    "fail",
  ],
]
`);
  });

  it('keeps one step per check in a fixed order, whatever passes or fails', () => {
    const verdict = checkRegistrationPolicy({
      registration: draftWith({ products: [] }),
      program: program(),
      partner: partner({ tierId: 'platinum' }),
      openRegistrations: 0,
      today: '2026-11-24',
    });
    expect(verdict.trace.steps.map((step) => step.rule)).toEqual([...REGISTRATION_POLICY_RULES]);
    expect(verdict.trace.summary).toMatchInlineSnapshot(
      `"Registration Acme Corp (reg-1) fails 1 of 7 policy checks: required fields."`,
    );
  });

  it('treats a partner other than the registering one as a bug', () => {
    expect(() =>
      checkRegistrationPolicy({
        registration: draftWith(),
        program: program(),
        partner: partner({ id: 'p-2' }),
        openRegistrations: 0,
        today: '2026-11-24',
      }),
    ).toThrow('the one that registered');
  });
});
