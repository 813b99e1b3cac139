import fc from 'fast-check';
import type { Partner, PartnerStatus } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { RegistrationFieldSchema, type RegistrationField } from '../../program/schema/registration-policy.js';
import { addDays } from '../../time/calendar-date.js';
import { DecisionTraceSchema } from '../../trace/decision-trace.js';
import type { RegistrationDetails } from '../registration.js';
import { checkRegistrationPolicy } from './check-registration-policy.js';
import { checkCertifications } from './checks/certifications.js';
import { checkEligibleTerritory } from './checks/eligible-territory.js';
import { checkRegistrationCap } from './checks/registration-cap.js';
import { checkRequiredFields, REGISTRATION_FIELDS } from './checks/required-fields.js';
import { REGISTRATION_POLICY_RULES } from './policy-check.js';
import { certification, draftWith, partner, program } from './test-support/fixtures.js';

const demo = program();
const FIELDS = RegistrationFieldSchema.options;
const PRODUCTS = ['platform', 'insights', 'secure-edge', 'migration-services', 'hardware'];
const SUBDIVISIONS = ['US-CA', 'US-NY', 'US-TX', 'CA-ON', 'DE-BY'];
const TERRITORIES = ['US', 'CA', 'DE', 'FR', 'US-CA', 'US-NY', 'CA-ON', 'DE-BY'];
const STATUSES: PartnerStatus[] = [
  'applicant',
  'approved',
  'rejected',
  'onboarding',
  'active',
  'suspended',
  'offboarded',
];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const day = fc
  .integer({ min: 0, max: 1500 })
  .map((offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10));

/** The customer's territory: a country alone, or a subdivision with its own country or none given. */
const territory = fc.oneof(
  fc.constantFrom('US', 'CA', 'DE', 'JP').map((country) => ({ country, subdivision: undefined })),
  fc
    .tuple(fc.constantFrom(...SUBDIVISIONS), fc.boolean())
    .map(([subdivision, withCountry]) => ({ country: withCountry ? subdivision.slice(0, 2) : undefined, subdivision })),
);

const details: fc.Arbitrary<RegistrationDetails> = fc
  .record({
    territory,
    domain: maybe(fc.constantFrom('acme.com', ' ')),
    postalCode: maybe(fc.constantFrom('94105', '10115')),
    contactName: maybe(fc.constantFrom('Jane Doe', '')),
    email: maybe(fc.constant('jane@acme.com')),
    phone: maybe(fc.constant('+1 415 555 0100')),
    amount: maybe(
      fc.record({ amount: fc.integer({ min: 0, max: 5_000_000 }), currency: fc.constantFrom('USD', 'USD', 'EUR') }),
    ),
    expectedCloseDate: maybe(day),
    products: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { maxLength: 3 }),
    description: maybe(fc.constantFrom('Forty branches.', '   ')),
  })
  .map((value) => ({
    customer: {
      name: 'Acme Corp',
      ...(value.territory.country === undefined ? {} : { country: value.territory.country }),
      ...(value.territory.subdivision === undefined ? {} : { subdivision: value.territory.subdivision }),
      ...(value.domain === undefined ? {} : { domain: value.domain }),
      ...(value.postalCode === undefined ? {} : { postalCode: value.postalCode }),
    },
    contact: {
      ...(value.contactName === undefined ? {} : { name: value.contactName }),
      ...(value.email === undefined ? {} : { email: value.email }),
      ...(value.phone === undefined ? {} : { phone: value.phone }),
    },
    ...(value.amount === undefined ? {} : { amount: value.amount }),
    ...(value.expectedCloseDate === undefined ? {} : { expectedCloseDate: value.expectedCloseDate }),
    products: value.products,
    ...(value.description === undefined ? {} : { description: value.description }),
  }));

const partners: fc.Arbitrary<Partner> = fc
  .record({
    status: fc.constantFrom(...STATUSES, 'active', 'active'),
    tierId: fc.constantFrom(null, 'registered', 'silver', 'gold', 'platinum', 'bronze'),
    certifications: fc.array(
      fc.record({
        type: fc.constantFrom('security-engineer', 'cloud-architect', 'sales-professional'),
        earnedOn: day,
        expiresOn: fc.option(day, { nil: null }),
        product: maybe(fc.constantFrom('secure-edge', 'migration-services', 'platform')),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ status, tierId, certifications }) =>
    partner({
      status,
      tierId,
      certifications: certifications.map(({ type, earnedOn, expiresOn, product }) =>
        certification(type, earnedOn, expiresOn, product),
      ),
    }),
  );

const programs: fc.Arbitrary<Program> = fc
  .record({
    requiredFields: fc.subarray([...FIELDS]),
    minimumAmount: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null }),
    eligibleProducts: fc.oneof(
      fc.constant('all' as const),
      fc.uniqueArray(fc.constantFrom(...PRODUCTS), { minLength: 1 }),
    ),
    eligibleTerritories: fc.oneof(
      fc.constant('all' as const),
      fc.uniqueArray(fc.constantFrom(...TERRITORIES), { minLength: 1 }),
    ),
    maxOpenPerPartner: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    allowOnboardingPartners: fc.boolean(),
  })
  .map(({ minimumAmount, ...policy }) => ({
    ...demo,
    registration: {
      ...demo.registration,
      ...policy,
      minimumAmount: minimumAmount === null ? null : { amount: minimumAmount, currency: 'USD' },
    },
  }));

describe('registration policy laws', () => {
  it('passes exactly when no check fails, with one step per check in order and an issue for each failed one', () => {
    fc.assert(
      fc.property(
        details,
        partners,
        programs,
        fc.integer({ min: 0, max: 50 }),
        day,
        (filled, holder, policy, open, today) => {
          const verdict = checkRegistrationPolicy({
            registration: draftWith(filled),
            program: policy,
            partner: holder,
            openRegistrations: open,
            today,
          });
          const failedSteps = verdict.trace.steps.filter((step) => step.result === 'fail');
          expect(verdict.trace.steps.map((step) => step.rule)).toEqual([...REGISTRATION_POLICY_RULES]);
          expect(verdict.passed).toBe(failedSteps.length === 0);
          expect(verdict.passed).toBe(verdict.issues.length === 0);
          expect(verdict.issues.length).toBeGreaterThanOrEqual(failedSteps.length);
          expect(verdict.trace.outcome).toBe(verdict.passed ? 'passed' : 'failed');
          expect(DecisionTraceSchema.parse(verdict.trace)).toEqual(verdict.trace);
        },
      ),
    );
  });

  it('flags exactly the required fields left empty, each at its own path', () => {
    fc.assert(
      fc.property(details, fc.subarray([...FIELDS]), (filled, required: RegistrationField[]) => {
        const { issues } = checkRequiredFields(filled, required);
        const empty = required.filter((field) => {
          const value = REGISTRATION_FIELDS[field].path
            .slice(1)
            .reduce<unknown>((holder, key) => (holder as Record<string, unknown> | undefined)?.[key], filled);
          return (
            value === undefined ||
            (typeof value === 'string' && value.trim() === '') ||
            (Array.isArray(value) && value.length === 0)
          );
        });
        expect(issues.map((found) => found.path)).toEqual(empty.map((field) => REGISTRATION_FIELDS[field].path));
      }),
    );
  });

  it('admits a customer exactly when its country or its subdivision is listed', () => {
    fc.assert(
      fc.property(territory, fc.uniqueArray(fc.constantFrom(...TERRITORIES), { minLength: 1 }), (where, listed) => {
        const check = checkEligibleTerritory({ name: 'Acme Corp', ...where }, listed);
        const country = where.country ?? where.subdivision.slice(0, 2);
        const eligible =
          listed.includes(country) || (where.subdivision !== undefined && listed.includes(where.subdivision));
        expect(check.step.result).toBe(eligible ? 'pass' : 'fail');
      }),
    );
  });

  it('fails the cap exactly when this registration would exceed the lowest cap that applies', () => {
    fc.assert(
      fc.property(partners, programs, fc.integer({ min: 0, max: 60 }), (holder, policy, open) => {
        const tier = policy.tiers.find((candidate) => candidate.id === holder.tierId);
        const caps = [tier?.benefits.registrationCap ?? null, policy.registration.maxOpenPerPartner].filter(
          (cap): cap is number => cap !== null,
        );
        const check = checkRegistrationCap(holder, policy, open);
        const expected = caps.length === 0 ? 'skip' : open + 1 > Math.min(...caps) ? 'fail' : 'pass';
        expect(check.step.result).toBe(expected);
      }),
    );
  });

  it('counts a certification exactly from the day it is earned to the day it expires, both included', () => {
    // Today: any day, or within two days of the day the certification was earned or expires.
    const edge = fc.constantFrom<'earned' | 'expires'>('earned', 'expires');
    const todays = fc.oneof(
      day.map((date) => () => date),
      fc.tuple(edge, fc.integer({ min: -2, max: 2 })).map(
        ([which, delta]) =>
          (earned: string, expires: string | null) =>
            addDays(which === 'expires' && expires !== null ? expires : earned, delta),
      ),
    );
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), todays, (earnedOn, expiresOn, pickToday) => {
        const today = pickToday(earnedOn, expiresOn);
        const holder = partner({ certifications: [certification('security-engineer', earnedOn, expiresOn)] });
        const registered = { ...draftWith().details, products: ['secure-edge'] };
        const check = checkCertifications(
          registered,
          holder,
          [{ product: 'secure-edge', certificationType: 'security-engineer' }],
          today,
        );
        const valid = earnedOn <= today && (expiresOn === null || today <= expiresOn);
        expect(check.step.result).toBe(valid ? 'pass' : 'fail');
      }),
    );
  });
});
