import { demoProgram } from '../test-support/program.js';
import type { AttributionModel } from '../../program/schema/analytics-policy.js';
import { attributeDeal } from './attribute-deal.js';
import type { DealAttribution } from './deal-attribution.js';
import type { AttributionDeal, PartnerTouch } from './touch.js';

/*
 * A deal of 100,000.00 USD created on 2026-03-01 and won on 2026-06-30, on the demo program's rule (sourced
 * by a sourced or registered touch within 30 days of creation; touches more than 365 days before creation
 * ignored). Four touches count: p-1 registers it on 03-02 and co-sells on 05-20, p-2 runs an event on 04-15,
 * p-3 gives a reference call on 06-30. Two do not: p-2's touch after the close, p-3's sourced touch of 2025.
 */
const policy = demoProgram().analytics.attribution;
const deal: AttributionDeal = {
  id: 'd-1',
  amount: { amount: 10_000_000, currency: 'USD' },
  stage: 'won',
  createdOn: '2026-03-01',
  closedOn: '2026-06-30',
};
const touch = (id: string, partnerId: string, kind: PartnerTouch['kind'], on: string): PartnerTouch => ({
  id,
  dealId: 'd-1',
  partnerId,
  kind,
  on,
});
const touches = [
  touch('t-5', 'p-2', 'influence_activity', '2026-07-05'),
  touch('t-3', 'p-1', 'co_sell', '2026-05-20'),
  touch('t-1', 'p-1', 'registered', '2026-03-02'),
  touch('t-6', 'p-3', 'sourced', '2025-01-10'),
  touch('t-4', 'p-3', 'influence_activity', '2026-06-30'),
  touch('t-2', 'p-2', 'influence_activity', '2026-04-15'),
];

function attributed(model: AttributionModel, input: { deal?: AttributionDeal; touches?: PartnerTouch[] } = {}) {
  const result = attributeDeal({
    deal: input.deal ?? deal,
    touches: input.touches ?? touches,
    policy,
    model,
    asOf: '2026-11-24',
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

const shares = (attribution: DealAttribution) =>
  Object.fromEntries(attribution.partners.map((partner) => [partner.partnerId, partner.share.amount]));

describe('attributing one deal', () => {
  it('credits the hand-computed amounts under each model', () => {
    expect(shares(attributed({ kind: 'first_touch' }))).toEqual({ 'p-1': 10_000_000, 'p-2': 0, 'p-3': 0 });
    expect(shares(attributed({ kind: 'last_touch' }))).toEqual({ 'p-1': 0, 'p-2': 0, 'p-3': 10_000_000 });
    expect(shares(attributed({ kind: 'linear' }))).toEqual({ 'p-1': 5_000_000, 'p-2': 2_500_000, 'p-3': 2_500_000 });
    // 40 % to the first touch, 40 % to the last, 20 % shared by the two in between.
    expect(shares(attributed({ kind: 'position_based', first: 40, middle: 20, last: 40 }))).toEqual({
      'p-1': 5_000_000,
      'p-2': 1_000_000,
      'p-3': 4_000_000,
    });
    // Registered 4, co-sell 2, influence 1: 6/8, 1/8 and 1/8.
    const custom = {
      kind: 'custom' as const,
      weights: { sourced: 5, registered: 4, co_sell: 2, influence_activity: 1 },
    };
    expect(shares(attributed(custom))).toEqual({ 'p-1': 7_500_000, 'p-2': 1_250_000, 'p-3': 1_250_000 });
  });

  it('halves a touch for every half-life it came before the close', () => {
    // Ages at the close: 120, 76, 41 and 0 days; with a half-life of 30 days, weights 2^(−age/30).
    const weights = { 'p-1': 2 ** -4 + 2 ** (-41 / 30), 'p-2': 2 ** (-76 / 30), 'p-3': 1 };
    const total = weights['p-1'] + weights['p-2'] + weights['p-3'];
    const result = shares(attributed({ kind: 'time_decay', halfLifeDays: 30 }));

    for (const [partnerId, weight] of Object.entries(weights)) {
      expect(Math.abs(result[partnerId]! - (10_000_000 * weight) / total)).toBeLessThan(1);
    }
    expect(result).toMatchInlineSnapshot(`
{
  "p-1": 2774363,
  "p-2": 1064303,
  "p-3": 6161334,
}
`);
  });

  it('classifies the deal by the program rule and explains every step', () => {
    const result = attributed({ kind: 'position_based', first: 40, middle: 20, last: 40 });

    expect([result.classification, result.sourcedBy]).toEqual(['sourced', 'p-1']);
    expect(result.partners.map((partner) => [partner.partnerId, partner.role, partner.touches])).toEqual([
      ['p-1', 'sourced', 2],
      ['p-2', 'influenced', 1],
      ['p-3', 'influenced', 1],
    ]);
    expect(result.ignoredTouches).toEqual([
      { touchId: 't-6', reason: 'before_lookback' },
      { touchId: 't-5', reason: 'after_close' },
    ]);
    expect(result.trace).toMatchInlineSnapshot(`
{
  "decision": "analytics.attribution",
  "outcome": "sourced",
  "steps": [
    {
      "facts": {
        "counted": [
          "t-1",
          "t-2",
          "t-3",
          "t-4",
        ],
        "earliestDay": "2025-03-01",
        "ignored": [
          {
            "reason": "before_lookback",
            "touchId": "t-6",
          },
          {
            "reason": "after_close",
            "touchId": "t-5",
          },
        ],
        "referenceDay": "2026-06-30",
      },
      "message": "4 of 6 touches count: 1 came after the close on 2026-06-30 and 1 before the lookback, which starts on 2025-03-01.",
      "result": "pass",
      "rule": "touches",
    },
    {
      "facts": {
        "kind": "registered",
        "lastSourcingDay": "2026-03-31",
        "on": "2026-03-02",
        "partnerId": "p-1",
        "touchId": "t-1",
      },
      "message": "p-1 sourced the deal: its registered touch of 2026-03-02 is the first sourcing touch, within the sourcing window that ends on 2026-03-31.",
      "result": "pass",
      "rule": "sourcing",
    },
    {
      "facts": {
        "linearFallback": false,
        "model": "position_based",
        "weights": [
          {
            "touchId": "t-1",
            "weight": 80,
          },
          {
            "touchId": "t-2",
            "weight": 20,
          },
          {
            "touchId": "t-3",
            "weight": 20,
          },
          {
            "touchId": "t-4",
            "weight": 80,
          },
        ],
      },
      "message": "Shared by position based (40/20/40) over 4 touches.",
      "result": "info",
      "rule": "model",
    },
    {
      "facts": {
        "partnerId": "p-1",
        "role": "sourced",
        "share": 5000000,
        "touches": [
          {
            "share": 4000000,
            "touchId": "t-1",
          },
          {
            "share": 1000000,
            "touchId": "t-3",
          },
        ],
      },
      "message": "p-1 (sourced) receives 50,000.00 USD for 2 touches.",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "partnerId": "p-2",
        "role": "influenced",
        "share": 1000000,
        "touches": [
          {
            "share": 1000000,
            "touchId": "t-2",
          },
        ],
      },
      "message": "p-2 (influenced) receives 10,000.00 USD for 1 touch.",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "partnerId": "p-3",
        "role": "influenced",
        "share": 4000000,
        "touches": [
          {
            "share": 4000000,
            "touchId": "t-4",
          },
        ],
      },
      "message": "p-3 (influenced) receives 40,000.00 USD for 1 touch.",
      "result": "info",
      "rule": "share",
    },
  ],
  "subject": {
    "id": "d-1",
    "type": "deal",
  },
  "summary": "Deal d-1 (100,000.00 USD) was sourced by p-1 and influenced by p-2 and p-3; shared by position based (40/20/40).",
}
`);
  });

  it('calls a deal influenced when the sourcing touch comes after the sourcing window', () => {
    const late = touches.map((entry) => (entry.id === 't-1' ? { ...entry, on: '2026-04-01' } : entry));
    const result = attributed({ kind: 'linear' }, { touches: late });

    expect([result.classification, result.sourcedBy]).toEqual(['influenced', null]);
    expect(result.trace.steps[1]).toMatchInlineSnapshot(`
{
  "facts": {
    "lastSourcingDay": "2026-03-31",
  },
  "message": "No partner sourced the deal: no touch of a sourcing kind counts on or before 2026-03-31, so its partners influenced it.",
  "result": "fail",
  "rule": "sourcing",
}
`);
  });

  it('attributes nothing for a deal without a touch that counts, and says so', () => {
    const result = attributed({ kind: 'linear' }, { touches: [touches[0]!] });

    expect([result.classification, result.partners, result.unattributed]).toEqual([
      'direct',
      [],
      { amount: 10_000_000, currency: 'USD' },
    ]);
    expect(result.trace.summary).toMatchInlineSnapshot(
      `"Deal d-1 (100,000.00 USD) has no partner touch that counts: it is a direct deal, attributed to no partner."`,
    );
  });

  it('shares equally between the touches tied for first, last or the only day', () => {
    const tied = [
      touch('a', 'p-1', 'registered', '2026-03-02'),
      touch('b', 'p-2', 'co_sell', '2026-03-02'),
      touch('c', 'p-3', 'influence_activity', '2026-05-01'),
    ];
    expect(shares(attributed({ kind: 'first_touch' }, { touches: tied }))).toEqual({
      'p-1': 5_000_000,
      'p-2': 5_000_000,
      'p-3': 0,
    });
    const sameDay = tied.map((entry) => ({ ...entry, on: '2026-03-02' }));
    expect(
      shares(attributed({ kind: 'position_based', first: 40, middle: 20, last: 40 }, { touches: sameDay })),
    ).toEqual({ 'p-1': 3_333_334, 'p-2': 3_333_333, 'p-3': 3_333_333 });
    // Two days and nothing in between: first and last share in proportion, 40 : 40.
    expect(shares(attributed({ kind: 'position_based', first: 40, middle: 20, last: 40 }, { touches: tied }))).toEqual({
      'p-1': 2_500_000,
      'p-2': 2_500_000,
      'p-3': 5_000_000,
    });
  });

  it('gives the odd minor unit to the partner credited first', () => {
    const odd = { ...deal, amount: { amount: 101, currency: 'USD' } };
    const two = [touch('a', 'p-2', 'registered', '2026-03-02'), touch('b', 'p-1', 'co_sell', '2026-04-02')];

    expect(shares(attributed({ kind: 'linear' }, { deal: odd, touches: two }))).toEqual({ 'p-2': 51, 'p-1': 50 });
  });

  it('falls back to linear, and says so, when custom weights give the touches present nothing', () => {
    const custom = {
      kind: 'custom' as const,
      weights: { sourced: 1, registered: 0, co_sell: 0, influence_activity: 0 },
    };
    const result = attributed(custom);

    expect(shares(result)).toEqual({ 'p-1': 5_000_000, 'p-2': 2_500_000, 'p-3': 2_500_000 });
    expect(result.trace.steps.find((step) => step.rule === 'model')?.message).toMatchInlineSnapshot(
      `"Under custom weights (sourced 1, registered 0, co-sell 0, influence 0), every touch that counts weighs 0, so the deal is shared linearly instead."`,
    );
  });

  it("uses a touch's own weight over its kind's under a custom model", () => {
    const weighted = touches.map((entry) => (entry.id === 't-4' ? { ...entry, weight: 9 } : entry));
    const custom = {
      kind: 'custom' as const,
      weights: { sourced: 5, registered: 4, co_sell: 2, influence_activity: 1 },
    };

    // Registered 4, co-sell 2, influence 1, and the reference call now 9: 6/16, 1/16 and 9/16.
    expect(shares(attributed(custom, { touches: weighted }))).toEqual({
      'p-1': 3_750_000,
      'p-2': 625_000,
      'p-3': 5_625_000,
    });
  });

  it('measures an open deal against the day of the analysis', () => {
    const open = { ...deal, stage: 'open' as const, closedOn: null };
    const result = attributeDeal({ deal: open, touches, policy, model: { kind: 'linear' }, asOf: '2026-05-01' });

    expect(result.success && result.data.touches.map((entry) => entry.touchId)).toEqual(['t-1', 't-2']);
  });

  it('refuses a deal with more touches than attribution takes', () => {
    const many = Array.from({ length: 10_001 }, (_, index) => touch(`t-${index}`, 'p-1', 'co_sell', '2026-04-01'));

    expect(attributeDeal({ deal, touches: many, policy, asOf: '2026-11-24' })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "too_many_touches",
      "message": "Deal d-1 has 10001 touches that count; attribution takes at most 10000 a deal.",
      "path": [
        "touches",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('treats a touch of another deal as a bug', () => {
    expect(() =>
      attributeDeal({ deal, touches: [{ ...touches[0]!, dealId: 'd-2' }], policy, asOf: '2026-11-24' }),
    ).toThrow('belongs to deal d-2');
  });
});
