import type { TenantStore } from '../store/tenant-store.js';
import { freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { testClock } from '../test-support/test-server.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import { jobRuns, scheduledRunId, type JobRun } from './job-runs.js';
import { DEFAULT_JOB_SETTINGS } from './job-settings.js';
import { REGISTRATION_EXPIRY } from './registration-expiry.js';
import {
  approvedRegistration,
  auditCounts,
  created,
  jobsProgram,
  partner,
  tenantWithProgram,
} from './test-support/job-fixtures.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Registration expiry every day at 00:05 in New York; the other jobs only on demand.
const program = jobsProgram({ offerRecycling: null, tierEvaluation: null, accrualPosting: null });

describe('the in-process scheduler (embedded PGlite store)', () => {
  let database: TestDatabase;
  let store: TenantStore;
  let tenants = 0;
  const clock = testClock();

  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    tenants += 1;
    clock.set('2026-11-24T15:00:00Z');
    store = await tenantWithProgram(database.db, `t-scheduler-${tenants}`, program);
    await created(store.partners, [partner('p-1', 'silver')]);
  });

  const scheduler = () =>
    new InProcessScheduler({ db: database.db, clock, log: silent, settings: DEFAULT_JOB_SETTINGS, timers: false });
  const runsOf = async (job: 'registration-expiry' | 'tier-evaluation'): Promise<JobRun[]> =>
    jobRuns(database.db, store.tenantId).list(job, { limit: 50 });
  const tickAt = async (instance: InProcessScheduler, instant: string) => {
    clock.set(instant);
    await instance.tick();
    await instance.idle();
  };

  it('runs each tick of a tenant’s schedule once, in the program’s time zone, and the runs asked for', async () => {
    await created(store.registrations, [
      approvedRegistration('reg-1', 'p-1', '2026-11-23'),
      approvedRegistration('reg-2', 'p-1', '2026-11-24'),
    ]);
    const instance = scheduler();
    await instance.start();
    await instance.idle();
    expect(await runsOf('registration-expiry')).toEqual([]);

    await tickAt(instance, '2026-11-25T05:04:59Z'); // 00:04:59 in New York
    expect(await runsOf('registration-expiry')).toEqual([]);

    await tickAt(instance, '2026-11-25T05:05:30Z');
    await tickAt(instance, '2026-11-25T05:06:00Z');
    const [first, ...others] = await runsOf('registration-expiry');
    expect(others).toEqual([]);
    expect(first).toMatchObject({
      id: scheduledRunId(store.tenantId, 'registration-expiry', new Date('2026-11-25T05:05:00Z')),
      trigger: 'schedule',
      scheduledFor: '2026-11-25T05:05:00.000Z',
      outcome: 'succeeded',
      counts: { due: 2, expired: 2, skipped: 0 },
    });

    // Three days later in one go: one run, for the latest tick.
    await tickAt(instance, '2026-11-28T06:00:00Z');
    const runs = await runsOf('registration-expiry');
    expect(runs.map((run) => run.scheduledFor)).toEqual(['2026-11-28T05:05:00.000Z', '2026-11-25T05:05:00.000Z']);
    expect(runs[0]).toMatchObject({ outcome: 'succeeded', counts: { due: 0, expired: 0 } });

    // A job without a schedule runs when asked for.
    const { run } = await jobRuns(database.db, store.tenantId).request('tier-evaluation', clock.now());
    await tickAt(instance, '2026-11-28T06:00:02Z');
    expect(await runsOf('tier-evaluation')).toEqual([
      expect.objectContaining({
        id: run.id,
        trigger: 'request',
        outcome: 'succeeded',
        counts: expect.objectContaining({ evaluated: 1 }) as object,
      }),
    ]);
    await instance.stop();
    expect(Object.fromEntries(await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY))).toEqual({
      'reg-1': 1,
      'reg-2': 1,
    });
  });

  it('follows a newly published program', async () => {
    const instance = scheduler();
    await instance.start();
    const published = await store.programs.publish(
      jobsProgram({ ...program.schedules, registrationExpiry: '0 12 * * *' }),
      {
        expectedVersion: 1,
      },
    );
    expect(published.success).toBe(true);

    await instance.sync(); // at 10:00 in New York
    await tickAt(instance, '2026-11-24T16:59:00Z');
    expect(await runsOf('registration-expiry')).toEqual([]);
    await tickAt(instance, '2026-11-24T17:00:30Z'); // noon in New York
    await tickAt(instance, '2026-11-25T05:06:00Z'); // 00:05 no longer ticks
    expect((await runsOf('registration-expiry')).map((run) => run.scheduledFor)).toEqual(['2026-11-24T17:00:00.000Z']);
    await instance.stop();
  });

  it('resumes at start the run a killed process left running, and catches up once on the ticks missed while down', async () => {
    await created(
      store.registrations,
      ['reg-1', 'reg-2', 'reg-3'].map((id) => approvedRegistration(id, 'p-1', '2026-11-01')),
    );
    const first = scheduler();
    await first.start();
    await tickAt(first, '2026-11-25T05:06:00Z');
    await first.stop();
    // The process was killed in the middle of a run that expired reg-1: its run is still `running`.
    await created(store.registrations, [approvedRegistration('reg-4', 'p-1', '2026-11-01')]);
    const runs = jobRuns(database.db, store.tenantId);
    const interrupted = { id: 'req_interrupted', tenantId: store.tenantId, job: 'registration-expiry' as const };
    await runs.start(
      { ...interrupted, scheduledFor: new Date('2026-11-25T12:00:00Z') },
      new Date('2026-11-25T12:00:00Z'),
    );
    await runs.addCounts(interrupted.id, { due: 1, expired: 1 });

    // Down for three days.
    clock.set('2026-11-28T15:00:00Z');
    const second = scheduler();
    await second.start();
    await second.idle();

    expect(await runs.get(interrupted.id)).toMatchObject({
      outcome: 'succeeded',
      counts: { due: 2, expired: 2, skipped: 0 },
    });
    const scheduled = (await runsOf('registration-expiry')).filter((run) => run.trigger === 'schedule');
    expect(scheduled.map((run) => run.scheduledFor)).toEqual(['2026-11-28T05:05:00.000Z', '2026-11-25T05:05:00.000Z']);
    await second.stop();
  });
});
