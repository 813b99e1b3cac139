import fc from 'fast-check';
import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import { fiscalPeriodContaining, shiftFiscalPeriod } from '../../time/fiscal-period.js';
import { applyTierProposal } from '../applying/apply-proposal.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import type { TierStanding } from '../standing/tier-standing.js';
import {
  dayArbitrary,
  inputsArbitrary,
  programArbitrary,
  scenarioArbitrary,
  standingArbitrary,
} from '../test-support/arbitraries.js';
import { demoProgramJson, inputsOf, parsedProgram, standingAt } from '../test-support/fixtures.js';
import { inMemoryTierWorld } from '../test-support/in-memory-tier-ports.js';
import { evaluatePartnersInPages } from '../use-cases/evaluate-all-partners.js';
import { whatIfProgram } from '../use-cases/what-if-program.js';
import { evaluatePartnerTier } from './evaluate-partner-tier.js';

const manager = { kind: 'user' as const, userId: 'u-1' };

/** Applies a proposal as a channel manager approving everything would, and saves it (next version). */
function applied(program: Program, standing: TierStanding, proposal: TierProposal, on: string): TierStanding {
  if (proposal.action === 'none') return standing;
  const result = applyTierProposal(standing, proposal, {
    program,
    appliedOn: on,
    decidedBy: manager,
    proposalId: null,
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return { ...result.data.next, version: standing.version + 1 };
}

/** Where a proposal leaves the partner: the level of its tier, then hold (0) below keep or move (1). */
function standingOrder(program: Program, proposal: TierProposal): [number, number] {
  const ranked = [...program.tiers].sort((a, b) => a.rank - b.rank).map((tier) => tier.id);
  const level = proposal.toTierId === null ? 0 : ranked.indexOf(proposal.toTierId) + 1;
  return [level, proposal.kind === 'hold_in_grace' ? 0 : 1];
}

/** The specializations a partner holds once a proposal is applied (in grace or not). */
function specializationsAfter(standing: TierStanding, proposal: TierProposal): Set<string> {
  const held = new Set(standing.specializations.map((entry) => entry.specializationId));
  for (const id of proposal.plan.specializations.remove) held.delete(id);
  for (const id of proposal.plan.specializations.award) held.add(id);
  return held;
}

/** More of what criteria count: a won deal in the program's currency, or a certification held on the day. */
const moreArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('deal' as const),
    daysBack: fc.integer({ min: 0, max: 800 }),
    amount: fc.oneof(
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.integer({ min: 5_000_000, max: 60_000_000 }),
      fc.integer({ min: 60_000_000, max: 300_000_000 }),
    ),
    role: fc.constantFrom('sourced', 'influenced' as const),
  }),
  fc.record({
    kind: fc.constant('certification' as const),
    type: fc.constantFrom(
      'sales-professional',
      'technical-specialist',
      'cloud-architect',
      'security-engineer',
      'analyst',
    ),
    product: fc.option(fc.constant('insights'), { nil: undefined }),
    daysBack: fc.integer({ min: 0, max: 800 }),
    daysLeft: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
  }),
);

type More = typeof moreArbitrary extends fc.Arbitrary<infer T> ? T : never;

function withMore(inputs: PartnerTierInputs, more: More, asOf: string, currency: string): PartnerTierInputs {
  if (more.kind === 'deal') {
    const deal = {
      id: 'more',
      partnerId: inputs.partnerId,
      partnerRole: more.role,
      closedOn: addDays(asOf, -more.daysBack),
      amount: { amount: more.amount, currency },
    };
    return { ...inputs, wonDeals: [...inputs.wonDeals, deal] };
  }
  const certification = {
    type: more.type,
    earnedOn: addDays(asOf, -more.daysBack),
    expiresOn: more.daysLeft === null ? null : addDays(asOf, more.daysLeft),
    ...(more.product === undefined ? {} : { product: more.product }),
  };
  return { ...inputs, certifications: [...inputs.certifications, certification] };
}

describe('tier evaluation laws', () => {
  it('is monotone: more qualifying revenue or certifications never lowers the proposal', () => {
    fc.assert(
      fc.property(scenarioArbitrary, moreArbitrary, ({ asOf, program, standing, inputs }, more) => {
        const before = evaluatePartnerTier(program, standing, inputs, asOf);
        const after = evaluatePartnerTier(program, standing, withMore(inputs, more, asOf, program.currency), asOf);
        const [levelBefore, holdBefore] = standingOrder(program, before);
        const [levelAfter, holdAfter] = standingOrder(program, after);
        expect(levelAfter).toBeGreaterThanOrEqual(levelBefore);
        if (levelAfter === levelBefore) expect(holdAfter).toBeGreaterThanOrEqual(holdBefore);
        const levels = [...program.tiers].sort((a, b) => a.rank - b.rank).map((tier) => tier.id);
        const qualifying = (proposal: TierProposal) =>
          proposal.qualifyingTierId === null ? 0 : levels.indexOf(proposal.qualifyingTierId) + 1;
        expect(qualifying(after)).toBeGreaterThanOrEqual(qualifying(before));
        const held = specializationsAfter(standing, after);
        for (const id of specializationsAfter(standing, before)) expect(held).toContain(id);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: re-evaluating after applying, with no new data, proposes nothing', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ asOf, program, standing, inputs }) => {
        const first = evaluatePartnerTier(program, standing, inputs, asOf);
        const second = evaluatePartnerTier(program, applied(program, standing, first, asOf), inputs, asOf);
        expect([second.action, second.plan]).toEqual([
          'none',
          { tier: { change: 'none' }, specializations: { award: [], remove: [], startGrace: [], endGrace: [] } },
        ]);
        expect(['no_change', 'hold_in_grace']).toContain(second.kind);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a partner in grace for exactly the configured periods, however often it is evaluated', () => {
    const scenario = fc.record({
      program: programArbitrary,
      tierId: fc.constantFrom('silver', 'gold', 'platinum'),
      grace: fc.integer({ min: 0, max: 4 }),
      start: dayArbitrary,
      // Evaluation days within each period, as offsets from its first day.
      evaluations: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 27 }), { minLength: 1, maxLength: 3 }), {
        minLength: 6,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(scenario, ({ program: drawn, tierId, grace, start, evaluations }) => {
        const json = demoProgramJson();
        json.fiscalCalendar = drawn.fiscalCalendar;
        json.tierPolicy = drawn.tierPolicy;
        json.tiers = json.tiers.map((tier) => (tier.id === tierId ? { ...tier, gracePeriods: grace } : tier));
        const program = parsedProgram(json);
        const calendar = program.fiscalCalendar;
        const unit = program.tierPolicy.evaluationPeriod;
        const first = fiscalPeriodContaining(start, calendar, unit);
        // With no data at all, the partner qualifies for the entry tier only, in every period.
        const inputs = inputsOf('p');
        let standing = standingAt('p', tierId, { since: '2020-01-01' });
        const holds = new Set<number>();
        let downgradedIn: number | undefined;
        for (let index = 0; index < evaluations.length && downgradedIn === undefined; index++) {
          const period = shiftFiscalPeriod(first, calendar, index);
          for (const offset of [...evaluations[index]!].sort((a, b) => a - b)) {
            const day = addDays(period.start, offset);
            const proposal = evaluatePartnerTier(program, standing, inputs, day);
            if (proposal.kind === 'downgrade') {
              downgradedIn = index;
              break;
            }
            expect([proposal.kind, proposal.fromTierId, proposal.toTierId]).toEqual(['hold_in_grace', tierId, tierId]);
            holds.add(index);
            standing = applied(program, standing, proposal, day);
          }
        }
        expect([...holds]).toEqual(Array.from({ length: grace }, (_, index) => index));
        expect(downgradedIn).toBe(grace);
      }),
      { numRuns: 300 },
    );
  });

  it('what-if with the current program proposes exactly the moves of the normal evaluation, and changes nothing', async () => {
    const world = fc
      .record({
        program: programArbitrary,
        asOf: fc.integer({ min: 180, max: 900 }).map((offset) => addDays('2025-01-01', offset)),
        count: fc.integer({ min: 1, max: 8 }),
      })
      .chain(({ program, asOf, count }) =>
        fc.record({
          program: fc.constant(program),
          asOf: fc.constant(asOf),
          partners: fc.tuple(
            ...Array.from({ length: count }, (_, index) =>
              fc.record({
                inputs: inputsArbitrary(`p-${index}`, asOf),
                standing: fc.option(standingArbitrary(`p-${index}`, asOf), { nil: undefined }),
              }),
            ),
          ),
        }),
      );
    await fc.assert(
      fc.asyncProperty(world, async ({ program, asOf, partners }) => {
        const ports = inMemoryTierWorld(
          program,
          partners.map((partner) => partner.inputs),
          asOf,
        );
        for (const { standing } of partners)
          if (standing) ports.standings.store.save(standing, { expectedVersion: null });
        const before = ports.standings.store.all();

        const whatIf = await whatIfProgram(ports, JSON.parse(JSON.stringify(program)));
        if (!whatIf.success) throw new Error(JSON.stringify(whatIf.issues));
        expect(ports.standings.store.all()).toEqual(before);
        expect(ports.proposals.store.all()).toEqual([]);

        const moves: unknown[] = [];
        for await (const page of evaluatePartnersInPages(ports)) {
          for (const { proposal } of page) {
            if (proposal.kind === 'upgrade' || proposal.kind === 'downgrade') {
              moves.push([
                proposal.partnerId,
                proposal.kind,
                proposal.fromTierId,
                proposal.toTierId,
                proposal.effectiveOn,
                proposal.trace.summary,
              ]);
            }
          }
        }
        const predicted = whatIf.data.moves.map((move) => [
          move.partnerId,
          move.kind,
          move.fromTierId,
          move.toTierId,
          move.effectiveOn,
          move.summary,
        ]);
        expect(predicted).toEqual(moves);
        const counts = whatIf.data.matrix.counts;
        expect(counts.flat().reduce((sum, count) => sum + count, 0)).toBe(partners.length);
        expect(partners.length - counts.reduce((sum, row, index) => sum + row[index]!, 0)).toBe(moves.length);
      }),
      { numRuns: 100 },
    );
  });
});
