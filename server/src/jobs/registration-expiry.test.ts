import type { Registration } from '@conduit/core';
import { BACKENDS, freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { testClock } from '../test-support/test-server.js';
import type { TenantStore } from '../store/tenant-store.js';
import { REGISTRATION_EXPIRY, expireRegistrations } from './registration-expiry.js';
import {
  approvedRegistration,
  auditCounts,
  created,
  jobsProgram,
  partner,
  recordingProgress,
  tenantWithProgram,
} from './test-support/job-fixtures.js';

const program = jobsProgram();

describe.each(BACKENDS)('the registration expiry job on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  // 2026-11-24 in New York: protection that ended on the 23rd or before is due.
  const clock = testClock('2026-11-24T15:00:00Z');

  let tenants = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.dispose());
  // A tenant of its own for each test, on one database.
  beforeEach(async () => {
    tenants += 1;
    store = await tenantWithProgram(database.db, `t-expiry-${tenants}`, program);
    await created(store.partners, [partner('p-1', 'silver')]);
  });

  const statusOf = async (id: string) => {
    const found = (await store.registrations.get(id)) as Registration;
    return { status: found.status, version: found.version };
  };

  it('expires every registration whose protection ended, once, with an audit entry each; a second run does nothing', async () => {
    await created(store.registrations, [
      approvedRegistration('reg-1', 'p-1', '2026-11-23'),
      approvedRegistration('reg-2', 'p-1', '2026-10-01'),
      approvedRegistration('reg-3', 'p-1', '2026-11-20', 'extension_requested'),
      approvedRegistration('reg-4', 'p-1', '2026-11-24'),
      approvedRegistration('reg-5', 'p-1', '2027-01-10'),
    ]);
    const progress = recordingProgress();

    const counts = await expireRegistrations(store, clock, program, { progress });

    expect(counts).toEqual({ due: 3, expired: 3, skipped: 0 });
    expect(progress.reports).toEqual([
      { due: 1, expired: 1 },
      { due: 1, expired: 1 },
      { due: 1, expired: 1 },
    ]);
    for (const id of ['reg-1', 'reg-2', 'reg-3']) expect(await statusOf(id)).toEqual({ status: 'expired', version: 2 });
    for (const id of ['reg-4', 'reg-5']) expect(await statusOf(id)).toEqual({ status: 'approved', version: 1 });
    const expired = (await store.registrations.get('reg-1')) as Extract<Registration, { status: 'expired' }>;
    expect(expired.expiredOn).toBe('2026-11-24');
    const audit = await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY);
    expect(Object.fromEntries(audit)).toEqual({ 'reg-1': 1, 'reg-2': 1, 'reg-3': 1 });
    const [entry] = await store.audit.forSubject('registration', 'reg-3');
    expect(entry).toMatchObject({
      actor: 'job:registration-expiry',
      trace: {
        outcome: 'expired',
        summary: expect.stringContaining('ended on 2026-11-20; the registration has expired') as string,
        steps: [{ rule: 'protection_ended', facts: { previousStatus: 'extension_requested', endsOn: '2026-11-20' } }],
      },
    });

    const again = await expireRegistrations(store, clock, program);

    expect(again).toEqual({ due: 0, expired: 0, skipped: 0 });
    expect(Object.fromEntries(await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY))).toEqual({
      'reg-1': 1,
      'reg-2': 1,
      'reg-3': 1,
    });
  });

  it('rolls back the item in hand when the run dies, and the next run finishes the batch without repeating any', async () => {
    await created(
      store.registrations,
      Array.from({ length: 6 }, (_, index) => approvedRegistration(`reg-${index + 1}`, 'p-1', '2026-11-01')),
    );

    // The third item's transaction fails at its end, as if the process died before committing it.
    await expect(expireRegistrations(store, clock, program, { progress: recordingProgress(3) })).rejects.toThrow(
      'died',
    );
    const states = await Promise.all(['reg-1', 'reg-2', 'reg-3', 'reg-4'].map(statusOf));
    expect(states.map((state) => state.status)).toEqual(['expired', 'expired', 'approved', 'approved']);

    const resumed = await expireRegistrations(store, clock, program);

    expect(resumed).toEqual({ due: 4, expired: 4, skipped: 0 });
    for (let index = 1; index <= 6; index += 1)
      expect(await statusOf(`reg-${index}`)).toEqual({ status: 'expired', version: 2 });
    const audit = await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY);
    expect([...audit.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('stops between items when told to, leaving the rest for the next run', async () => {
    await created(store.registrations, [
      approvedRegistration('reg-1', 'p-1', '2026-11-01'),
      approvedRegistration('reg-2', 'p-1', '2026-11-01'),
    ]);
    const stop = new AbortController();
    const progress = {
      add: () => {
        stop.abort(new Error('Shutting down.'));
        return Promise.resolve();
      },
    };

    await expect(expireRegistrations(store, clock, program, { progress, signal: stop.signal })).rejects.toThrow(
      'Shutting down.',
    );

    expect((await statusOf('reg-1')).status).toBe('expired');
    expect((await statusOf('reg-2')).status).toBe('approved');
  });

  it('skips a registration that changed after the scan read it', async () => {
    await created(store.registrations, [approvedRegistration('reg-1', 'p-1', '2026-11-01')]);
    const read = (await store.registrations.get('reg-1')) as Registration;
    // Someone marks the deal won between the scan and the item's transaction.
    const scanned = { ...store.registrations };
    const racing: TenantStore = {
      ...store,
      registrations: {
        ...scanned,
        async *scan(query) {
          for await (const page of store.registrations.scan(query)) {
            const won = { ...read, status: 'won', closedOn: '2026-11-20' } as Registration;
            const saved = await store.registrations.save(won, { expectedVersion: read.version });
            expect(saved.success).toBe(true);
            yield page;
          }
        },
      },
    };

    const counts = await expireRegistrations(racing, clock, program);

    expect(counts).toEqual({ due: 1, expired: 0, skipped: 1 });
    expect(await statusOf('reg-1')).toEqual({ status: 'won', version: 2 });
    expect((await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY)).size).toBe(0);
  });
});
