import fc from 'fast-check';
import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import type { RoutingPolicy, RoutingStep } from '../../program/schema/routing-policy.js';
import type { PartnerLoad, RoutingState } from '../state/routing-state.js';
import { programWith } from './fixtures.js';

/*
 * Small random routing worlds: a few countries, subdivisions, postal areas and places, so that steps
 * often match, often do not, and leave a handful of candidates; caps small enough to be reached.
 */

export const TODAY = '2026-11-24';
export const NOW = new Date('2026-11-24T12:00:00Z');

const COUNTRIES = ['DE', 'FR'] as const;
const SUBDIVISIONS = ['DE-BY', 'DE-BE', 'FR-IDF'] as const;
const PREFIXES = ['8', '80', '1', '10', '75', 'sw1'] as const;
const POSTAL_CODES = ['80331', '10115', '75001', '8 0 3', 'SW1A 1AA', '99999'] as const;
const INDUSTRIES = ['retail', 'finance'] as const;
const LANGUAGES = ['de', 'fr', 'en'] as const;
const SPECIALIZATIONS = ['cloud-migration', 'security', 'data-analytics'] as const;
const TIERS = ['registered', 'silver', 'gold', 'platinum'] as const;
const PRODUCTS = ['edr', 'siem'] as const;
const TYPES = ['technical', 'sales'] as const;
const PLACES = [
  { lat: 48.14, lon: 11.58 },
  { lat: 48.3, lon: 11.9 },
  { lat: 52.52, lon: 13.4 },
  { lat: 48.86, lon: 2.35 },
] as const;

const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const place = fc
  .record({
    at: fc.constantFrom(...PLACES),
    dLat: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    dLon: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  })
  .map(({ at, dLat, dLon }) => ({ lat: at.lat + dLat, lon: at.lon + dLon }));

const certification = fc.record({
  type: fc.constantFrom(...TYPES),
  product: maybe(fc.constantFrom(...PRODUCTS)),
  earnedOn: fc.constantFrom('2025-01-01', '2026-11-24', '2026-11-25'),
  expiresOn: fc.constantFrom(null, '2026-11-23', '2026-11-24', '2027-01-01'),
});

/** A partner with a random status, tier, coverage, abilities and place. */
export function partnerArbitrary(id: string): fc.Arbitrary<Partner> {
  return fc
    .record({
      status: fc.constantFrom(
        'active',
        'active',
        'active',
        'onboarding',
        'suspended',
        'applicant',
        'offboarded' as const,
      ),
      tierId: fc.constantFrom<string | null>(...TIERS, null),
      specializationIds: subset(SPECIALIZATIONS),
      countries: subset(COUNTRIES),
      subdivisions: subset(SUBDIVISIONS),
      postalPrefixes: subset(PREFIXES),
      location: maybe(place),
      industries: subset(INDUSTRIES),
      languages: subset(LANGUAGES),
      certifications: fc.array(certification, { maxLength: 3 }),
      performanceScore: maybe(fc.constantFrom(0, 0.25, 0.5, 0.9, 1)),
    })
    .map(({ countries, subdivisions, postalPrefixes, location, performanceScore, certifications, ...rest }) => ({
      id,
      name: `Partner ${id}`,
      ...rest,
      coverage: { countries, subdivisions, postalPrefixes },
      certifications: certifications.map(({ product, ...fields }) => (product ? { ...fields, product } : fields)),
      ...(location ? { location } : {}),
      ...(performanceScore === undefined ? {} : { performanceScore }),
      version: 1,
    }));
}

/** Partners `p0`, `p1`, … */
export function partnersArbitrary(options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<Partner[]> {
  return fc
    .integer({ min: options.minLength ?? 1, max: options.maxLength ?? 8 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => partnerArbitrary(`p${index}`))));
}

/** A lead with each attribute present or not. */
export function leadArbitrary(id: string, accounts: readonly string[] = ['acc-1', 'acc-2']): fc.Arbitrary<Lead> {
  return fc
    .record({
      country: maybe(fc.constantFrom(...COUNTRIES)),
      subdivision: maybe(fc.constantFrom(...SUBDIVISIONS)),
      postalCode: maybe(fc.constantFrom(...POSTAL_CODES)),
      location: maybe(place),
      industry: maybe(fc.constantFrom(...INDUSTRIES)),
      product: maybe(fc.constantFrom(...PRODUCTS)),
      language: maybe(fc.constantFrom(...LANGUAGES)),
      specializationId: maybe(fc.constantFrom(...SPECIALIZATIONS)),
      accountId: maybe(fc.constantFrom(...accounts)),
    })
    .map((fields) => {
      const lead: Lead = { id, createdAt: '2026-11-24T08:00:00Z', company: `Company ${id}`, version: 1 };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(lead, { [key]: value });
      return lead;
    });
}

/** Leads `l0`, `l1`, … */
export function leadsArbitrary(options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<Lead[]> {
  return fc
    .integer({ min: options.minLength ?? 1, max: options.maxLength ?? 12 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => leadArbitrary(`l${index}`))));
}

const stepOfKind: fc.Arbitrary<Omit<RoutingStep, 'id' | 'name' | 'required'>> = fc.oneof(
  fc.record({
    kind: fc.constant('partner_status' as const),
    allow: fc.constantFrom(['active'] as ('active' | 'onboarding')[], ['active', 'onboarding'], ['onboarding']),
  }),
  fc.record({ kind: fc.constant('territory' as const), match: fc.constantFrom('country', 'subdivision' as const) }),
  fc.record({ kind: fc.constant('postal_prefix' as const) }),
  fc.record({
    kind: fc.constant('distance' as const),
    initialRadiusKm: fc.constantFrom(5, 20, 50),
    growthFactor: fc.constantFrom(1.5, 2, 3),
    maxRadiusKm: fc.constantFrom(60, 200, 1000),
  }),
  fc.record({ kind: fc.constant('industry' as const) }),
  fc.record({ kind: fc.constant('language' as const) }),
  fc
    .record({
      kind: fc.constant('specialization' as const),
      specializationIds: maybe(fc.subarray([...SPECIALIZATIONS], { minLength: 1 })),
    })
    .map(({ specializationIds, ...rest }) => (specializationIds ? { ...rest, specializationIds } : rest)),
  fc.record({ kind: fc.constant('minimum_tier' as const), tierId: fc.constantFrom(...TIERS) }),
  fc
    .record({ kind: fc.constant('certification' as const), certificationType: maybe(fc.constantFrom(...TYPES)) })
    .map(({ certificationType, ...rest }) => (certificationType ? { ...rest, certificationType } : rest)),
);

const steps = fc
  .array(fc.record({ required: fc.boolean(), definition: stepOfKind }), { minLength: 1, maxLength: 8 })
  .map((list) =>
    list.map(
      ({ required, definition }, index) =>
        ({ id: `s${index}`, name: `Step ${index}`, required, ...definition }) as RoutingStep,
    ),
  );

const caps = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 4, maxLength: 4 })
  .chain((values) => {
    const [day, week, month, quarter] = [...values].sort((a, b) => a - b) as [number, number, number, number];
    return fc.record({
      day: maybe(fc.constant(day)),
      week: maybe(fc.constant(week)),
      month: maybe(fc.constant(month)),
      quarter: fc.constant(quarter),
    });
  })
  .map((found) => Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined)));

/** A valid routing policy of random steps, strategy, caps, stickiness and fallback. */
export const routingArbitrary: fc.Arbitrary<RoutingPolicy> = fc.record({
  steps,
  selection: fc.oneof(
    fc.constant({ kind: 'weighted_round_robin' as const }),
    fc.record({
      kind: fc.constant('least_loaded' as const),
      period: fc.constantFrom('day', 'week', 'month', 'quarter' as const),
    }),
    fc.record({
      kind: fc.constant('best_score' as const),
      weights: fc.record({
        performance: fc.constantFrom(0, 0.5, 1),
        tierWeight: fc.constantFrom(0, 0.3, 1),
        fit: fc.constantFrom(0, 0.2, 1),
      }),
    }),
    fc.constant({ kind: 'nearest' as const }),
    fc.record({ kind: fc.constant('weighted_random' as const), seed: fc.constantFrom('a', 'spring-2026') }),
  ),
  capacity: fc.record({
    periods: fc.constantFrom('calendar', 'fiscal' as const),
    weekStartsOn: fc.constantFrom('monday', 'sunday' as const),
    perPartner: fc.option(caps, { nil: null }),
    perTier: fc
      .subarray([...TIERS])
      .chain((tiers) => fc.tuple(...tiers.map((tierId) => caps.map((found) => ({ tierId, ...found }))))),
  }),
  sticky: fc.record({ enabled: fc.boolean(), lookbackDays: fc.constantFrom(1, 30) }),
  offers: fc.record({
    slaHours: fc.constantFrom(1, 24),
    slaClock: fc.constant('calendar_hours' as const),
    maxAttempts: fc.integer({ min: 1, max: 4 }),
  }),
  fallback: fc.oneof(
    fc.constant({ kind: 'queue' as const, queueId: 'channel-desk', name: 'Channel desk' }),
    fc.record({ kind: fc.constant('partner' as const), partnerId: fc.constantFrom('p0', 'p1', 'nobody') }),
  ),
});

/** A parsed program with a random routing section. */
export const programArbitrary: fc.Arbitrary<Program> = routingArbitrary.map((routing) => programWith(routing));

/** Loads for some partners: counts in the current periods, or in stale ones (which count as zero). */
export function stateArbitrary(partners: readonly Partner[]): fc.Arbitrary<RoutingState> {
  const load: fc.Arbitrary<PartnerLoad> = fc
    .record({ count: fc.integer({ min: 0, max: 7 }), stale: fc.boolean() })
    .map(({ count, stale }) => ({
      day: { start: stale ? '2026-11-23' : TODAY, count },
      week: { start: '2026-11-23', count },
      month: { start: '2026-11-01', count },
      quarter: { start: stale ? '2026-08-01' : '2026-11-01', count },
    }));
  return fc
    .record({
      loads: fc.tuple(...partners.map(() => maybe(load))),
      sticky: fc.array(
        fc.record({
          account: fc.constantFrom('acc-1', 'acc-2'),
          partner: fc.constantFrom(...partners.map((p) => p.id)),
          on: fc.constantFrom('2026-11-24', '2026-10-01'),
        }),
      ),
    })
    .map(({ loads, sticky }) => ({
      roundRobin: {},
      loads: Object.fromEntries(
        partners.flatMap((partner, index) => (loads[index] ? [[partner.id, loads[index]]] : [])),
      ),
      sticky: Object.fromEntries(sticky.map((entry) => [entry.account, { partnerId: entry.partner, on: entry.on }])),
    }));
}
