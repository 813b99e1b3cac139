import fc from 'fast-check';
import type { Lead } from '../entities/lead.js';
import type { Partner } from '../entities/partner.js';
import type { Program } from '../program/schema/program.js';
import { compileRouting } from './compile/compile-routing.js';
import { currentPeriods, CAPACITY_PERIODS } from './periods/capacity-periods.js';
import { routeLeads } from './route-leads.js';
import type { ConflictOfInterest } from './session/conflicts-of-interest.js';
import type { LeadDistribution } from './state/lead-distribution.js';
import { emptyRoutingState, type RoutingState } from './state/routing-state.js';
import {
  leadsArbitrary,
  NOW,
  partnersArbitrary,
  programArbitrary,
  stateArbitrary,
  TODAY,
} from './test-support/arbitraries.js';
import {
  referenceFinalists,
  referencePasses,
  referenceReceivingStatuses,
} from './test-support/reference-eligibility.js';

/** A random world: program, partners, leads, loads, declines and conflicts of interest. */
const worlds = programArbitrary.chain((program) =>
  partnersArbitrary({ maxLength: 8 }).chain((partners) =>
    fc.record({
      program: fc.constant(program),
      partners: fc.constant(partners),
      leads: leadsArbitrary({ maxLength: 12 }),
      state: stateArbitrary(partners),
      declines: fc.array(fc.record({ lead: fc.nat(11), partner: fc.nat(partners.length - 1) }), { maxLength: 6 }),
      conflicts: fc.array(
        fc.record({ lead: fc.nat(11), partner: fc.nat(partners.length - 1), byAccount: fc.boolean() }),
        { maxLength: 3 },
      ),
    }),
  ),
);

/** Leads declined by some partners: their distributions, waiting to be routed again. */
function declinedDistributions(
  leads: readonly Lead[],
  partners: readonly Partner[],
  declines: readonly { lead: number; partner: number }[],
): LeadDistribution[] {
  const byLead = new Map<string, string[]>();
  for (const { lead, partner } of declines) {
    if (lead >= leads.length) continue;
    const list = byLead.get(leads[lead]!.id) ?? [];
    byLead.set(leads[lead]!.id, [...list, partners[partner]!.id]);
  }
  return [...byLead].map(([leadId, partnerIds]) => ({
    status: 'rerouting',
    leadId,
    accountId: null,
    attempts: partnerIds.length,
    since: '2026-11-24T10:00:00.000Z',
    history: partnerIds.map((partnerId, index) => ({
      kind: 'declined' as const,
      partnerId,
      attempt: index + 1,
      via: 'strategy' as const,
      offeredAt: '2026-11-24T09:00:00.000Z',
      dueAt: '2026-11-25T09:00:00.000Z',
      at: '2026-11-24T10:00:00.000Z',
      reason: 'No capacity',
    })),
  }));
}

function conflictsOf(
  leads: readonly Lead[],
  partners: readonly Partner[],
  picks: readonly { lead: number; partner: number; byAccount: boolean }[],
): ConflictOfInterest[] {
  return picks.flatMap(({ lead, partner, byAccount }): ConflictOfInterest[] => {
    const found = leads[lead];
    if (!found) return [];
    const partnerId = partners[partner]!.id;
    if (byAccount && found.accountId !== undefined)
      return [{ partnerId, accountId: found.accountId, reason: 'Owns it' }];
    return [{ partnerId, leadId: found.id, reason: 'Related party' }];
  });
}

/** Leads a partner has in each current period according to the state (older periods count as zero). */
function initialCounts(program: Program, state: RoutingState, partnerId: string): Record<string, number> {
  const periods = currentPeriods(TODAY, program.routing.capacity, program.fiscalCalendar);
  const load = state.loads[partnerId];
  return Object.fromEntries(
    CAPACITY_PERIODS.map((period) => [
      period,
      load && load[period].start === periods[period].start ? load[period].count : 0,
    ]),
  );
}

function capOf(program: Program, partner: Partner, period: (typeof CAPACITY_PERIODS)[number]): number {
  const { perPartner, perTier } = program.routing.capacity;
  const own = perPartner?.[period] ?? Infinity;
  const tier = perTier.find((caps) => caps.tierId === partner.tierId)?.[period] ?? Infinity;
  return Math.min(own, tier);
}

describe('routing laws', () => {
  it('never assigns a partner that fails a required step, is inactive, is over its cap, or declined that lead', () => {
    fc.assert(
      fc.property(worlds, ({ program, partners, leads, state, declines, conflicts }) => {
        const distributions = declinedDistributions(leads, partners, declines);
        const conflictList = conflictsOf(leads, partners, conflicts);
        const result = routeLeads({
          program,
          partners,
          leads,
          state,
          distributions,
          now: NOW,
          conflicts: conflictList,
        });
        const receiving = referenceReceivingStatuses(program);
        const received = new Map<string, number>();

        result.assignments.forEach((record, index) => {
          if (record.status !== 'offered') return;
          const lead = leads[index]!;
          const partner = partners.find((candidate) => candidate.id === record.partnerId)!;
          received.set(partner.id, (received.get(partner.id) ?? 0) + 1);
          expect(receiving).toContain(partner.status);
          const declinedBy = distributions
            .find((found) => found.leadId === lead.id)
            ?.history.flatMap((event) => (event.kind === 'declined' ? [event.partnerId] : []));
          expect(declinedBy ?? []).not.toContain(partner.id);
          const conflicted = conflictList.filter(
            (conflict) =>
              conflict.leadId === lead.id ||
              (conflict.accountId !== undefined && conflict.accountId === lead.accountId),
          );
          expect(conflicted.map((conflict) => conflict.partnerId)).not.toContain(partner.id);
          if (record.via !== 'fallback') {
            for (const step of program.routing.steps.filter((candidate) => candidate.required)) {
              expect({ step: step.id, passes: referencePasses(program, step, partner, lead, TODAY) }).toEqual({
                step: step.id,
                passes: true,
              });
            }
          }
        });
        for (const [partnerId, count] of received) {
          const partner = partners.find((candidate) => candidate.id === partnerId)!;
          const before = initialCounts(program, state, partnerId);
          for (const period of CAPACITY_PERIODS) {
            expect(before[period]! + count).toBeLessThanOrEqual(capOf(program, partner, period));
          }
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('finds the same finalists as evaluating every step partner by partner', () => {
    fc.assert(
      fc.property(worlds, ({ program, partners, leads, state }) => {
        const compiled = compileRouting(program, partners);
        const receiving = referenceReceivingStatuses(program);
        const available = partners.filter(
          (partner) =>
            receiving.includes(partner.status) &&
            CAPACITY_PERIODS.every(
              (period) => initialCounts(program, state, partner.id)[period]! < capOf(program, partner, period),
            ),
        );
        for (const lead of leads) {
          const expected = referenceFinalists(program, available, lead, TODAY);
          const { assignments, traces } = routeLeads({ program, partners, leads: [lead], state, now: NOW });
          const record = assignments[0]!;
          const finalists = traces[0]!.steps.find((step) => step.rule === 'finalists');
          if (expected === null) {
            expect(record.status === 'queued' || (record.status === 'offered' && record.via === 'fallback')).toBe(true);
          } else if (record.status === 'offered' && record.via === 'strategy') {
            expect(expected.map((partner) => partner.id)).toContain(record.partnerId);
            expect(finalists?.facts.count).toBe(expected.length);
          } else {
            expect(record.status === 'offered' && record.via === 'sticky').toBe(true);
          }
        }
        expect(compiled.partnerCount).toBe(partners.length);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("smooth weighted round robin gives each partner its weight's share within one per cycle", () => {
    const tiers = fc.array(fc.constantFrom('registered', 'silver', 'gold', 'platinum'), { minLength: 1, maxLength: 6 });
    const start = fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(tiers, start, fc.boolean(), (tierIds, offsets, fresh) => {
        const program = programWithSteps();
        const partners = tierIds.map((tierId, index) => partnerIn(`p${index}`, tierId));
        const weights = partners.map(
          (partner) => program.tiers.find((tier) => tier.id === partner.tierId)!.benefits.routingWeight,
        );
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const state: RoutingState = {
          ...emptyRoutingState(),
          roundRobin: fresh
            ? {}
            : Object.fromEntries(partners.map((partner, index) => [partner.id, offsets[index]! * total])),
        };
        const leads = Array.from({ length: total * 4 }, (_, index) => leadIn(`l${index}`));

        const { assignments } = routeLeads({ program, partners, leads, state, now: NOW, traces: false });

        const chosen = assignments.map((record) => (record.status === 'offered' ? record.partnerId : 'nobody'));
        // Every run of one cycle (the total weight) of consecutive leads, once the first cycle settled the
        // current weights: exactly the weights from a fresh state, within one lead from any other.
        for (let first = fresh ? 0 : total; first + total <= chosen.length; first++) {
          const window = chosen.slice(first, first + total);
          partners.forEach((partner, index) => {
            const received = window.filter((id) => id === partner.id).length;
            if (fresh) expect(received).toBe(weights[index]);
            else expect(Math.abs(received - weights[index]!)).toBeLessThanOrEqual(1);
          });
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('routing is deterministic for equal inputs, whatever the order the partners are listed in', () => {
    fc.assert(
      fc.property(worlds, fc.infiniteStream(fc.nat()), ({ program, partners, leads, state, declines }, shuffle) => {
        const distributions = declinedDistributions(leads, partners, declines);
        const first = routeLeads({ program, partners, leads, state, distributions, now: NOW });
        const copy = structuredClone({ program, partners, leads, state, distributions });
        const again = routeLeads({ ...copy, now: new Date(NOW.getTime()) });
        const keys = partners.map(() => shuffle.next().value);
        const reordered = [...copy.partners].map((partner, index) => ({ partner, key: keys[index]! }));
        reordered.sort((a, b) => a.key - b.key);
        const shuffled = routeLeads({ ...copy, partners: reordered.map((entry) => entry.partner), now: NOW });

        const reversed = routeLeads({ ...copy, partners: [...copy.partners].reverse(), now: NOW });

        expect(again).toEqual(first);
        expect(shuffled.assignments).toEqual(first.assignments);
        expect(shuffled.state).toEqual(first.state);
        expect(reversed.assignments).toEqual(first.assignments);
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('routing a batch in two parts, threading the state, equals routing it at once', () => {
    fc.assert(
      fc.property(worlds, fc.nat(12), ({ program, partners, leads, state }, split) => {
        const whole = routeLeads({ program, partners, leads, state, now: NOW });
        const head = routeLeads({ program, partners, leads: leads.slice(0, split), state, now: NOW });
        const tail = routeLeads({ program, partners, leads: leads.slice(split), state: head.state, now: NOW });

        expect([...head.assignments, ...tail.assignments]).toEqual(whole.assignments);
        expect(tail.state).toEqual(whole.state);
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('turning traces off changes nothing but the traces', () => {
    fc.assert(
      fc.property(worlds, ({ program, partners, leads, state, declines }) => {
        const distributions = declinedDistributions(leads, partners, declines);
        const traced = routeLeads({ program, partners, leads, state, distributions, now: NOW });
        const untraced = routeLeads({ program, partners, leads, state, distributions, now: NOW, traces: false });

        expect(untraced.assignments).toEqual(traced.assignments);
        expect(untraced.state).toEqual(traced.state);
        expect(untraced.traces).toEqual([]);
        expect(traced.traces.map((trace) => trace.subject.id)).toEqual(leads.map((lead) => lead.id));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

import {
  partner as fixturePartner,
  lead as fixtureLead,
  programWith,
  PLAIN_ROUTING,
  step,
} from './test-support/fixtures.js';

function programWithSteps(): Program {
  return programWith({ ...PLAIN_ROUTING, steps: [step('territory', true, { match: 'country' })] });
}

function partnerIn(id: string, tierId: string): Partner {
  return fixturePartner(id, { tierId });
}

function leadIn(id: string): Lead {
  return fixtureLead(id);
}
