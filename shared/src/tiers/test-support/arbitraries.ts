import fc from 'fast-check';
import type { Certification } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierWonDeal } from '../inputs/won-deal.js';
import type { TierChange } from '../standing/tier-change.js';
import type { HeldSpecialization, TierStanding } from '../standing/tier-standing.js';
import { demoProgramJson, parsedProgram } from './fixtures.js';

/* Random programs (the demo program's tiers under random movement rules), partners' data and standings. */

const TIER_IDS = ['registered', 'silver', 'gold', 'platinum'] as const;
const CERTIFICATION_TYPES = [
  'sales-professional',
  'technical-specialist',
  'cloud-architect',
  'security-engineer',
  'analyst',
];
const SPECIALIZATION_IDS = ['cloud-migration', 'security', 'data-analytics'];

/** Days from 2025-01-01 to 2027-12-31. */
export const dayArbitrary = fc.integer({ min: 0, max: 1094 }).map((offset) => addDays('2025-01-01', offset));

/** The demo program under random movement rules and fiscal calendars. */
export const programArbitrary: fc.Arbitrary<Program> = fc
  .record({
    firstMonth: fc.integer({ min: 1, max: 12 }),
    evaluationPeriod: fc.constantFrom('month', 'quarter', 'half_year', 'year' as const),
    upgrades: fc.record({
      effective: fc.constantFrom('immediately', 'next_period_start' as const),
      approval: fc.constantFrom('automatic', 'manual' as const),
    }),
    downgrades: fc.record({
      effective: fc.constantFrom('immediately', 'next_period_start' as const),
      approval: fc.constantFrom('automatic', 'manual' as const),
      step: fc.constantFrom('one_rank', 'to_qualifying' as const),
    }),
    gracePeriods: fc.integer({ min: 0, max: 3 }),
    probationPeriods: fc.integer({ min: 0, max: 2 }),
    tierGrace: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    specializationGrace: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map((drawn) => {
    const json = demoProgramJson();
    json.fiscalCalendar = { ...json.fiscalCalendar, firstMonth: drawn.firstMonth };
    json.tierPolicy = {
      evaluationPeriod: drawn.evaluationPeriod,
      upgrades: drawn.upgrades,
      downgrades: drawn.downgrades,
      gracePeriods: drawn.gracePeriods,
      probationPeriods: drawn.probationPeriods,
      overrides: { maxDays: 365 },
    };
    json.tiers = json.tiers.map((tier, index) => {
      const { gracePeriods: _dropped, ...rest } = tier;
      const grace = drawn.tierGrace[index];
      return grace === undefined ? rest : { ...rest, gracePeriods: grace };
    });
    json.specializations = (json.specializations ?? []).map((specialization, index) => {
      const { gracePeriods: _dropped, ...rest } = specialization;
      const grace = drawn.specializationGrace[index];
      return grace === undefined ? rest : { ...rest, gracePeriods: grace };
    });
    return parsedProgram(json);
  });

/**
 * Deal amounts in minor units that land partners' revenue on either side of the demo thresholds
 * (100,000, 500,000 and 2,000,000 USD over twelve months), where the laws have something to check.
 */
export const amountArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.integer({ min: 2_000_000, max: 20_000_000 }),
  fc.integer({ min: 20_000_000, max: 100_000_000 }),
);

/** Days around an evaluation date: mostly within the last eighteen months, some just after it. */
function nearArbitrary(asOf: string): fc.Arbitrary<string> {
  return fc.integer({ min: -540, max: 30 }).map((days) => addDays(asOf, days));
}

/** A won deal of `partnerId` around `asOf`, mostly sourced and in USD. */
export function wonDealArbitrary(partnerId: string, asOf: string): fc.Arbitrary<TierWonDeal> {
  return fc.record({
    id: fc.uuid(),
    partnerId: fc.constant(partnerId),
    partnerRole: fc.constantFrom('sourced', 'sourced', 'influenced' as const),
    closedOn: nearArbitrary(asOf),
    amount: fc.record({
      amount: amountArbitrary,
      currency: fc.constantFrom('USD', 'USD', 'USD', 'USD', 'USD', 'USD', 'EUR'),
    }),
  });
}

/** A certification of one of the demo program's types (some for the product "insights"), earned and expiring around `asOf`. */
export function certificationArbitrary(asOf: string): fc.Arbitrary<Certification> {
  return fc
    .record({
      type: fc.constantFrom(
        'sales-professional',
        'sales-professional',
        'sales-professional',
        'technical-specialist',
        ...CERTIFICATION_TYPES,
      ),
      product: fc.option(fc.constant('insights'), { nil: undefined }),
      earnedOn: nearArbitrary(asOf),
      expiresOn: fc.option(
        fc.integer({ min: -200, max: 400 }).map((days) => addDays(asOf, days)),
        { nil: null },
      ),
    })
    .map(({ product, ...rest }) => (product === undefined ? rest : { ...rest, product }));
}

/** One partner's random data around an evaluation date, enough to reach any tier of the demo program. */
export function inputsArbitrary(partnerId: string, asOf: string): fc.Arbitrary<PartnerTierInputs> {
  return fc.record({
    partnerId: fc.constant(partnerId),
    tierId: fc.constantFrom(null, ...TIER_IDS),
    specializationIds: fc.subarray(SPECIALIZATION_IDS),
    certifications: fc.array(certificationArbitrary(asOf), { maxLength: 18 }),
    wonDeals: fc.array(wonDealArbitrary(partnerId, asOf), { maxLength: 20 }),
    approvedRegistrations: fc.array(fc.record({ partnerId: fc.constant(partnerId), approvedOn: nearArbitrary(asOf) }), {
      maxLength: 20,
    }),
    satisfactionScores: fc.array(
      fc.record({
        partnerId: fc.constant(partnerId),
        date: nearArbitrary(asOf),
        value: fc.integer({ min: 75, max: 100 }),
      }),
      { maxLength: 6 },
    ),
    customMetrics: fc.constant([]),
  });
}

const heldSpecializationsArbitrary: fc.Arbitrary<HeldSpecialization[]> = fc.subarray(SPECIALIZATION_IDS).chain((ids) =>
  fc.tuple(
    ...ids.map((specializationId) =>
      fc.record({
        specializationId: fc.constant(specializationId),
        since: dayArbitrary,
        graceSince: fc.option(dayArbitrary, { nil: null }),
      }),
    ),
  ),
);

/**
 * A partner's standing, in any of its states, with dates around the evaluation dates the laws use
 * (grace and placement dates before `asOf`, scheduled and override dates on either side of it).
 */
export function standingArbitrary(partnerId: string, asOf: string): fc.Arbitrary<TierStanding> {
  const before = fc.integer({ min: 0, max: 700 }).map((days) => addDays(asOf, -days));
  const around = fc.integer({ min: -200, max: 200 }).map((days) => addDays(asOf, days));
  const tierId = fc.constantFrom(...TIER_IDS);
  const placement = fc
    .record({
      tierId,
      since: before,
      reachedBy: fc.constantFrom('initial', 'upgrade', 'downgrade', 'override', 'override_expired' as const),
    })
    .chain((drawn) =>
      fc.integer({ min: 0, max: 90 }).map((days) => ({ ...drawn, decidedOn: addDays(drawn.since, -days) })),
    );
  const scheduled = fc.option(
    fc.record({
      direction: fc.constantFrom('upgrade', 'downgrade' as const),
      reason: fc.constantFrom('qualification', 'grace_over', 'probation' as const),
      toTierId: fc.constantFrom(null, ...TIER_IDS),
      effectiveOn: around,
      decidedOn: before,
      appliedOn: before,
      decidedBy: fc.constant({ kind: 'automatic' as const }),
      proposalId: fc.constant(null),
      graceSinceAfter: fc.option(before, { nil: null }),
    }),
    { nil: null },
  );
  const shared = fc.record({
    partnerId: fc.constant(partnerId),
    version: fc.integer({ min: 1, max: 5 }),
    specializations: heldSpecializationsArbitrary,
    history: fc.constant<TierChange[]>([]),
  });
  return fc.oneof(
    fc.record({ shared, scheduled }).map(({ shared: base, scheduled: change }): TierStanding => ({
      ...base,
      status: 'untiered',
      tier: null,
      grace: null,
      override: null,
      scheduled: change,
    })),
    fc
      .record({ shared, tier: placement, scheduled })
      .map(({ shared: base, tier, scheduled: change }): TierStanding => ({
        ...base,
        status: 'tiered',
        tier,
        grace: null,
        override: null,
        scheduled: change,
      })),
    fc
      .record({ shared, tier: placement, graceSince: before, scheduled })
      .map(({ shared: base, tier, graceSince, scheduled: change }): TierStanding => ({
        ...base,
        status: 'in_grace',
        tier,
        grace: { since: graceSince },
        override: null,
        scheduled: change,
      })),
    fc
      .record({ shared, tier: placement, setOn: before, expiresOn: around })
      .map(({ shared: base, tier, setOn, expiresOn }): TierStanding => ({
        ...base,
        status: 'overridden',
        tier: { ...tier, reachedBy: 'override' },
        grace: null,
        override: { tierId: tier.tierId, setOn, expiresOn, reason: 'A reason', by: 'u-1' },
        scheduled: null,
      })),
  );
}

/** An evaluation date, a program, and one partner's standing and data. */
export const scenarioArbitrary = fc
  .record({
    asOf: fc.integer({ min: 180, max: 900 }).map((offset) => addDays('2025-01-01', offset)),
    program: programArbitrary,
  })
  .chain(({ asOf, program }) =>
    fc.record({
      asOf: fc.constant(asOf),
      program: fc.constant(program),
      standing: standingArbitrary('p-1', asOf),
      inputs: inputsArbitrary('p-1', asOf),
    }),
  );
