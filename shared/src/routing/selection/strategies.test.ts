import type { Partner } from '../../entities/partner.js';
import type { SelectionStrategy } from '../../program/schema/routing-policy.js';
import { routeLeads } from '../route-leads.js';
import { emptyRoutingState, type RoutingState } from '../state/routing-state.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';

const countryStep = [step('territory', true, { match: 'country' })];

function route(selection: SelectionStrategy, partners: readonly Partner[], count: number, state = emptyRoutingState()) {
  const program = programWith({ ...PLAIN_ROUTING, steps: countryStep, selection });
  const leads = Array.from({ length: count }, (_, index) => lead(`l${index}`, { location: { lat: 48.2, lon: 11.6 } }));
  return routeLeads({ program, partners, leads, state, now: NOW });
}

function chosen(result: ReturnType<typeof route>): string[] {
  return result.assignments.map((record) => (record.status === 'offered' ? record.partnerId : record.status));
}

function lines(result: ReturnType<typeof route>, index: number): string[] {
  return result.traces[index]!.steps.filter((found) => found.rule === 'finalists' || found.rule === 'selection').map(
    (found) => found.message,
  );
}

const weighted = [
  partner('a', { tierId: 'gold' }),
  partner('b', { tierId: 'silver' }),
  partner('c', { tierId: 'registered' }),
];

describe('selection strategies', () => {
  describe('smooth weighted round robin', () => {
    it('interleaves partners in proportion to their tiers’ routing weights (4, 2, 1)', () => {
      const result = route({ kind: 'weighted_round_robin' }, weighted, 14);

      expect(chosen(result).join(' ')).toBe('a b a c a b a a b a c a b a');
      expect(lines(result, 1)).toMatchInlineSnapshot(`
[
  "3 finalists, by current weight: Partner b (4), Partner c (2) and Partner a (1).",
  "Smooth weighted round robin chose Partner b: its current weight 4 was the highest, and the finalists' total weight 7 is taken off it.",
]
`);
    });

    it('carries its current weights in the state, so that the next call continues the cycle', () => {
      const first = route({ kind: 'weighted_round_robin' }, weighted, 3);
      const program = programWith({
        ...PLAIN_ROUTING,
        steps: countryStep,
        selection: { kind: 'weighted_round_robin' },
      });
      const next = routeLeads({
        program,
        partners: weighted,
        leads: [lead('l3'), lead('l4')],
        state: first.state,
        now: NOW,
      });

      expect(first.state.roundRobin).toEqual({ a: -2, b: -1, c: 3 });
      expect(chosen(next)).toEqual(['c', 'a']);
    });
  });

  describe('least loaded', () => {
    it('chooses the partner with the fewest leads in the period, ties going to fewer today, then the smaller id', () => {
      const state: RoutingState = {
        ...emptyRoutingState(),
        loads: {
          a: load(5, 1),
          b: load(2, 2),
          c: load(2, 0),
        },
      };
      const result = route({ kind: 'least_loaded', period: 'week' }, weighted, 1, state);

      expect(chosen(result)).toEqual(['c']);
      expect(lines(result, 0)).toMatchInlineSnapshot(`
[
  "3 finalists, by leads this week: Partner b (2), Partner c (2) and Partner a (5).",
  "Least loaded chose Partner c: 2 leads this week, the fewest. It tied with 1 other finalist; fewer leads today, then the smaller id, decided.",
]
`);
    });
  });

  describe('best score', () => {
    const scored = [
      partner('steady', { tierId: 'registered', performanceScore: 0.9 }),
      partner('premium', { tierId: 'platinum', performanceScore: 0.4 }),
      partner('specialist', { tierId: 'silver', industries: ['retail'], languages: ['de'] }),
    ];

    it('ranks by performance when only performance weighs', () => {
      const result = route({ kind: 'best_score', weights: { performance: 1, tierWeight: 0, fit: 0 } }, scored, 1);

      expect(chosen(result)).toEqual(['steady']);
      expect(lines(result, 0)).toMatchInlineSnapshot(`
[
  "3 finalists, by score: Partner steady (0.9), Partner specialist (0.5) and Partner premium (0.4).",
  "Best score chose Partner steady: 0.9 from performance 0.9, tier weight 0.125 and fit 1.",
]
`);
    });

    it('ranks by tier weight, and by fit with the lead, when those weigh', () => {
      const byTier = route({ kind: 'best_score', weights: { performance: 0, tierWeight: 1, fit: 0 } }, scored, 1);
      const program = programWith({
        ...PLAIN_ROUTING,
        steps: countryStep,
        selection: { kind: 'best_score', weights: { performance: 0, tierWeight: 0, fit: 1 } },
      });
      const retail = lead('l1', { industry: 'retail', language: 'fr' });
      const byFit = routeLeads({ program, partners: scored, leads: [retail], state: emptyRoutingState(), now: NOW });

      expect(chosen(byTier)).toEqual(['premium']);
      expect(chosen(byFit)).toEqual(['specialist']);
      expect(byFit.traces[0]!.steps.at(-1)!.message).toMatchInlineSnapshot(
        `"Best score chose Partner specialist: 0.75 from performance 0.5, tier weight 0.25 and fit 0.75."`,
      );
    });
  });

  describe('nearest', () => {
    const placed = [
      partner('far', { location: { lat: 52.52, lon: 13.4 } }),
      partner('near', { location: { lat: 48.14, lon: 11.58 } }),
      partner('nowhere'),
    ];

    it('chooses the partner closest to the lead', () => {
      const result = route({ kind: 'nearest' }, placed, 1);

      expect(chosen(result)).toEqual(['near']);
      expect(lines(result, 0)).toMatchInlineSnapshot(`
[
  "3 finalists, by distance: Partner near (6.8 km), Partner far (497 km) and Partner nowhere (unknown).",
  "Nearest partner chose Partner near, 6.8 km from the lead.",
]
`);
    });

    it('leaves the choice to the tie-break when the lead has no location', () => {
      const program = programWith({ ...PLAIN_ROUTING, steps: countryStep, selection: { kind: 'nearest' } });
      const result = routeLeads({
        program,
        partners: placed,
        leads: [lead('l1'), lead('l2')],
        state: emptyRoutingState(),
        now: NOW,
      });

      expect(result.assignments.map((record) => record.status === 'offered' && record.partnerId)).toEqual([
        'far',
        'near',
      ]);
      expect(result.traces[1]!.steps.at(-1)!.message).toMatchInlineSnapshot(
        `"Nearest partner chose Partner near: no distance is known, so the tie-break decided. It tied with 2 other finalists; fewer leads today, then the smaller id, decided."`,
      );
    });
  });

  describe('seeded weighted random', () => {
    it('draws the same partners for the same seed and leads, in any batching', () => {
      const strategy: SelectionStrategy = { kind: 'weighted_random', seed: 'spring-2026' };
      const whole = route(strategy, weighted, 20);
      const program = programWith({ ...PLAIN_ROUTING, steps: countryStep, selection: strategy });
      const oneByOne = Array.from({ length: 20 }, (_, index) =>
        routeLeads({ program, partners: weighted, leads: [lead(`l${index}`)], state: emptyRoutingState(), now: NOW }),
      );

      expect(chosen(whole)).toEqual(oneByOne.flatMap(chosen));
      expect(chosen(route({ kind: 'weighted_random', seed: 'other' }, weighted, 20))).not.toEqual(chosen(whole));
      expect(lines(whole, 0)).toMatchInlineSnapshot(`
[
  "3 finalists, by routing weight: Partner a (4), Partner b (2) and Partner c (1).",
  "The seeded draw 0.11 chose Partner a, which holds 4 of the finalists' total weight 7.",
]
`);
    });

    it('draws in proportion to routing weights', () => {
      const counts = new Map<string, number>();
      for (const id of chosen(route({ kind: 'weighted_random', seed: 'spring-2026' }, weighted, 7000))) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }

      // 7,000 draws: three standard deviations of a binomial count are under 10% of each expected count.
      expect(Math.abs(counts.get('a')! / 4000 - 1)).toBeLessThan(0.1);
      expect(Math.abs(counts.get('b')! / 2000 - 1)).toBeLessThan(0.1);
      expect(Math.abs(counts.get('c')! / 1000 - 1)).toBeLessThan(0.1);
      expect(Object.fromEntries(counts)).toMatchInlineSnapshot(`
{
  "a": 3990,
  "b": 1957,
  "c": 1053,
}
`);
    });
  });
});

function load(week: number, day: number) {
  return {
    day: { start: '2026-11-24', count: day },
    week: { start: '2026-11-23', count: week },
    month: { start: '2026-11-01', count: week },
    quarter: { start: '2026-11-01', count: week },
  };
}
