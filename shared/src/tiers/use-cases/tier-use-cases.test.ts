import type { TierEffect } from '../applying/tier-effect.js';
import { demoInputsFor, demoProgram, demoProgramJson, standingAt, wonDeal } from '../test-support/fixtures.js';
import { inMemoryTierWorld } from '../test-support/in-memory-tier-ports.js';
import { decideTierProposal } from './decide-tier-proposal.js';
import { evaluateAllPartners } from './evaluate-all-partners.js';
import { evaluateOnePartner } from './evaluate-one-partner.js';
import { endPartnerTierOverride, overridePartnerTier } from './override-partner-tier.js';
import { settleDueTierChanges } from './settle-due-tier-changes.js';
import { whatIfProgram } from './what-if-program.js';

const TODAY = '2026-11-24';

/** A world of four partners on the demo program: one to upgrade, one whose grace is over, one to keep, one with revenue in euros. */
function world() {
  const euros = demoInputsFor('p-eur', 'gold');
  euros.wonDeals.push(wonDeal('p-eur', '2026-06-02', 5_000, { currency: 'EUR' }));
  const ports = inMemoryTierWorld(
    demoProgram(),
    [
      { ...demoInputsFor('p-up', 'gold'), tierId: 'registered' },
      demoInputsFor('p-down', 'registered'),
      { ...demoInputsFor('p-same', 'silver'), tierId: 'silver' },
      { ...euros, tierId: 'silver' },
    ],
    TODAY,
  );
  ports.standings.store.save(standingAt('p-down', 'silver', { graceSince: '2026-08-03' }), { expectedVersion: null });
  return ports;
}

const kinds = (effects: readonly TierEffect[]) =>
  effects.map((effect) => `${effect.partnerId} ${effect.kind === 'notify' ? effect.event : effect.kind}`);

describe('evaluating every partner', () => {
  it('applies what the program approves automatically, queues the rest, and returns every effect', async () => {
    const ports = world();
    const run = await evaluateAllPartners(ports);
    if (!run.success) throw new Error('runs');
    expect({ ...run.data, effects: kinds(run.data.effects), issues: run.data.issues.map((found) => found.partnerId) })
      .toMatchInlineSnapshot(`
{
  "byKind": {
    "downgrade": 1,
    "hold_in_grace": 0,
    "no_change": 1,
    "upgrade": 2,
  },
  "byResult": {
    "already_awaiting": 0,
    "applied": 1,
    "awaiting_approval": 2,
    "failed": 0,
    "unchanged": 1,
  },
  "effects": [
    "p-up update_partner_tier",
    "p-up adjust_benefits",
    "p-up tier_upgraded",
    "p-down proposal_awaiting_approval",
    "p-eur proposal_awaiting_approval",
  ],
  "evaluatedOn": "2026-11-24",
  "issues": [
    "p-eur",
  ],
  "partners": 4,
  "programId": "conduit-partner-network",
}
`);
    expect((await ports.standings.get('p-up'))?.tier).toMatchObject({ tierId: 'gold', reachedBy: 'upgrade' });
    expect((await ports.standings.get('p-same'))?.version).toBe(1);
    const records = ports.proposals.store
      .all()
      .map((record) => [record.id, record.status, record.proposal.partnerId, record.proposal.kind]);
    expect(records).toEqual([
      ['tier-proposal-1', 'approved', 'p-up', 'upgrade'],
      ['tier-proposal-2', 'pending', 'p-down', 'downgrade'],
      ['tier-proposal-3', 'pending', 'p-eur', 'upgrade'],
    ]);
  });

  it('proposes nothing new when run again with no new data', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    const again = await evaluateAllPartners(ports);
    expect(again.success && [again.data.byResult, again.data.effects]).toEqual([
      { applied: 0, awaiting_approval: 0, already_awaiting: 2, unchanged: 2, failed: 0 },
      [],
    ]);
  });

  it('supersedes a pending proposal that new data makes obsolete', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    ports.inputs.partners = ports.inputs.partners.map((inputs) =>
      inputs.partnerId === 'p-down' ? demoInputsFor('p-down', 'silver') : inputs,
    );
    await evaluateAllPartners(ports);
    expect((await ports.proposals.get('tier-proposal-2'))?.status).toBe('superseded');
    expect((await ports.standings.get('p-down'))?.status).toBe('tiered');
  });

  it('fails before the first program is published', async () => {
    const ports = world();
    const empty = {
      ...ports,
      programs: {
        current: async () => undefined,
        version: async () => undefined,
        publish: ports.programs.publish.bind(ports.programs),
      },
    };
    expect(await evaluateAllPartners(empty)).toMatchObject({ success: false, issues: [{ code: 'no_program' }] });
  });
});

describe('deciding proposals', () => {
  it('approves a downgrade for the next period start, which then takes effect on that day', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    ports.clock.setDay('2026-11-26');
    const approved = await decideTierProposal(ports, { proposalId: 'tier-proposal-2', decision: 'approve', by: 'u-1' });
    expect(approved.success && [approved.data.record.status, kinds(approved.data.effects)]).toEqual([
      'approved',
      ['p-down tier_change_scheduled'],
    ]);
    expect((await ports.standings.get('p-down'))?.scheduled).toMatchObject({
      toTierId: 'registered',
      effectiveOn: '2027-02-01',
    });

    ports.clock.setDay('2027-01-31');
    expect(await settleDueTierChanges(ports)).toEqual({ success: true, data: { settled: 0, effects: [], issues: [] } });
    ports.clock.setDay('2027-02-01');
    const settled = await settleDueTierChanges(ports);
    expect(settled.success && [settled.data.settled, kinds(settled.data.effects)]).toEqual([
      1,
      ['p-down update_partner_tier', 'p-down adjust_benefits', 'p-down tier_downgraded'],
    ]);
    expect((await ports.standings.get('p-down'))?.tier).toMatchObject({ tierId: 'registered', since: '2027-02-01' });
  });

  it('lets the nightly evaluation put a due change into effect too', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    await decideTierProposal(ports, { proposalId: 'tier-proposal-2', decision: 'approve', by: 'u-1' });
    ports.clock.setDay('2027-02-02');
    const run = await evaluateAllPartners(ports, { partnerIds: ['p-down'] });
    expect(run.success && kinds(run.data.effects)).toEqual([
      'p-down update_partner_tier',
      'p-down adjust_benefits',
      'p-down tier_downgraded',
    ]);
  });

  it('rejects with a reason, and refuses to decide twice or unknown proposals', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    const rejected = await decideTierProposal(ports, {
      proposalId: 'tier-proposal-3',
      decision: 'reject',
      by: 'u-1',
      reason: 'Check the euro deal first',
    });
    expect(rejected.success && [rejected.data.record.status, rejected.data.record.note]).toEqual([
      'rejected',
      'Check the euro deal first',
    ]);
    expect((await ports.standings.get('p-eur'))?.tier?.tierId).toBe('silver');
    const again = await decideTierProposal(ports, { proposalId: 'tier-proposal-3', decision: 'approve', by: 'u-1' });
    expect(again.success || again.issues[0]?.code).toBe('proposal_not_pending');
    const unknown = await decideTierProposal(ports, { proposalId: 'nope', decision: 'approve', by: 'u-1' });
    expect(unknown.success || unknown.issues[0]?.code).toBe('unknown_proposal');
  });
});

describe('evaluating one partner', () => {
  it('returns the proposal with its explanation and changes nothing', async () => {
    const ports = world();
    const result = await evaluateOnePartner(ports, 'p-up');
    expect(result.success && result.data.trace.summary).toBe(
      'Upgrade from Registered to Gold on 2026-11-24: it meets the criteria of Gold.',
    );
    expect(await ports.standings.get('p-up')).toBeUndefined();
    expect(ports.proposals.store.all()).toEqual([]);
    expect(await evaluateOnePartner(ports, 'p-none')).toMatchObject({
      success: false,
      issues: [{ code: 'unknown_partner' }],
    });
  });
});

describe('overrides', () => {
  it('set a tier until a day, from the partner record when it has no standing, superseding its pending proposal', async () => {
    const ports = world();
    await evaluateAllPartners(ports);
    const set = await overridePartnerTier(ports, {
      partnerId: 'p-down',
      tierId: 'gold',
      expiresOn: '2027-03-01',
      reason: 'Strategic launch',
      by: 'u-2',
    });
    expect(set.success && kinds(set.data.effects)).toEqual([
      'p-down update_partner_tier',
      'p-down adjust_benefits',
      'p-down tier_upgraded',
      'p-down override_set',
    ]);
    expect((await ports.proposals.get('tier-proposal-2'))?.status).toBe('superseded');

    const fresh = inMemoryTierWorld(demoProgram(), [{ ...demoInputsFor('p-new', 'silver'), tierId: 'silver' }], TODAY);
    const bootstrapped = await overridePartnerTier(fresh, {
      partnerId: 'p-new',
      tierId: 'gold',
      expiresOn: '2027-03-01',
      reason: 'Launch',
      by: 'u-2',
    });
    expect(bootstrapped.success && bootstrapped.data.standing.history.at(-1)).toMatchObject({
      fromTierId: 'silver',
      toTierId: 'gold',
    });
    const unknown = await overridePartnerTier(fresh, {
      partnerId: 'p-none',
      tierId: 'gold',
      expiresOn: '2027-03-01',
      reason: 'Launch',
      by: 'u-2',
    });
    expect(unknown.success || unknown.issues[0]?.code).toBe('unknown_partner');
  });

  it('end early, and the next evaluation returns the partner to its qualifying tier', async () => {
    const ports = world();
    await overridePartnerTier(ports, {
      partnerId: 'p-same',
      tierId: 'platinum',
      expiresOn: '2027-03-01',
      reason: 'Launch',
      by: 'u-2',
    });
    ports.clock.setDay('2026-12-01');
    const ended = await endPartnerTierOverride(ports, { partnerId: 'p-same', by: 'u-2' });
    expect(ended.success && kinds(ended.data.effects)).toEqual(['p-same override_ended']);
    const run = await evaluateAllPartners(ports, { partnerIds: ['p-same'] });
    expect(run.success && [run.data.byKind.downgrade, run.data.byResult.awaiting_approval]).toEqual([1, 1]);
  });
});

describe('what-if', () => {
  it('shows the movement matrix and who would move under a draft program, changing nothing', async () => {
    const ports = world();
    const draft = demoProgramJson();
    // Silver now asks for 150,000.00 USD; Gold for 400,000.00 USD.
    const silver = draft.tiers[1]!.criteria.conditions[0]!;
    const gold = draft.tiers[2]!.criteria.conditions[0]!;
    if (silver.kind !== 'won_revenue' || gold.kind !== 'won_revenue') throw new Error('demo program changed');
    silver.atLeast = { amount: 15_000_000, currency: 'USD' };
    gold.atLeast = { amount: 40_000_000, currency: 'USD' };
    const report = await whatIfProgram(ports, draft);
    if (!report.success) throw new Error(JSON.stringify(report.issues));
    expect(report.data.matrix).toMatchInlineSnapshot(`
{
  "counts": [
    [
      0,
      0,
      0,
      0,
      0,
    ],
    [
      0,
      0,
      0,
      1,
      0,
    ],
    [
      0,
      1,
      1,
      1,
      0,
    ],
    [
      0,
      0,
      0,
      0,
      0,
    ],
    [
      0,
      0,
      0,
      0,
      0,
    ],
  ],
  "tierIds": [
    null,
    "registered",
    "silver",
    "gold",
    "platinum",
  ],
}
`);
    expect(report.data.moves.map((move) => [move.partnerId, move.kind, move.fromTierId, move.toTierId, move.summary]))
      .toMatchInlineSnapshot(`
[
  [
    "p-up",
    "upgrade",
    "registered",
    "gold",
    "Upgrade from Registered to Gold on 2026-11-24: it meets the criteria of Gold.",
  ],
  [
    "p-down",
    "downgrade",
    "silver",
    "registered",
    "Downgrade from Silver to Registered on 2027-02-01: it has been below Silver for longer than its grace period of 1 evaluation period and qualifies for Registered.",
  ],
  [
    "p-eur",
    "upgrade",
    "silver",
    "gold",
    "Upgrade from Silver to Gold on 2026-11-24: it meets the criteria of Gold.",
  ],
]
`);
    expect(ports.proposals.store.all()).toEqual([]);
    expect(ports.standings.store.all().map((standing) => standing.partnerId)).toEqual(['p-down']);
  });

  it('refuses an invalid draft with its issues', async () => {
    const draft = demoProgramJson();
    draft.tiers[2]!.rank = 2;
    const report = await whatIfProgram(world(), draft);
    expect(report.success || report.issues.map((found) => found.code)).toEqual(['tier_rank_duplicate']);
  });
});
