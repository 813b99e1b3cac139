import { ROUTING_DECISION, type LeadDistribution } from '@conduit/core';
import { OFFER_EXPIRED } from '../store/routing/index.js';
import type { TenantStore } from '../store/tenant-store.js';
import { BACKENDS, freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { testClock } from '../test-support/test-server.js';
import { recycleOffers } from './offer-recycling.js';
import {
  auditCounts,
  created,
  jobsProgram,
  offer,
  offered,
  partner,
  recordingProgress,
  tenantWithProgram,
} from './test-support/job-fixtures.js';

const program = jobsProgram();
const PAST = '2026-11-24T09:00:00.000Z';
const FUTURE = '2026-11-25T09:00:00.000Z';

describe.each(BACKENDS)('the offer recycling job on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let tenants = 0;
  const clock = testClock('2026-11-24T15:00:00Z');

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    tenants += 1;
    store = await tenantWithProgram(database.db, `t-recycling-${tenants}`, program);
    await created(store.partners, [partner('p-1', 'silver'), partner('p-2', 'silver'), partner('p-3', 'gold')]);
  });

  const distributionOf = async (leadId: string): Promise<{ record: LeadDistribution; version: number }> => {
    const [stored] = await store.routing.distributions([leadId]);
    if (!stored) throw new Error(`Lead ${leadId} has no distribution.`);
    return stored;
  };

  it('offers each lead past its SLA to another partner, or queues it after the last attempt; a second run does nothing', async () => {
    await offered(store, [
      offer('lead-1', 'p-1', PAST),
      offer('lead-2', 'p-1', PAST),
      offer('lead-3', 'p-2', PAST),
      offer('lead-4', 'p-1', FUTURE),
      offer('lead-5', 'p-2', PAST, program.routing.offers.maxAttempts),
    ]);
    const progress = recordingProgress();

    const counts = await recycleOffers(store, clock, program, { progress });

    expect(counts).toEqual({ due: 4, expired: 4, reoffered: 3, queued: 1, skipped: 0, failed: 0 });
    expect(progress.reports).toHaveLength(4);
    for (const [leadId, from] of [
      ['lead-1', 'p-1'],
      ['lead-2', 'p-1'],
      ['lead-3', 'p-2'],
    ] as const) {
      const { record, version } = await distributionOf(leadId);
      expect(version).toBe(2);
      expect(record).toMatchObject({ status: 'offered', attempts: 2 });
      expect(record.status === 'offered' && record.partnerId).not.toBe(from);
      expect(record.history).toEqual([expect.objectContaining({ kind: 'expired', partnerId: from, attempt: 1 })]);
      expect(record.status === 'offered' && Date.parse(record.dueAt)).toBe(Date.parse('2026-11-25T15:00:00Z'));
    }
    expect(await distributionOf('lead-4')).toMatchObject({
      version: 1,
      record: { status: 'offered', partnerId: 'p-1' },
    });
    expect((await distributionOf('lead-5')).record).toMatchObject({ status: 'queued', reason: 'max_attempts' });
    const expiries = await auditCounts(database.db, store.tenantId, OFFER_EXPIRED);
    expect(Object.fromEntries(expiries)).toEqual({ 'lead-1': 1, 'lead-2': 1, 'lead-3': 1, 'lead-5': 1 });
    const routings = await auditCounts(database.db, store.tenantId, ROUTING_DECISION);
    expect(Object.fromEntries(routings)).toEqual({ 'lead-1': 1, 'lead-2': 1, 'lead-3': 1 });

    const again = await recycleOffers(store, clock, program);

    expect(again).toEqual({ due: 0, expired: 0, reoffered: 0, queued: 0, skipped: 0, failed: 0 });
    expect((await distributionOf('lead-1')).version).toBe(2);
    expect(Object.fromEntries(await auditCounts(database.db, store.tenantId, OFFER_EXPIRED))).toEqual(
      Object.fromEntries(expiries),
    );
  });

  it('rolls back the lead in hand when the run dies, and the next run recycles the rest, none twice', async () => {
    await offered(
      store,
      Array.from({ length: 5 }, (_, index) => offer(`lead-${index + 1}`, 'p-1', PAST)),
    );

    await expect(recycleOffers(store, clock, program, { progress: recordingProgress(2) })).rejects.toThrow('died');
    expect((await distributionOf('lead-1')).record.attempts).toBe(2);
    expect((await distributionOf('lead-2')).record).toMatchObject({ attempts: 1, partnerId: 'p-1' });

    const resumed = await recycleOffers(store, clock, program);

    expect(resumed).toMatchObject({ due: 4, expired: 4, reoffered: 4 });
    for (let index = 1; index <= 5; index += 1) {
      const { record, version } = await distributionOf(`lead-${index}`);
      expect({ attempts: record.attempts, version, history: record.history.length }).toEqual({
        attempts: 2,
        version: 2,
        history: 1,
      });
    }
    expect([...(await auditCounts(database.db, store.tenantId, OFFER_EXPIRED)).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('skips an offer accepted after the scan read it', async () => {
    await offered(store, [offer('lead-1', 'p-1', PAST)]);
    const racing: TenantStore = {
      ...store,
      routing: {
        ...store.routing,
        async *dueOffers(now) {
          for await (const page of store.routing.dueOffers(now)) {
            const [due] = page;
            const accepted = { ...due!.record, status: 'accepted', acceptedAt: '2026-11-24T14:00:00.000Z' };
            const committed = await store.routing.commit({
              distributions: [{ record: accepted as LeadDistribution, expectedVersion: due!.version }],
            });
            expect(committed.success).toBe(true);
            yield page;
          }
        },
      },
    };

    const counts = await recycleOffers(racing, clock, program);

    expect(counts).toMatchObject({ due: 1, expired: 0, skipped: 1 });
    expect((await distributionOf('lead-1')).record.status).toBe('accepted');
  });
});
