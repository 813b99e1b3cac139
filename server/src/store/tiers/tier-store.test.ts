import { sameTierProposal, type PartnerRepository, type TierProposalRecord, type TierStanding } from '@conduit/core';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { ensureTenant } from '../tenants.js';
import { tenantStore, type TenantStore } from '../tenant-store.js';
import { applyPartnerTierEffects } from './partner-tier-effects.js';
import { seedPartner } from './test-channel.js';

jest.setTimeout(120_000);

function standing(partnerId: string, changes: Partial<TierStanding> = {}): TierStanding {
  return {
    partnerId,
    version: 0,
    specializations: [],
    history: [],
    status: 'tiered',
    tier: { tierId: 'silver', since: '2026-02-01', reachedBy: 'initial', decidedOn: '2026-02-01' },
    grace: null,
    override: null,
    scheduled: null,
    ...changes,
  } as TierStanding;
}

function scheduled(effectiveOn: string): TierStanding['scheduled'] {
  return {
    direction: 'downgrade',
    reason: 'grace_over',
    toTierId: 'registered',
    effectiveOn,
    decidedOn: '2026-11-24',
    appliedOn: '2026-11-26',
    decidedBy: { kind: 'user', userId: 'manager-1' },
    proposalId: null,
    graceSinceAfter: null,
  };
}

function proposal(id: string, partnerId: string, status: 'pending' | 'rejected' = 'pending'): TierProposalRecord {
  const base = {
    id,
    version: 0,
    createdOn: '2026-11-24',
    proposal: {
      partnerId,
      programId: 'conduit-partner-network',
      evaluatedOn: '2026-11-24',
      standingVersion: 1,
      kind: 'downgrade' as const,
      fromTierId: 'silver',
      toTierId: 'registered',
      qualifyingTierId: 'registered',
      effectiveOn: '2027-02-01',
      action: 'await_approval' as const,
      plan: {
        tier: {
          change: 'move' as const,
          direction: 'downgrade' as const,
          reason: 'grace_over' as const,
          toTierId: 'registered',
          effectiveOn: '2027-02-01',
          graceSinceAfter: null,
        },
        specializations: { award: [], remove: [], startGrace: [], endGrace: [] },
      },
      issues: [],
      trace: {
        decision: 'tiers.proposal',
        subject: { type: 'partner', id: partnerId },
        outcome: 'downgrade',
        summary: 'Down.',
        steps: [],
      },
    },
    supersededBy: null,
  };
  return status === 'pending'
    ? { ...base, status, decidedOn: null, decidedBy: null, note: null }
    : { ...base, status, decidedOn: '2026-11-25', decidedBy: { kind: 'user', userId: 'manager-1' }, note: 'No.' };
}

async function collect<T>(pages: AsyncIterable<readonly T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

describe.each(BACKENDS)('the tier store on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let other: TenantStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    for (const id of ['t-tiers', 't-other']) await ensureTenant(database.db, { id, name: id });
    store = tenantStore(database.db, 't-tiers');
    other = tenantStore(database.db, 't-other');
  });
  afterAll(() => database && database.dispose());

  it('keeps one standing per partner with optimistic concurrency, and finds the scheduled changes that are due', async () => {
    const saved = await store.tiers.standings.save(standing('p-1'), { expectedVersion: null });
    expect(saved).toEqual({ success: true, data: { version: 1 } });
    expect(await store.tiers.standings.get('p-1')).toEqual({ ...standing('p-1'), version: 1 });
    const duplicate = await store.tiers.standings.save(standing('p-1'), { expectedVersion: null });
    expect(duplicate.success || duplicate.issues[0]!.code).toBe('stale_write');
    const stale = await store.tiers.standings.save(standing('p-1', { scheduled: scheduled('2027-02-01') }), {
      expectedVersion: 2,
    });
    expect(stale.success || stale.issues[0]!.code).toBe('stale_write');
    expect(
      await store.tiers.standings.save(standing('p-1', { scheduled: scheduled('2027-02-01') }), { expectedVersion: 1 }),
    ).toEqual({ success: true, data: { version: 2 } });
    await store.tiers.standings.save(standing('p-2', { scheduled: scheduled('2027-05-01') }), {
      expectedVersion: null,
    });
    await store.tiers.standings.save(standing('p-3', { status: 'in_grace', grace: { since: '2026-11-24' } }), {
      expectedVersion: null,
    });

    const ids = (list: TierStanding[]) => list.map((found) => found.partnerId).sort();
    expect(ids(await collect(store.tiers.standings.scan({ scheduledDueBy: '2027-01-31' })))).toEqual([]);
    expect(ids(await collect(store.tiers.standings.scan({ scheduledDueBy: '2027-02-01' })))).toEqual(['p-1']);
    expect(ids(await collect(store.tiers.standings.scan({ scheduledDueBy: '2027-06-01' })))).toEqual(['p-1', 'p-2']);
    expect(ids(await collect(store.tiers.standings.scan({ statuses: ['in_grace'] })))).toEqual(['p-3']);
    expect(ids(await collect(store.tiers.standings.scan({ partnerIds: ['p-3', 'p-9'] })))).toEqual(['p-3']);
    expect(ids(await collect(store.tiers.standings.scan({ partnerIds: [] })))).toEqual([]);
    expect(ids(await store.tiers.standings.getMany(['p-2', 'p-1', 'p-9']))).toEqual(['p-1', 'p-2']);
    expect(ids(await store.tiers.standings.page({ after: 'p-1', limit: 1 }))).toEqual(['p-2']);
    expect(ids(await store.tiers.standings.page({ statuses: ['tiered'], limit: 10 }))).toEqual(['p-1', 'p-2']);

    // Nothing of it from another tenant: not readable, not writable over.
    expect(await other.tiers.standings.get('p-1')).toBeUndefined();
    expect(await collect(other.tiers.standings.scan({}))).toEqual([]);
    const intrusion = await other.tiers.standings.save(standing('p-1'), { expectedVersion: 2 });
    expect(intrusion.success).toBe(false);
    expect((await store.tiers.standings.get('p-1'))?.scheduled).not.toBeNull();
  });

  it('keeps proposals: the pending queue by partner, the decided ones, with optimistic concurrency', async () => {
    for (const record of [proposal('tp-1', 'p-1'), proposal('tp-2', 'p-2'), proposal('tp-3', 'p-1', 'rejected')])
      expect((await store.tiers.proposals.save(record, { expectedVersion: null })).success).toBe(true);
    expect((await store.tiers.proposals.pendingFor(['p-1', 'p-1', 'p-3'])).map((record) => record.id)).toEqual([
      'tp-1',
    ]);
    expect(await store.tiers.proposals.pendingFor([])).toEqual([]);
    expect((await collect(store.tiers.proposals.scan({ partnerIds: ['p-1'] }))).map((record) => record.id)).toEqual([
      'tp-1',
      'tp-3',
    ]);
    expect((await collect(store.tiers.proposals.scan({ statuses: ['pending'] }))).map((record) => record.id)).toEqual([
      'tp-1',
      'tp-2',
    ]);
    expect(
      (await store.tiers.proposals.page({ statuses: ['pending'], after: 'tp-1', limit: 5 })).map((r) => r.id),
    ).toEqual(['tp-2']);

    const pending = (await store.tiers.proposals.get('tp-1'))!;
    expect(pending).toEqual({ ...proposal('tp-1', 'p-1'), version: 1 });
    // Read back as the engine wrote it, field order included: a re-evaluation recognises the same proposal.
    expect(JSON.stringify(pending.proposal.plan)).toBe(JSON.stringify(proposal('tp-1', 'p-1').proposal.plan));
    expect(sameTierProposal(pending.proposal, proposal('tp-1', 'p-1').proposal)).toBe(true);
    const decided = { ...proposal('tp-1', 'p-1', 'rejected'), version: 1 };
    expect(await store.tiers.proposals.save(decided, { expectedVersion: 1 })).toEqual({
      success: true,
      data: { version: 2 },
    });
    const late = await store.tiers.proposals.save(decided, { expectedVersion: 1 });
    expect(late.success || late.issues[0]!.code).toBe('stale_write');
    expect(await store.tiers.proposals.pendingFor(['p-1'])).toEqual([]);
    expect(await other.tiers.proposals.get('tp-2')).toBeUndefined();
    expect(await other.tiers.proposals.pendingFor(['p-2'])).toEqual([]);
  });

  it('imports scores and metric values, replacing by identity, and lists a partner’s', async () => {
    const scores = store.tiers.satisfactionScores;
    expect(
      await scores.import([
        { id: 'r-1', partnerId: 'p-1', date: '2026-03-01', value: 70 },
        { id: 'r-2', partnerId: 'p-1', date: '2026-01-01', value: 80 },
      ]),
    ).toEqual({ success: true, data: { created: 2, updated: 0, unchanged: 0 } });
    expect(
      await scores.import([
        { id: 'r-1', partnerId: 'p-1', date: '2026-03-01', value: 75 },
        { id: 'r-2', partnerId: 'p-1', date: '2026-01-01', value: 80 },
        { id: 'r-3', partnerId: 'p-1', date: '2026-05-01', value: 90 },
      ]),
    ).toEqual({ success: true, data: { created: 1, updated: 1, unchanged: 1 } });
    expect((await scores.forPartner('p-1', { limit: 10 })).map((score) => [score.id, score.value])).toEqual([
      ['r-2', 80],
      ['r-1', 75],
      ['r-3', 90],
    ]);
    expect(
      (await scores.forPartner('p-1', { from: '2026-02-01', through: '2026-04-30', limit: 10 })).map((s) => s.id),
    ).toEqual(['r-1']);
    expect((await scores.forPartner('p-1', { limit: 1 })).map((score) => score.id)).toEqual(['r-2']);

    const metrics = store.tiers.customMetrics;
    const value = { partnerId: 'p-1', key: 'nps', date: '2026-04-30', value: 12.5 };
    expect(await metrics.import([value, { ...value, key: 'webinars' }])).toMatchObject({ data: { created: 2 } });
    expect(await metrics.import([{ ...value, value: 13 }])).toMatchObject({ data: { created: 0, updated: 1 } });
    expect(await metrics.forPartner('p-1', { limit: 10 })).toEqual([
      { ...value, value: 13 },
      { ...value, key: 'webinars' },
    ]);
    expect(await other.tiers.customMetrics.forPartner('p-1', { limit: 10 })).toEqual([]);
    expect(await other.tiers.satisfactionScores.forPartner('p-1', { limit: 10 })).toEqual([]);
  });

  it("performs the tier effects on the partner records, again on top of a colleague's concurrent change", async () => {
    await seedPartner(store, { id: 'p-e1', tierId: 'silver' });
    await seedPartner(store, { id: 'p-e2', tierId: 'gold', specializationIds: ['security'] });
    // A colleague renames p-e1 between our read and our write: our write is refused once, then re-applied.
    let interfered = false;
    const partners: PartnerRepository = {
      ...store.partners,
      async save(partner, expectation) {
        if (!interfered && partner.id === 'p-e1') {
          interfered = true;
          const current = (await store.partners.get('p-e1'))!;
          await store.partners.save({ ...current, name: 'Renamed' }, { expectedVersion: current.version });
        }
        return store.partners.save(partner, expectation);
      },
    };
    const updated = await applyPartnerTierEffects(partners, [
      { kind: 'update_partner_tier', partnerId: 'p-e1', tierId: 'gold', effectiveOn: '2026-11-24' },
      { kind: 'notify', partnerId: 'p-e1', event: 'tier_upgraded', message: 'Up.' },
      { kind: 'update_partner_tier', partnerId: 'p-e1', tierId: 'platinum', effectiveOn: '2026-11-24' },
      {
        kind: 'update_partner_specializations',
        partnerId: 'p-e1',
        specializationIds: ['security'],
        effectiveOn: '2026-11-24',
      },
      { kind: 'update_partner_tier', partnerId: 'p-e2', tierId: 'gold', effectiveOn: '2026-11-24' },
      { kind: 'update_partner_tier', partnerId: 'p-missing', tierId: 'gold', effectiveOn: '2026-11-24' },
    ]);
    expect(updated).toEqual(['p-e1']);
    expect(interfered).toBe(true);
    expect(await store.partners.get('p-e1')).toMatchObject({
      name: 'Renamed',
      tierId: 'platinum',
      specializationIds: ['security'],
      version: 3,
    });
    expect((await store.partners.get('p-e2'))?.version).toBe(1);
    expect(await applyPartnerTierEffects(store.partners, [])).toEqual([]);
  });

  it("holds a tenant's tier mutations one after the other", async () => {
    const events: string[] = [];
    let locked!: () => void;
    const firstHoldsTheLock = new Promise<void>((resolve) => (locked = resolve));
    const first = store.transaction(async (transaction) => {
      await transaction.tiers.lock();
      events.push('first locked');
      locked();
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push('first done');
    });
    await firstHoldsTheLock;
    const second = store.transaction(async (transaction) => {
      await transaction.tiers.lock();
      events.push('second locked');
    });
    let otherTenant: Promise<void> = Promise.resolve();
    if (backend === 'postgres') {
      // Another tenant's lock is another lock: it does not wait (PGlite runs one transaction at a time anyway).
      otherTenant = other.transaction(async (transaction) => {
        await transaction.tiers.lock();
        events.push('other tenant locked');
      });
    }
    await Promise.all([first, second, otherTenant]);
    expect(events.filter((event) => event !== 'other tenant locked')).toEqual([
      'first locked',
      'first done',
      'second locked',
    ]);
    if (backend === 'postgres')
      expect(events.indexOf('other tenant locked')).toBeLessThan(events.indexOf('first done'));
  });
});
