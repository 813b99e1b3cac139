import {
  applyToProgram,
  transitionPartnerLifecycle,
  type Partner,
  type PartnerLifecycle,
  type PartnerLifecycleEvent,
  type PartnerRepository,
} from '@conduit/core';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { demoProgram } from '../../test-support/test-server.js';
import { ensureTenant } from '../tenants.js';
import { tenantStore, type TenantStore } from '../tenant-store.js';
import { applyPartnerStatusEffects } from './partner-status-effects.js';

jest.setTimeout(120_000);

const program = demoProgram();

/** A lifecycle that applied on 2026-11-02 and went through `events`, one a day from 2026-11-03. */
function lifecycle(partnerId: string, events: PartnerLifecycleEvent[] = []): PartnerLifecycle {
  const applied = applyToProgram(
    { partnerId, partnerName: `Company ${partnerId}`, submittedBy: 'contact-1' },
    { program, now: new Date('2026-11-02T15:00:00Z') },
  );
  if (!applied.success) throw new Error(applied.issues[0]!.message);
  let current = applied.data.next;
  events.forEach((event, day) => {
    const next = transitionPartnerLifecycle(current, event, {
      program,
      now: new Date(Date.UTC(2026, 10, 3 + day, 15)),
    });
    if (!next.success) throw new Error(next.issues[0]!.message);
    current = next.data.next;
  });
  return current;
}

const ONBOARDING: PartnerLifecycleEvent[] = [
  { type: 'approve', by: 'cm-1' },
  { type: 'start_onboarding', by: 'cm-1' }, // on 2026-11-04: due 11-11, 11-18, 12-19 and 2027-01-03
];

describe.each(BACKENDS)('the lifecycle store on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let other: TenantStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await ensureTenant(database.db, { id: 't-1', name: 'One' });
    await ensureTenant(database.db, { id: 't-2', name: 'Two' });
    store = tenantStore(database.db, 't-1');
    other = tenantStore(database.db, 't-2');
  });
  afterAll(() => database?.dispose());

  it('saves lifecycles by partner id with optimistic versions, as the port promises', async () => {
    const applied = lifecycle('p-store');
    expect(await store.lifecycles.save(applied, { expectedVersion: null })).toEqual({
      success: true,
      data: { version: 1 },
    });
    const twice = await store.lifecycles.save(applied, { expectedVersion: null });
    expect(!twice.success && twice.issues.map((found) => [found.path, found.code])).toEqual([
      [['expectedVersion'], 'stale_write'],
    ]);
    const approved = lifecycle('p-store', [{ type: 'approve', by: 'cm-1' }]);
    expect(await store.lifecycles.save({ ...approved, version: 1 }, { expectedVersion: 1 })).toMatchObject({
      data: { version: 2 },
    });
    const stale = await store.lifecycles.save({ ...approved, version: 1 }, { expectedVersion: 1 });
    expect(stale.success).toBe(false);
    expect(await store.lifecycles.get('p-store')).toEqual({ ...approved, version: 2 });
    expect(await other.lifecycles.get('p-store')).toBeUndefined();
  });

  it('scans and pages by status, and finds the lifecycles with milestones overdue on a day', async () => {
    const saved = [
      lifecycle('p-a', ONBOARDING),
      lifecycle('p-b', [...ONBOARDING, { type: 'complete_milestone', by: 'cm-1', milestoneId: 'agreement' }]),
      lifecycle('p-c', [{ type: 'approve', by: 'cm-1' }]),
      lifecycle('p-d', [...ONBOARDING, { type: 'offboard', by: 'cm-1', reason: 'Left.' }]),
    ];
    for (const found of saved) await store.lifecycles.save(found, { expectedVersion: null });

    const onboarding: string[] = [];
    for await (const page of store.lifecycles.scan({ statuses: ['onboarding'] }))
      onboarding.push(...page.map((found) => found.partnerId));
    expect(onboarding).toEqual(['p-a', 'p-b']);
    const named = await store.lifecycles.getMany(['p-c', 'p-nobody']);
    expect(named.map((found) => found.status)).toEqual(['approved']);
    const page = await store.lifecycles.page({ statuses: ['onboarding', 'approved'], after: 'p-a', limit: 2 });
    expect(page.map((found) => found.partnerId)).toEqual(['p-b', 'p-c']);

    const overdueOn = async (today: string) =>
      (await store.lifecycles.withOverdueMilestones({ today, limit: 100 })).map((found) => found.partnerId);
    expect(await overdueOn('2026-11-11')).toEqual([]);
    expect(await overdueOn('2026-11-12')).toEqual(['p-a']);
    expect(await overdueOn('2026-11-19')).toEqual(['p-a', 'p-b']);
    expect(await other.lifecycles.withOverdueMilestones({ today: '2027-12-31', limit: 100 })).toEqual([]);
  });

  describe('writing the partner status a lifecycle decided', () => {
    const partner = (id: string, status: Partner['status']): Partner => ({
      id,
      name: `Partner ${id}`,
      status,
      tierId: 'silver',
      specializationIds: [],
      coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
      industries: [],
      languages: ['en'],
      certifications: [],
      version: 0,
    });
    const setStatus = (partnerId: string, status: Partner['status']) => [
      { type: 'set_partner_status' as const, partnerId, status },
    ];

    it('creates the record of a partner the CRM has not handed over, and sets the status of one it has', async () => {
      const written = await applyPartnerStatusEffects(store.partners, setStatus('p-new', 'applicant'), () => 'New Co');
      expect(written.get('p-new')).toMatchObject({ id: 'p-new', name: 'New Co', status: 'applicant', version: 1 });
      await store.partners.save(partner('p-old', 'approved'), { expectedVersion: null });
      await applyPartnerStatusEffects(store.partners, setStatus('p-old', 'onboarding'), () => 'unused');
      expect(await store.partners.get('p-old')).toEqual({ ...partner('p-old', 'onboarding'), version: 2 });
      expect(await other.partners.get('p-new')).toBeUndefined();
    });

    it('reads a record changed since it was read again and sets only its status', async () => {
      await store.partners.save(partner('p-race', 'approved'), { expectedVersion: null });
      let reads = 0;
      const racing: PartnerRepository = {
        ...store.partners,
        async get(id) {
          const read = await store.partners.get(id);
          reads += 1;
          if (reads === 1) await store.partners.save({ ...read!, name: 'Renamed meanwhile' }, { expectedVersion: 1 });
          return read;
        },
      };
      await applyPartnerStatusEffects(racing, setStatus('p-race', 'onboarding'), () => 'unused');
      expect(reads).toBe(2);
      expect(await store.partners.get('p-race')).toMatchObject({
        name: 'Renamed meanwhile',
        status: 'onboarding',
        version: 3,
      });
    });

    it('gives up on a record that keeps changing, so that its transaction is rolled back', async () => {
      await store.partners.save(partner('p-busy', 'approved'), { expectedVersion: null });
      const refusing: PartnerRepository = {
        ...store.partners,
        save: async () => ({ success: false, issues: [{ path: [], code: 'stale_write', message: 'Changed.' }] }),
      };
      await expect(applyPartnerStatusEffects(refusing, setStatus('p-busy', 'onboarding'), () => 'x')).rejects.toThrow(
        'kept changing',
      );
    });
  });
});
