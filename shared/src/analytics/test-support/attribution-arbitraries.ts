import fc from 'fast-check';
import type { AttributionModel, AttributionPolicy } from '../../program/schema/analytics-policy.js';
import { fromDayNumber, toDayNumber } from '../../time/day-number.js';
import type { AttributionDeal, PartnerTouch } from '../attribution/touch.js';

/* Random deals, touches, models and policies for the attribution laws. */

const BASE_DAY = toDayNumber('2026-01-01');
const day = (offset: number) => fromDayNumber(BASE_DAY + offset);

/** Every attribution model, with random parameters (position shares that add up to 100). */
export const modelArbitrary: fc.Arbitrary<AttributionModel> = fc.oneof(
  fc.constant({ kind: 'first_touch' as const }),
  fc.constant({ kind: 'last_touch' as const }),
  fc.constant({ kind: 'linear' as const }),
  fc.integer({ min: 1, max: 400 }).map((halfLifeDays) => ({ kind: 'time_decay' as const, halfLifeDays })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    return { kind: 'position_based' as const, first: low, middle: high - low, last: 100 - high };
  }),
  fc
    .record({
      sourced: fc.integer({ min: 0, max: 1000 }),
      registered: fc.integer({ min: 0, max: 1000 }),
      co_sell: fc.integer({ min: 0, max: 1000 }),
      influence_activity: fc.integer({ min: 0, max: 1000 }),
    })
    .map((weights) => ({ kind: 'custom' as const, weights })),
);

/** A policy with random sourcing kinds, sourcing window and lookback. */
export const policyArbitrary: fc.Arbitrary<AttributionPolicy> = fc.record({
  model: fc.constant({ kind: 'linear' as const }),
  sourcedBy: fc.subarray(['sourced', 'registered', 'co_sell'] as const, { minLength: 1 }),
  sourcingWindowDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  lookbackDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
});

/** A deal with random amount (up to ten billion minor units), currency, stage and days. */
export const dealArbitrary: fc.Arbitrary<AttributionDeal> = fc
  .record({
    amount: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000_000 })),
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
    stage: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
    created: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 0, max: 300 }),
  })
  .map(({ amount, currency, stage, created, length }) => ({
    id: 'd-1',
    amount: { amount, currency },
    stage,
    createdOn: day(created),
    closedOn: stage === 'open' ? null : day(created + length),
  }));

/** Touches of deal `d-1` by up to five partners over two years, with ties on days likely. */
export const touchesArbitrary = (minLength = 0): fc.Arbitrary<PartnerTouch[]> =>
  fc
    .array(
      fc.record({
        partner: fc.integer({ min: 1, max: 5 }),
        kind: fc.constantFrom(
          'sourced' as const,
          'registered' as const,
          'co_sell' as const,
          'influence_activity' as const,
        ),
        offset: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -200, max: 700 })),
        weight: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      }),
      { minLength, maxLength: 25 },
    )
    .map((drawn) =>
      drawn.map(({ partner, kind, offset, weight }, index) => ({
        id: `t-${index + 1}`,
        dealId: 'd-1',
        partnerId: `p-${partner}`,
        kind,
        on: day(100 + offset),
        ...(weight === undefined ? {} : { weight }),
      })),
    );

/** The day of the analysis: late enough that open deals keep most of their touches. */
export const AS_OF = day(900);
