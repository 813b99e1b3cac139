import fc from 'fast-check';
import type { Condition, Criteria, Criterion } from '../schema/criteria.js';
import type { ProgramInput } from '../schema/program.js';

/* Random programs that are meant to be valid: a wide spread of shapes, numbers and texts. */

const identifier = fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/);
/** Any text that is not blank, including astral and unpaired surrogate characters. */
const displayName = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== '');
const catalogCode = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter((text) => text.trim() === text && text !== '');
const percent = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'GBP', 'KWD', 'CHF');
const periodUnit = fc.constantFrom('month', 'quarter', 'half_year', 'year' as const);
const window = fc.oneof(
  fc.record({ kind: fc.constant('trailing_months' as const), months: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('fiscal_period' as const),
    unit: periodUnit,
    which: fc.constantFrom('current_to_date', 'last_completed' as const),
  }),
);

/** Unique ids, `count` of them. */
const uniqueIds = (count: { minLength: number; maxLength: number }) =>
  fc.uniqueArray(identifier, { ...count, selector: (id) => id });

/** One measure that tiers share, with non-decreasing thresholds for the tiers that use it. */
function measure(tierCount: number, programCurrency: string) {
  const thresholds = fc
    .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: tierCount, maxLength: tierCount })
    .map((values) => values.sort((a, b) => a - b));
  return fc.oneof(
    fc
      .record({ window, attribution: fc.constantFrom('sourced', 'sourced_and_influenced' as const), thresholds })
      .map(({ window: w, attribution, thresholds: t }) =>
        t.map((amount) => ({
          kind: 'won_revenue' as const,
          attribution,
          atLeast: { amount, currency: programCurrency },
          window: w,
        })),
      ),
    fc
      .record({ window, thresholds })
      .map(({ window: w, thresholds: t }) =>
        t.map((atLeast) => ({ kind: 'approved_registrations' as const, atLeast, window: w })),
      ),
    fc.record({ type: fc.option(catalogCode, { nil: undefined }), thresholds }).map(({ type, thresholds: t }) =>
      t.map((atLeast) => ({
        kind: 'certifications' as const,
        atLeast,
        ...(type === undefined ? {} : { certificationType: type }),
      })),
    ),
    fc
      .record({
        window,
        thresholds: thresholds.map((values) => values.map((value) => (value % 10_001) / 100).sort((a, b) => a - b)),
      })
      .map(({ window: w, thresholds: t }) =>
        t.map((atLeast) => ({ kind: 'customer_satisfaction' as const, atLeast, window: w })),
      ),
    fc
      .record({ key: identifier, label: displayName, window: fc.option(window, { nil: undefined }), thresholds })
      .map(({ key, label, window: w, thresholds: t }) =>
        t.map((atLeast) => ({
          kind: 'custom_metric' as const,
          key,
          label,
          atLeast: atLeast / 7,
          ...(w ? { window: w } : {}),
        })),
      ),
  );
}

/** Wraps criteria in `all`/`any` groups of random depth. */
function grouped(criteria: Criterion[], nesting: boolean[]): Criteria {
  const conditions: Condition[] = criteria.map((criterion, index): Condition => {
    if (!nesting[index]) return criterion;
    return index % 2 === 0 ? { kind: 'any', conditions: [criterion] } : { kind: 'all', conditions: [criterion] };
  });
  return nesting[0] ? { kind: 'any', conditions } : { kind: 'all', conditions };
}

const tiers = fc
  .record({ count: fc.integer({ min: 1, max: 5 }), currency })
  .chain(({ count, currency: programCurrency }) =>
    fc.record({
      currency: fc.constant(programCurrency),
      ids: uniqueIds({ minLength: count, maxLength: count }),
      names: fc.array(displayName, { minLength: count, maxLength: count }),
      rankGaps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: count, maxLength: count }),
      measures: fc.array(measure(count, programCurrency), { minLength: 1, maxLength: 4 }),
      nesting: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: count, maxLength: count }),
      benefits: fc.array(
        fc.record({
          discountPercent: percent,
          mdfRatePercent: percent,
          registrationCap: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
          routingWeight: fc.integer({ min: 1, max: 1000 }),
        }),
        { minLength: count, maxLength: count },
      ),
      grace: fc.array(fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), {
        minLength: count,
        maxLength: count,
      }),
      description: fc.option(fc.string({ unit: 'binary', maxLength: 60 }), { nil: undefined }),
    }),
  )
  .map(({ currency: programCurrency, ids, names, rankGaps, measures, nesting, benefits, grace, description }) => {
    let rank = 0;
    const list = ids.map((id, index) => {
      rank += rankGaps[index]!;
      const criteria =
        index === 0
          ? { kind: 'all' as const, conditions: [] }
          : grouped(
              measures.map((m) => m[index]!),
              nesting[index]!,
            );
      return {
        id,
        name: names[index]!,
        rank,
        ...(index === 0 && description !== undefined ? { description } : {}),
        criteria,
        benefits: benefits[index]!,
        ...(grace[index] === undefined ? {} : { gracePeriods: grace[index] }),
      };
    });
    return { currency: programCurrency, tiers: list };
  });

const caps = fc
  .record({
    day: fc.integer({ min: 1, max: 50 }),
    extra: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ day, extra }) => ({
    day,
    week: day + extra[0]!,
    month: day + extra[0]! + extra[1]!,
    quarter: day + extra[0]! + extra[1]! + extra[2]!,
  }));

/** A random program that `parseProgram` should accept. */
export const programArbitrary: fc.Arbitrary<ProgramInput> = fc
  .record({
    tierPart: tiers,
    id: identifier,
    name: displayName,
    fiscal: fc.record({
      firstMonth: fc.integer({ min: 1, max: 12 }),
      yearNamedBy: fc.constantFrom('start', 'end' as const),
      timeZone: fc.constantFrom('UTC', 'America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Pacific/Chatham'),
    }),
    evaluationPeriod: periodUnit,
    movement: fc.record({
      effective: fc.constantFrom('immediately', 'next_period_start' as const),
      approval: fc.constantFrom('automatic', 'manual' as const),
    }),
    step: fc.constantFrom('one_rank', 'to_qualifying' as const),
    counts: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 2 }),
    thresholds: fc
      .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ same: Math.max(a, b) / 1000, possible: Math.min(a, b) / 1000 })),
    products: fc.oneof(fc.constant('all' as const), fc.uniqueArray(catalogCode, { minLength: 1, maxLength: 5 })),
    territories: fc.oneof(
      fc.constant('all' as const),
      fc.uniqueArray(fc.constantFrom('US', 'US-CA', 'DE', 'FR-IDF', 'JP', 'BR-SP'), { minLength: 1 }),
    ),
    protectionDays: fc.integer({ min: 1, max: 730 }),
    precedence: fc.constantFrom('first_registered', 'highest_tier', 'manual_review' as const),
    stepIds: uniqueIds({ minLength: 3, maxLength: 3 }),
    strategy: fc.oneof(
      fc.constant({ kind: 'weighted_round_robin' as const }),
      fc.constant({ kind: 'nearest' as const }),
      fc.record({
        kind: fc.constant('least_loaded' as const),
        period: fc.constantFrom('day', 'week', 'month', 'quarter' as const),
      }),
      fc.record({
        kind: fc.constant('best_score' as const),
        weights: fc.record({
          performance: fc.double({ min: 0, max: 1, noNaN: true }),
          tierWeight: fc.double({ min: 0, max: 1, noNaN: true }),
          fit: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      }),
      fc.record({ kind: fc.constant('weighted_random' as const), seed: fc.string({ minLength: 1, maxLength: 20 }) }),
    ),
    partnerCaps: fc.option(caps, { nil: null }),
    slaHours: fc.integer({ min: 1, max: 2880 }).map((quarters) => quarters / 4),
    activityIds: uniqueIds({ minLength: 1, maxLength: 4 }),
    proofIds: uniqueIds({ minLength: 1, maxLength: 3 }),
    levelAmounts: fc
      .uniqueArray(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 3 })
      .map((amounts) => amounts.sort((a, b) => a - b)),
    leadTimeDays: fc.integer({ min: 0, max: 365 }),
    milestones: fc.uniqueArray(
      fc.record({
        id: identifier,
        name: displayName,
        dueDays: fc.integer({ min: 0, max: 730 }),
        required: fc.boolean(),
      }),
      { maxLength: 4, selector: (milestone) => milestone.id },
    ),
    activation: fc.constantFrom('automatic', 'manual' as const),
    attributionModel: fc.oneof(
      fc.constantFrom({ kind: 'first_touch' as const }, { kind: 'last_touch' as const }, { kind: 'linear' as const }),
      fc.record({ kind: fc.constant('time_decay' as const), halfLifeDays: fc.integer({ min: 1, max: 3650 }) }),
      fc
        .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
        .map(([first, last]) => ({ kind: 'position_based' as const, first, middle: 0, last }))
        .map((model) => ({ ...model, middle: Math.max(0, 100 - model.first - model.last) }))
        .filter((model) => model.first + model.middle + model.last === 100),
    ),
    sourcingWindowDays: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: null }),
    reviewSlaHours: fc.integer({ min: 1, max: 2880 }).map((quarters) => quarters / 4),
  })
  .map((drawn) => {
    const { currency: programCurrency, tiers: tierList } = drawn.tierPart;
    const firstTier = tierList[tierList.length - 1]!;
    return {
      schemaVersion: 1 as const,
      id: drawn.id,
      name: drawn.name,
      currency: programCurrency,
      fiscalCalendar: drawn.fiscal,
      tiers: tierList,
      tierPolicy: {
        evaluationPeriod: drawn.evaluationPeriod,
        upgrades: drawn.movement,
        downgrades: { ...drawn.movement, step: drawn.step },
        gracePeriods: drawn.counts[0]!,
        probationPeriods: drawn.counts[1]!,
        overrides: { maxDays: 365 },
      },
      specializations: [
        {
          id: 'spec',
          name: drawn.name,
          criteria: { kind: 'any' as const, conditions: [{ kind: 'certifications' as const, atLeast: 1 }] },
          minimumTierId: firstTier.id,
        },
      ],
      registration: {
        requiredFields: ['customerName' as const, 'customerCountry' as const, 'amount' as const, 'products' as const],
        minimumAmount:
          drawn.levelAmounts.length > 0 ? { amount: drawn.levelAmounts[0]!, currency: programCurrency } : null,
        eligibleProducts: drawn.products,
        eligibleTerritories: drawn.territories,
        protectionDays: drawn.protectionDays,
        extensions: { maxCount: 2, days: 30, requestWindowDays: 14 },
        maxOpenPerPartner: null,
        allowOnboardingPartners: drawn.counts[0]! % 2 === 0,
        conflicts: {
          matchThresholds: drawn.thresholds,
          precedence: drawn.precedence,
          directSales: 'review' as const,
          duplicateLookbackDays: drawn.protectionDays,
          sameOwnerAcrossPublicSuffixes: false,
        },
      },
      routing: {
        steps: [
          {
            id: drawn.stepIds[0]!,
            name: drawn.name,
            required: true,
            kind: 'partner_status' as const,
            allow: ['active' as const],
          },
          {
            id: drawn.stepIds[1]!,
            name: drawn.name,
            required: false,
            kind: 'minimum_tier' as const,
            tierId: firstTier.id,
          },
          {
            id: drawn.stepIds[2]!,
            name: drawn.name,
            required: false,
            kind: 'distance' as const,
            initialRadiusKm: 10.5,
            maxRadiusKm: 10.5,
            growthFactor: 1.5,
          },
        ],
        selection: drawn.strategy,
        capacity: {
          periods: 'calendar' as const,
          weekStartsOn: 'sunday' as const,
          perPartner: drawn.partnerCaps,
          perTier: drawn.partnerCaps ? [{ tierId: firstTier.id, ...drawn.partnerCaps }] : [],
        },
        sticky: { enabled: drawn.counts[1]! % 2 === 0, lookbackDays: drawn.protectionDays },
        offers: { slaHours: drawn.slaHours, slaClock: 'calendar_hours' as const, maxAttempts: 3 },
        fallback: { kind: 'queue' as const, queueId: drawn.id, name: drawn.name },
      },
      mdf: {
        fundTypes: [
          {
            id: 'fund',
            name: drawn.name,
            kind: 'budgeted' as const,
            allocation: 'manual' as const,
            eligibleActivityIds: drawn.activityIds,
          },
          {
            id: 'coop',
            name: drawn.name,
            kind: 'accrual' as const,
            accrual: {
              rate: { from: 'fixed' as const, percent: 1.25 },
              basis: 'all_won_revenue' as const,
              expiresAfterDays: 365,
            },
            eligibleActivityIds: drawn.activityIds.slice(0, 1),
          },
        ],
        activities: drawn.activityIds.map((id, index) => ({
          id,
          name: drawn.name,
          reimbursementPercent: 100 - index * 12.5,
          proofKindIds: drawn.proofIds,
        })),
        proofKinds: drawn.proofIds.map((id) => ({ id, name: drawn.name })),
        approvalLevels: [
          ...drawn.levelAmounts.map((amount, index) => ({
            name: `level ${index}`,
            upTo: { amount, currency: programCurrency },
            approverRole: 'manager',
          })),
          { name: 'top', upTo: null, approverRole: 'vp' },
        ],
        leadTimeDays: drawn.leadTimeDays,
        claimDeadlineDays: 60,
      },
      lifecycle: { onboarding: { milestones: drawn.milestones, activation: drawn.activation } },
      analytics: {
        attribution: {
          model: drawn.attributionModel,
          sourcedBy: ['sourced' as const, 'registered' as const],
          sourcingWindowDays: drawn.sourcingWindowDays,
          lookbackDays: null,
        },
        registrationReviewSlaHours: drawn.reviewSlaHours,
      },
    };
  });
