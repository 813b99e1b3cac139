import { ensureTenant } from '../store/tenants.js';
import { BACKENDS, freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { abandonRunsStartedBefore, jobRuns, runsAcrossTenants, scheduledRunId } from './job-runs.js';

const at = (instant: string) => new Date(instant);

describe.each(BACKENDS)('job runs on %s', (backend) => {
  let database: TestDatabase;
  let tenants = 0;
  let tenantId: string;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    tenants += 1;
    tenantId = `t-runs-${tenants}`;
    await ensureTenant(database.db, { id: tenantId, name: tenantId });
  });

  it('asks for one run of a job at a time, even when asked twice at once', async () => {
    const runs = jobRuns(database.db, tenantId);

    const [a, b] = await Promise.all([
      runs.request('tier-evaluation', at('2026-11-24T15:00:00Z')),
      runs.request('tier-evaluation', at('2026-11-24T15:00:00Z')),
    ]);

    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.run.id).toBe(b.run.id);
    expect(a.run).toMatchObject({ outcome: 'requested', trigger: 'request', counts: {} });
    // Another job, or the same job once this run finished, gets a run of its own.
    expect((await runs.request('accrual-posting', at('2026-11-24T15:00:00Z'))).created).toBe(true);
    await runs.finish(a.run.id, 'succeeded', at('2026-11-24T15:01:00Z'), null);
    expect((await runs.request('tier-evaluation', at('2026-11-24T15:02:00Z'))).created).toBe(true);
  });

  it('starts a run once: a scheduled one is created, a requested one taken, an unfinished one resumed, a finished one left', async () => {
    const runs = jobRuns(database.db, tenantId);
    const tick = at('2026-11-25T05:05:00Z');
    const scheduled = {
      id: scheduledRunId(tenantId, 'registration-expiry', tick),
      tenantId,
      job: 'registration-expiry' as const,
      scheduledFor: tick,
    };

    expect(await runs.start(scheduled, at('2026-11-25T05:05:10Z'))).toMatchObject({
      status: 'started',
      run: { outcome: 'running', trigger: 'schedule', startedAt: '2026-11-25T05:05:10.000Z' },
    });
    expect(await runs.start(scheduled, at('2026-11-25T05:07:00Z'))).toMatchObject({
      status: 'resumed',
      run: { startedAt: '2026-11-25T05:05:10.000Z' },
    });
    await runs.finish(scheduled.id, 'succeeded', at('2026-11-25T05:08:00Z'), null, ['due', 'expired']);
    expect(await runs.start(scheduled, at('2026-11-25T05:09:00Z'))).toMatchObject({
      status: 'finished',
      run: { outcome: 'succeeded', counts: { due: 0, expired: 0 } },
    });

    const { run } = await runs.request('offer-recycling', at('2026-11-25T06:00:00Z'));
    await runs.markQueued(run.id);
    expect((await runs.get(run.id))?.outcome).toBe('queued');
    expect(await runs.start({ ...run, tenantId, scheduledFor: tick }, at('2026-11-25T06:00:05Z'))).toMatchObject({
      status: 'started',
      run: { id: run.id, outcome: 'running', startedAt: '2026-11-25T06:00:05.000Z' },
    });
  });

  it('adds counts with the transaction they belong to', async () => {
    const runs = jobRuns(database.db, tenantId);
    const { run } = await runs.request('registration-expiry', at('2026-11-24T15:00:00Z'));

    await runs.addCounts(run.id, { due: 1, expired: 1 });
    await database.db
      .transaction()
      .execute(async (transaction) => jobRuns(transaction, tenantId).addCounts(run.id, { due: 2, skipped: 2 }));
    await expect(
      database.db.transaction().execute(async (transaction) => {
        await jobRuns(transaction, tenantId).addCounts(run.id, { due: 100, expired: 100 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect((await runs.get(run.id))?.counts).toEqual({ due: 3, expired: 1, skipped: 2 });
    const finished = await runs.finish(run.id, 'succeeded', at('2026-11-24T15:05:00Z'), null, [
      'due',
      'expired',
      'skipped',
      'failed',
    ]);
    expect(finished?.counts).toEqual({ due: 3, expired: 1, skipped: 2, failed: 0 });
  });

  it('keeps tenants apart', async () => {
    const runs = jobRuns(database.db, tenantId);
    const other = `${tenantId}-other`;
    await ensureTenant(database.db, { id: other, name: other });
    const { run } = await runs.request('tier-evaluation', at('2026-11-24T15:00:00Z'));

    expect(await jobRuns(database.db, other).get(run.id)).toBeUndefined();
    expect(await jobRuns(database.db, other).list('tier-evaluation', { limit: 10 })).toEqual([]);
    await jobRuns(database.db, other).addCounts(run.id, { evaluated: 5 });
    await jobRuns(database.db, other).finish(run.id, 'failed', at('2026-11-24T15:01:00Z'), 'not mine');
    expect(await runs.get(run.id)).toMatchObject({ outcome: 'requested', counts: {}, error: null });
    await expect(
      jobRuns(database.db, other).start(
        { id: run.id, tenantId: other, job: 'tier-evaluation', scheduledFor: at('2026-11-24T15:00:00Z') },
        at('2026-11-24T15:02:00Z'),
      ),
    ).rejects.toThrow('another tenant');
  });

  it('fails the runs no attempt can finish any more, so that the job can be asked for again', async () => {
    const runs = jobRuns(database.db, tenantId);
    const { run } = await runs.request('accrual-posting', at('2026-11-20T15:00:00Z'));
    await runs.start({ ...run, tenantId, scheduledFor: at('2026-11-20T15:00:00Z') }, at('2026-11-20T15:00:01Z'));
    const recent = await runs.request('tier-evaluation', at('2026-11-24T14:00:00Z'));
    await runs.markQueued(recent.run.id);

    expect((await runsAcrossTenants(database.db, ['queued', 'running'], 1000)).map((found) => found.id)).toEqual(
      expect.arrayContaining([run.id, recent.run.id]),
    );
    await abandonRunsStartedBefore(database.db, at('2026-11-23T15:00:00Z'), at('2026-11-24T15:00:00Z'));

    expect(await runs.get(run.id)).toMatchObject({ outcome: 'failed', finishedAt: '2026-11-24T15:00:00.000Z' });
    expect((await runs.get(recent.run.id))?.outcome).toBe('queued');
    expect((await runs.request('accrual-posting', at('2026-11-24T15:00:00Z'))).created).toBe(true);
  });
});
