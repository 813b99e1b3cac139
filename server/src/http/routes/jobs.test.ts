import { randomUUID } from 'node:crypto';
import { executeRun } from '../../jobs/run-job.js';
import { approvedRegistration, created, jobsProgram, partner } from '../../jobs/test-support/job-fixtures.js';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(BACKENDS)('jobs through HTTP on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-jobs', { program: jobsProgram({ accrualPosting: null }) });
    await created(tenant.store.partners, [partner('p-1', 'silver')]);
    await created(tenant.store.registrations, [
      approvedRegistration('reg-1', 'p-1', '2026-11-01'),
      approvedRegistration('reg-2', 'p-1', '2026-11-20'),
    ]);
  });
  afterAll(() => server.dispose());

  /** Runs what a scheduler would take: the requested run, to its end. */
  const runRequested = (id: string, job: 'registration-expiry' | 'tier-evaluation') =>
    executeRun(
      { db: server.database.db, clock: server.clock, log: silent },
      { id, tenantId: tenant.id, job, scheduledFor: server.clock.now() },
    );

  it('lists the jobs with their schedule in the program’s time zone, next run and last run', async () => {
    const answer = await server.call(tenant, 'GET', '/api/v1/jobs');

    expect(answer.status).toBe(200);
    expect(answer.body.jobs).toEqual([
      expect.objectContaining({
        name: 'offer-recycling',
        schedule: '*/10 * * * *',
        timeZone: 'America/New_York',
        nextRunAt: '2026-11-24T15:10:00.000Z',
        lastRun: null,
      }),
      // 00:05 in New York is 05:05 UTC in November.
      expect.objectContaining({
        name: 'registration-expiry',
        schedule: '5 0 * * *',
        nextRunAt: '2026-11-25T05:05:00.000Z',
      }),
      expect.objectContaining({
        name: 'tier-evaluation',
        schedule: '0 2 * * *',
        nextRunAt: '2026-11-25T07:00:00.000Z',
      }),
      expect.objectContaining({ name: 'accrual-posting', schedule: null, nextRunAt: null }),
    ]);
  });

  it('runs a job on demand: one run at a time, replayed by its key, visible with its outcome and counts', async () => {
    const key = randomUUID();
    const asked = await server.call(
      tenant,
      'POST',
      '/api/v1/jobs/registration-expiry/runs',
      {},
      { 'idempotency-key': key },
    );

    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({
      created: true,
      run: {
        id: expect.stringMatching(/^req_/) as string,
        job: 'registration-expiry',
        trigger: 'request',
        scheduledFor: '2026-11-24T15:00:00.000Z',
        startedAt: '2026-11-24T15:00:00.000Z',
        finishedAt: null,
        outcome: 'requested',
        counts: {},
        error: null,
      },
    });
    const runId = asked.body.run.id as string;

    // Asked again while it waits: the same run, not a second one.
    const again = await server.call(tenant, 'POST', '/api/v1/jobs/registration-expiry/runs');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, run: { id: runId } });
    // The same request again (same key): the first answer, replayed.
    const replay = await server.call(
      tenant,
      'POST',
      '/api/v1/jobs/registration-expiry/runs',
      {},
      { 'idempotency-key': key },
    );
    expect(replay).toEqual({ status: 201, body: asked.body });

    server.clock.set('2026-11-24T15:01:00Z');
    await runRequested(runId, 'registration-expiry');

    const run = await server.call(tenant, 'GET', `/api/v1/jobs/registration-expiry/runs/${runId}`);
    expect(run.status).toBe(200);
    expect(run.body.run).toMatchObject({
      id: runId,
      outcome: 'succeeded',
      startedAt: '2026-11-24T15:01:00.000Z',
      finishedAt: '2026-11-24T15:01:00.000Z',
      counts: { due: 2, expired: 2, skipped: 0 },
      error: null,
    });
    expect((await tenant.store.registrations.get('reg-2'))?.status).toBe('expired');

    // Finished, a new request starts a new run, which finds nothing left to do.
    server.clock.set('2026-11-24T15:02:00Z');
    const next = await server.call(tenant, 'POST', '/api/v1/jobs/registration-expiry/runs');
    expect(next.status).toBe(201);
    await runRequested(next.body.run.id as string, 'registration-expiry');
    const list = await server.call(tenant, 'GET', '/api/v1/jobs/registration-expiry/runs');
    expect(list.status).toBe(200);
    expect(list.body.runs.map((found: { id: string }) => found.id)).toEqual([next.body.run.id, runId]);
    expect(list.body.runs[0]).toMatchObject({ outcome: 'succeeded', counts: { due: 0, expired: 0, skipped: 0 } });
    expect(list.body.next).toBeNull();

    const jobs = await server.call(tenant, 'GET', '/api/v1/jobs');
    expect(jobs.body.jobs[1].lastRun).toMatchObject({ id: next.body.run.id, outcome: 'succeeded' });
  });

  it('pages runs newest first', async () => {
    const ids: string[] = [];
    for (const minute of ['10', '11', '12']) {
      server.clock.set(`2026-11-24T15:${minute}:00Z`);
      const asked = await server.call(tenant, 'POST', '/api/v1/jobs/tier-evaluation/runs');
      ids.unshift(asked.body.run.id as string);
      await runRequested(asked.body.run.id as string, 'tier-evaluation');
    }

    const first = await server.call(tenant, 'GET', '/api/v1/jobs/tier-evaluation/runs?limit=2');
    const second = await server.call(
      tenant,
      'GET',
      `/api/v1/jobs/tier-evaluation/runs?limit=2&before=${first.body.next}`,
    );

    expect(first.body.runs.map((found: { id: string }) => found.id)).toEqual(ids.slice(0, 2));
    expect(first.body.next).toBe(ids[1]);
    expect(second.body.runs.map((found: { id: string }) => found.id)).toEqual(ids.slice(2));
    expect(second.body.next).toBeNull();
  });

  it('answers a bad job name, query or body with 400 naming the field, and an unknown run with 404', async () => {
    const unknown = await server.call(tenant, 'POST', '/api/v1/jobs/lead-routing/runs');
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0]).toMatchObject({ path: ['params', 'job'], code: 'invalid_value' });

    const limit = await server.call(tenant, 'GET', '/api/v1/jobs/offer-recycling/runs?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.issues[0]).toMatchObject({ path: ['query', 'limit'], code: 'too_small' });

    const cursor = await server.call(tenant, 'GET', '/api/v1/jobs/offer-recycling/runs?before=req_nope');
    expect(cursor.status).toBe(400);
    expect(cursor.body.issues[0]).toMatchObject({ path: ['query', 'before'] });

    const body = await server.call(tenant, 'POST', '/api/v1/jobs/offer-recycling/runs', { now: true });
    expect(body.status).toBe(400);
    expect(body.body.issues[0]).toMatchObject({ path: ['now'], code: 'unknown_field' });

    const missing = await server.call(tenant, 'GET', '/api/v1/jobs/offer-recycling/runs/req_nope');
    expect(missing.status).toBe(404);

    const noKey = await server.call(tenant, 'POST', '/api/v1/jobs/offer-recycling/runs', {}, { 'idempotency-key': '' });
    expect(noKey.status).toBe(400);
    const runs = await server.call(tenant, 'GET', '/api/v1/jobs/offer-recycling/runs');
    expect(runs.body.runs).toEqual([]);
  });

  it('refuses to run a job for a tenant without a program (422), and keeps tenants apart', async () => {
    const other = await server.tenant('t-jobs-other', { program: null });
    const refused = await server.call(other, 'POST', '/api/v1/jobs/registration-expiry/runs');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('program_missing');

    const mine = await server.call(tenant, 'GET', '/api/v1/jobs/registration-expiry/runs');
    const [run] = mine.body.runs as { id: string }[];
    const theirs = await server.call(other, 'GET', `/api/v1/jobs/registration-expiry/runs/${run!.id}`);
    expect(theirs.status).toBe(404);
    const theirList = await server.call(other, 'GET', '/api/v1/jobs/registration-expiry/runs');
    expect(theirList.body.runs).toEqual([]);
    const cursor = await server.call(other, 'GET', `/api/v1/jobs/registration-expiry/runs?before=${run!.id}`);
    expect(cursor.status).toBe(400);
  });
});
