import type { Certification, Partner } from '../../../entities/partner.js';
import type { Program } from '../../../program/schema/program.js';
import type { Registration, RegistrationDetails } from '../../registration.js';
import { details, registrationIn, sharedDemoProgram } from '../../lifecycle/test-support/fixtures.js';

/*
 * Fixtures for the policy tests, on the repository's demo program: required customer name and country,
 * contact name and e-mail, amount, expected close date and products; at least 10,000.00 USD; products
 * platform, insights, secure-edge (needs security-engineer) and migration-services (needs cloud-architect);
 * twelve eligible countries; only active partners; tier caps Registered 5, Silver 15, Gold 40, Platinum none.
 */

export { details };

/** The demo program, parsed once. */
export function program(): Program {
  return sharedDemoProgram();
}

/** The demo program with its registration policy changed. */
export function programWith(change: Partial<Program['registration']>): Program {
  const demo = sharedDemoProgram();
  return { ...demo, registration: { ...demo.registration, ...change } };
}

/** A certification of `type`, optionally for one product. */
export function certification(
  type: string,
  earnedOn: string,
  expiresOn: string | null,
  product?: string,
): Certification {
  return { type, earnedOn, expiresOn, ...(product === undefined ? {} : { product }) };
}

/** Northwind Systems, an active Silver partner certified as security engineer until mid-2027. */
export function partner(overrides: Partial<Partner> = {}): Partner {
  return {
    id: 'p-1',
    name: 'Northwind Systems',
    status: 'active',
    tierId: 'silver',
    specializationIds: [],
    domain: 'northwind.example',
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [
      certification('sales-professional', '2025-03-01', null),
      certification('security-engineer', '2025-06-30', '2027-06-30'),
    ],
    version: 4,
    ...overrides,
  };
}

/** A draft registration of partner p-1 with its details changed. */
export function draftWith(change: Partial<RegistrationDetails> = {}): Registration {
  const draft = registrationIn('draft');
  return { ...draft, details: { ...draft.details, ...change } };
}

/** A draft registration whose customer is changed. */
export function draftForCustomer(customer: RegistrationDetails['customer']): Registration {
  return draftWith({ customer });
}
