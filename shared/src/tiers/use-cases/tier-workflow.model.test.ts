import fc from 'fast-check';
import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import type { TierEffect } from '../applying/tier-effect.js';
import { programArbitrary } from '../test-support/arbitraries.js';
import { certification, inputsOf, wonDeal } from '../test-support/fixtures.js';
import { inMemoryTierWorld, type InMemoryTierWorld } from '../test-support/in-memory-tier-ports.js';
import { decideTierProposal } from './decide-tier-proposal.js';
import { evaluateAllPartners } from './evaluate-all-partners.js';
import { endPartnerTierOverride, overridePartnerTier } from './override-partner-tier.js';
import { settleDueTierChanges } from './settle-due-tier-changes.js';

/* The tier workflow driven by random sequences of commands against the use cases and in-memory ports. */

const PARTNERS = ['p-0', 'p-1', 'p-2'];
const TIERS = ['registered', 'silver', 'gold', 'platinum'];

interface Model {
  day: string;
}

interface Real {
  world: InMemoryTierWorld;
  program: Program;
  /** The CRM's tier field of each partner, as the effects set it. */
  crmTier: Map<string, string | null>;
}

function perform(real: Real, effects: readonly TierEffect[]): void {
  const benefits = new Map<string, string | null>();
  for (const effect of effects) {
    if (effect.kind === 'update_partner_tier') real.crmTier.set(effect.partnerId, effect.tierId);
    if (effect.kind === 'adjust_benefits') benefits.set(effect.partnerId, effect.tierId);
  }
  // Benefits always follow the tier they belong to.
  for (const [partnerId, tierId] of benefits) expect(real.crmTier.get(partnerId)).toBe(tierId);
}

/** What must hold between any two commands. */
async function checkInvariants(real: Real): Promise<void> {
  for (const standing of real.world.standings.store.all()) {
    const tierId = standing.tier === null ? null : standing.tier.tierId;
    // The CRM's tier field is the standing's tier: every change reached the partner record as an effect.
    expect(real.crmTier.get(standing.partnerId)).toBe(tierId);
    // The history is a chain ending at the tier held.
    let previous: string | null | undefined;
    for (const change of standing.history) {
      if (previous !== undefined) expect(change.fromTierId).toBe(previous);
      previous = change.toTierId;
    }
    if (previous !== undefined && standing.status !== 'overridden') expect(previous).toBe(tierId);
    if (standing.status === 'overridden') expect(standing.override.tierId).toBe(tierId);
  }
  const pending = real.world.proposals.store.all().filter((record) => record.status === 'pending');
  const partnersWithPending = pending.map((record) => record.proposal.partnerId);
  expect(new Set(partnersWithPending).size).toBe(partnersWithPending.length);
  for (const record of pending) expect(record.proposal.action).toBe('await_approval');
}

class AdvanceDays implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    model.day = addDays(model.day, this.days);
    real.world.clock.setDay(model.day);
    await checkInvariants(real);
  }
  toString = () => `advance(${this.days})`;
}

class AddRevenue implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly partner: number,
    readonly dollars: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const partnerId = PARTNERS[this.partner]!;
    const inputs = real.world.inputs.partners.find((candidate) => candidate.partnerId === partnerId)!;
    inputs.wonDeals.push(wonDeal(partnerId, model.day, this.dollars));
    await checkInvariants(real);
  }
  toString = () => `revenue(${this.partner}, ${this.dollars})`;
}

class AddCertifications implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly partner: number,
    readonly type: string,
    readonly count: number,
    readonly validDays: number | null,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const inputs = real.world.inputs.partners.find((candidate) => candidate.partnerId === PARTNERS[this.partner])!;
    const expiresOn = this.validDays === null ? null : addDays(model.day, this.validDays);
    for (let count = 0; count < this.count; count++)
      inputs.certifications.push(certification(this.type, model.day, expiresOn));
    await checkInvariants(real);
  }
  toString = () => `certifications(${this.partner}, ${this.type} × ${this.count}, ${this.validDays ?? '∞'})`;
}

class EvaluateAll implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_model: Model, real: Real) {
    const first = await evaluateAllPartners(real.world);
    if (!first.success) throw new Error(JSON.stringify(first.issues));
    expect(first.data.partners).toBe(PARTNERS.length);
    expect(first.data.byResult.failed).toBe(0);
    stats.moves += first.data.byKind.upgrade + first.data.byKind.downgrade;
    perform(real, first.data.effects);
    await checkInvariants(real);
    // Running the batch again at once, with no new data, proposes nothing new.
    const again = await evaluateAllPartners(real.world);
    if (!again.success) throw new Error(JSON.stringify(again.issues));
    expect([again.data.byResult.applied, again.data.byResult.awaiting_approval, again.data.effects]).toEqual([
      0,
      0,
      [],
    ]);
  }
  toString = () => 'evaluateAll';
}

class DecidePending implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly approve: boolean,
  ) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    const pending = real.world.proposals.store.all().filter((record) => record.status === 'pending');
    const record = pending[this.pick % Math.max(1, pending.length)];
    if (!record) return;
    const result = await decideTierProposal(
      real.world,
      this.approve
        ? { proposalId: record.id, decision: 'approve', by: 'u-1' }
        : { proposalId: record.id, decision: 'reject', by: 'u-1', reason: 'Not this quarter' },
    );
    if (result.success) {
      expect(result.data.record.status).toBe(this.approve ? 'approved' : 'rejected');
      stats[this.approve ? 'approved' : 'rejected'] += 1;
      perform(real, result.data.effects);
    } else {
      // The partner's standing moved on since (a scheduled change took effect): evaluate again.
      expect(result.issues.map((found) => found.code)).toEqual(['proposal_stale']);
    }
    await checkInvariants(real);
  }
  toString = () => `${this.approve ? 'approve' : 'reject'}(${this.pick})`;
}

class Override implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly partner: number,
    readonly tier: number,
    readonly days: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const partnerId = PARTNERS[this.partner]!;
    const result = await overridePartnerTier(real.world, {
      partnerId,
      tierId: TIERS[this.tier]!,
      expiresOn: addDays(model.day, this.days),
      reason: 'Strategic account',
      by: 'u-2',
    });
    if (this.days > real.program.tierPolicy.overrides.maxDays) {
      expect(result.success || result.issues[0]?.code).toBe('override_too_long');
      return;
    }
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    stats.overrides += 1;
    perform(real, result.data.effects);
    expect(
      real.world.proposals.store
        .all()
        .some((record) => record.status === 'pending' && record.proposal.partnerId === partnerId),
    ).toBe(false);
    await checkInvariants(real);
  }
  toString = () => `override(${this.partner}, ${TIERS[this.tier]}, ${this.days})`;
}

class EndOverride implements fc.AsyncCommand<Model, Real> {
  constructor(readonly partner: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    const result = await endPartnerTierOverride(real.world, { partnerId: PARTNERS[this.partner]!, by: 'u-2' });
    if (result.success) perform(real, result.data.effects);
    else expect(result.issues[0]?.code).toBe('not_overridden');
    await checkInvariants(real);
  }
  toString = () => `endOverride(${this.partner})`;
}

class Settle implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_model: Model, real: Real) {
    const result = await settleDueTierChanges(real.world);
    if (!result.success) throw new Error(JSON.stringify(result.issues));
    perform(real, result.data.effects);
    await checkInvariants(real);
  }
  toString = () => 'settle';
}

/** How much the runs exercised, so that a test that stopped exercising the workflow shows. */
const stats = { runs: 0, approved: 0, rejected: 0, overrides: 0, moves: 0 };

const advance = fc.integer({ min: 1, max: 75 }).map((days) => new AdvanceDays(days));
const evaluate = fc.constant(new EvaluateAll());
const decide = fc.tuple(fc.nat(), fc.boolean()).map(([pick, approve]) => new DecidePending(pick, approve));
const commands = [
  advance,
  advance,
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 50_000, max: 2_500_000 }))
    .map(([partner, dollars]) => new AddRevenue(partner, dollars)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom('sales-professional', 'sales-professional', 'technical-specialist', 'security-engineer'),
      fc.integer({ min: 1, max: 4 }),
      fc.option(fc.integer({ min: 10, max: 200 }), { nil: null }),
    )
    .map(([partner, type, count, validDays]) => new AddCertifications(partner, type, count, validDays)),
  evaluate,
  evaluate,
  evaluate,
  decide,
  decide,
  decide,
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 400 }))
    .map(([partner, tier, days]) => new Override(partner, tier, days)),
  fc.integer({ min: 0, max: 2 }).map((partner) => new EndOverride(partner)),
  fc.constant(new Settle()),
];

/** Programs whose periods pass within a run (monthly or quarterly), so that scheduled changes come due. */
const workflowProgram = programArbitrary.filter((program) =>
  ['month', 'quarter'].includes(program.tierPolicy.evaluationPeriod),
);

describe('the tier workflow, as a state machine', () => {
  it('keeps the partner records, standings, histories and proposals consistent through any sequence of commands', async () => {
    await fc.assert(
      fc.asyncProperty(workflowProgram, fc.commands(commands, { maxCommands: 80 }), async (program, sequence) => {
        const day = '2026-01-05';
        const partners = PARTNERS.map((partnerId, index) => ({
          ...inputsOf(partnerId),
          tierId: index === 0 ? null : TIERS[index]!,
        }));
        const world = inMemoryTierWorld(program, partners, day);
        const real: Real = {
          world,
          program,
          crmTier: new Map(partners.map((partner) => [partner.partnerId, partner.tierId])),
        };
        await fc.asyncModelRun(() => ({ model: { day }, real }), sequence);
        stats.runs += 1;
        await checkInvariants(real);
      }),
      { numRuns: 100 },
    );
    expect(stats.runs).toBeGreaterThan(0);
    for (const key of ['approved', 'rejected', 'overrides', 'moves'] as const) expect(stats[key]).toBeGreaterThan(0);
  });
});
