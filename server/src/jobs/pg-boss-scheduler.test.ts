import { addDays, calendarDateIn } from '@conduit/core';
import { sql } from 'kysely';
import type { TenantStore } from '../store/tenant-store.js';
import { freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { lastTick } from './cron.js';
import { jobRuns, type JobRun } from './job-runs.js';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from './job-settings.js';
import { PgBossScheduler } from './pg-boss-scheduler.js';
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
const settings: JobSettings = {
  ...DEFAULT_JOB_SETTINGS,
  pollIntervalSeconds: 0.5,
  superviseIntervalSeconds: 1,
  syncIntervalSeconds: 1,
  heartbeatSeconds: 10,
};
const clock = { now: () => new Date() };

/** Waits until `check` returns something, polling every 250 ms, for at most `seconds`. */
async function eventually<T>(check: () => Promise<T | undefined>, seconds: number, what: string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the PostgreSQL scheduler (pg-boss) with two instances on one database', () => {
  let database: TestDatabase;
  let store: TenantStore;
  let instances: PgBossScheduler[] = [];

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    // Registration expiry every minute (so that a test sees ticks), the other jobs only on demand.
    const program = jobsProgram({
      registrationExpiry: '* * * * *',
      offerRecycling: null,
      tierEvaluation: null,
      accrualPosting: null,
    });
    store = await tenantWithProgram(database.db, 't-boss', program);
    await created(store.partners, [partner('p-1', 'silver')]);
    const ended = addDays(calendarDateIn(new Date(), program.fiscalCalendar.timeZone), -2);
    await created(
      store.registrations,
      Array.from({ length: 20 }, (_, index) => approvedRegistration(`reg-${index + 1}`, 'p-1', ended)),
    );
    instances = [0, 1].map(
      () => new PgBossScheduler({ url: database.url!, db: database.db, clock, log: silent, settings }),
    );
    await Promise.all(instances.map((instance) => instance.start()));
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.dispose();
  });

  const scheduledRuns = async (): Promise<JobRun[]> =>
    (await jobRuns(database.db, store.tenantId).list('registration-expiry', { limit: 50 })).filter(
      (run) => run.trigger === 'schedule',
    );

  it('runs each scheduled tick once across the instances', async () => {
    const bossInstances = await sql<{
      count: string;
    }>`select count(*) as count from pgboss.instance where stopped_on is null`.execute(database.db);
    expect(Number(bossInstances.rows[0]!.count)).toBe(2);

    // Two ticks, a minute apart, each finished: one run each.
    const runs = await eventually(
      async () => {
        const found = await scheduledRuns();
        return found.length >= 2 && found.every((run) => run.outcome === 'succeeded') ? found : undefined;
      },
      150,
      'two scheduled runs',
    );

    expect(runs).toHaveLength(2);
    const [second, first] = runs;
    expect(Date.parse(second!.scheduledFor) - Date.parse(first!.scheduledFor)).toBe(60_000);
    expect(first!.counts).toEqual({ due: 20, expired: 20, skipped: 0 });
    expect(second!.counts).toEqual({ due: 0, expired: 0, skipped: 0 });
    const audit = await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY);
    expect(audit.size).toBe(20);
    expect([...audit.values()].every((count) => count === 1)).toBe(true);
    // pg-boss queued one job per tick, not one per instance: no two of its jobs are for the same tick.
    const queued = await sql<{
      created_on: Date;
    }>`select created_on from pgboss.job where name = 'conduit.registration-expiry'`.execute(database.db);
    const ticks = queued.rows.map((row) => lastTick('* * * * *', 'UTC', row.created_on).getTime());
    expect(queued.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ticks).size).toBe(ticks.length);
  }, 180_000);

  it('runs a run asked for through the API once, though both instances see it', async () => {
    const { run } = await jobRuns(database.db, store.tenantId).request('tier-evaluation', new Date());

    const done = await eventually(
      async () => {
        const found = await jobRuns(database.db, store.tenantId).get(run.id);
        return found?.outcome === 'succeeded' ? found : undefined;
      },
      30,
      'the requested run',
    );

    expect(done.counts).toMatchObject({ evaluated: 1 });
    const queued = await sql<{
      count: string;
    }>`select count(*) as count from pgboss.job where name = 'conduit.tier-evaluation'`.execute(database.db);
    expect(Number(queued.rows[0]!.count)).toBe(1);
  }, 60_000);
});
