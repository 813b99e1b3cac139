import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, JobRunsTable } from '../store/schema.js';
import type { JobName } from './catalog.js';
import type { JobCounts } from './job-runner.js';

/**
 * Where a run stands:
 * - `requested`: asked for through the API, waiting for a scheduler to take it;
 * - `queued`: handed to the queue of the PostgreSQL scheduler (pg-boss), waiting for a worker;
 * - `running`: a worker runs it (or ran it and died: the queue gives it to another after its expiry);
 * - `succeeded`, `failed`: finished; `failed` with the error of its last attempt.
 */
export type RunOutcome = 'requested' | 'queued' | 'running' | 'succeeded' | 'failed';

/** The outcomes of a run that is not finished. */
export const ACTIVE_OUTCOMES: readonly RunOutcome[] = ['requested', 'queued', 'running'];

/** How a run came about: a tick of the program's schedule, or a request through the API. */
export type RunTrigger = 'schedule' | 'request';

/** A run of a job for one tenant, as the API shows it. */
export interface JobRun {
  id: string;
  job: JobName;
  trigger: RunTrigger;
  /** The schedule's tick the run is for, or when it was requested. */
  scheduledFor: string;
  /** When it started; for a run still waiting, when it was asked for. */
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  /** What it did so far, by name (each job documents its counts). */
  counts: JobCounts;
  error: string | null;
}

/** A run to execute: which, for whom, for which tick. */
export interface RunRequest {
  id: string;
  tenantId: string;
  job: JobName;
  scheduledFor: Date;
}

const SCHEDULED = 'sched_';
const REQUESTED = 'req_';

/**
 * The id of a scheduled run: derived from the tenant, the job and the tick, so that however many
 * instances or retries get to a tick, it has one run.
 */
export function scheduledRunId(tenantId: string, job: JobName, scheduledFor: Date): string {
  const digest = createHash('sha256').update(`${tenantId}\n${job}\n${scheduledFor.toISOString()}`).digest('hex');
  return `${SCHEDULED}${digest.slice(0, 40)}`;
}

function present(row: Selectable<JobRunsTable>): JobRun {
  return {
    id: row.id,
    job: row.job as JobName,
    trigger: row.id.startsWith(REQUESTED) ? 'request' : 'schedule',
    scheduledFor: row.scheduled_for.toISOString(),
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    outcome: row.outcome as RunOutcome,
    counts: row.counts,
    error: row.error,
  };
}

/** What `start` found: a run to do (new, or resumed after an attempt that did not finish), or one already done. */
export type StartedRun = { status: 'started' | 'resumed'; run: JobRun } | { status: 'finished'; run: JobRun };

/** The longest error message kept on a run. */
const ERROR_LENGTH = 2000;

/**
 * The job runs of one tenant (every statement is scoped by it): ask for a run, start, count, finish, and
 * list them. Bound to a transaction, its writes join it (a run's counts commit with the item they count).
 */
export function jobRuns(db: Kysely<Database>, tenantId: string) {
  const runs = () => db.selectFrom('job_runs').selectAll().where('tenant_id', '=', tenantId);
  const get = async (id: string) => {
    const row = await runs().where('id', '=', id).executeTakeFirst();
    return row && present(row);
  };

  return {
    get,

    /**
     * Asks for a run of `job` now, unless one is already waiting or running: then that one is returned
     * (`created: false`). A tenant-and-job lock makes two simultaneous requests find each other.
     */
    async request(job: JobName, at: Date): Promise<{ run: JobRun; created: boolean }> {
      return db.transaction().execute(async (transaction) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${`conduit.jobs:${tenantId}:${job}`}, 0))`.execute(
          transaction,
        );
        const active = await transaction
          .selectFrom('job_runs')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('job', '=', job)
          .where('outcome', 'in', [...ACTIVE_OUTCOMES])
          .orderBy('started_at', 'desc')
          .executeTakeFirst();
        if (active) return { run: present(active), created: false };
        const row = await transaction
          .insertInto('job_runs')
          .values({
            id: `${REQUESTED}${randomUUID()}`,
            tenant_id: tenantId,
            job,
            scheduled_for: at,
            started_at: at,
            outcome: 'requested',
            counts: {},
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { run: present(row), created: true };
      });
    },

    /** Marks a requested run as handed to the queue. */
    async markQueued(id: string): Promise<void> {
      await db
        .updateTable('job_runs')
        .set({ outcome: 'queued' })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('outcome', '=', 'requested')
        .execute();
    },

    /**
     * Starts a run: creates it (a scheduled one), or takes a requested or queued one, or resumes one that
     * an earlier attempt left running; a finished run is left as it is.
     */
    async start(request: RunRequest, at: Date): Promise<StartedRun> {
      const created = await db
        .insertInto('job_runs')
        .values({
          id: request.id,
          tenant_id: tenantId,
          job: request.job,
          scheduled_for: request.scheduledFor,
          started_at: at,
          outcome: 'running',
          counts: {},
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (created) return { status: 'started', run: present(created) };
      const taken = await db
        .updateTable('job_runs')
        .set({ outcome: 'running', started_at: at })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', request.id)
        .where('outcome', 'in', ['requested', 'queued'])
        .returningAll()
        .executeTakeFirst();
      if (taken) return { status: 'started', run: present(taken) };
      const run = await get(request.id);
      if (!run) throw new Error(`The run ${request.id} belongs to another tenant.`);
      return run.outcome === 'running' ? { status: 'resumed', run } : { status: 'finished', run };
    },

    /** Adds to a run's counts (inside an item's transaction, they land with the item). */
    async addCounts(id: string, counts: JobCounts): Promise<void> {
      const delta = Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0));
      if (Object.keys(delta).length === 0) return;
      await sql`
        update job_runs set counts = (
          select coalesce(jsonb_object_agg(parts.key, parts.total), '{}'::jsonb)
          from (
            select key, sum(value::bigint) as total
            from (
              select key, value from jsonb_each_text(job_runs.counts)
              union all
              select key, value from jsonb_each_text(${JSON.stringify(delta)}::jsonb)
            ) as entries (key, value)
            group by key
          ) as parts
        )
        where tenant_id = ${tenantId} and id = ${id}
      `.execute(db);
    },

    /** Keeps the error of an attempt that will be retried, the run staying `running`. */
    async noteError(id: string, error: string): Promise<void> {
      await db
        .updateTable('job_runs')
        .set({ error: error.slice(0, ERROR_LENGTH) })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Finishes a run with its outcome; `names` are the counts the job keeps, shown as 0 when nothing
     * added to them.
     */
    async finish(
      id: string,
      outcome: 'succeeded' | 'failed',
      at: Date,
      error: string | null,
      names: readonly string[] = [],
    ): Promise<JobRun | undefined> {
      const zeros = JSON.stringify(Object.fromEntries(names.map((name) => [name, 0])));
      const row = await db
        .updateTable('job_runs')
        .set({
          outcome,
          finished_at: at,
          error: error?.slice(0, ERROR_LENGTH) ?? null,
          counts: sql`${zeros}::jsonb || counts`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && present(row);
    },

    /** The runs of a job, newest first (by start, then id), after the run `before` when given. */
    async list(job: JobName, { before, limit }: { before?: JobRun; limit: number }): Promise<JobRun[]> {
      let query = runs().where('job', '=', job);
      if (before)
        query = query.where((eb) =>
          eb(eb.refTuple('started_at', 'id'), '<', eb.tuple(new Date(before.startedAt), before.id)),
        );
      const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(present);
    },

    /** The most recent run of a job, if any. */
    async latest(job: JobName): Promise<JobRun | undefined> {
      const row = await runs()
        .where('job', '=', job)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row && present(row);
    },

    /** When the last scheduled run of a job was for, if it ever ran on its schedule. */
    async lastScheduledFor(job: JobName): Promise<Date | undefined> {
      const row = await db
        .selectFrom('job_runs')
        .select((eb) => eb.fn.max('scheduled_for').as('last'))
        .where('tenant_id', '=', tenantId)
        .where('job', '=', job)
        .where('id', 'like', `${SCHEDULED}%`)
        .executeTakeFirst();
      return row?.last ?? undefined;
    },
  };
}

/** The job runs of one tenant (see `jobRuns`). */
export type JobRuns = ReturnType<typeof jobRuns>;

/**
 * The runs of every tenant in `outcomes` (oldest first, at most `limit`), for the schedulers: each row
 * names its tenant, and everything done with it afterwards goes through that tenant's `jobRuns`.
 */
export async function runsAcrossTenants(
  db: Kysely<Database>,
  outcomes: readonly RunOutcome[],
  limit = 100,
): Promise<{ id: string; tenantId: string; job: JobName; scheduledFor: Date }[]> {
  const rows = await db
    .selectFrom('job_runs')
    .select(['id', 'tenant_id', 'job', 'scheduled_for'])
    .where('outcome', 'in', [...outcomes])
    .orderBy('started_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    job: row.job as JobName,
    scheduledFor: row.scheduled_for,
  }));
}

/**
 * Fails the runs left `queued` or `running` since before `cutoff`, across tenants: runs no attempt can still
 * be working on (the queue gives up on a run after its last retry, and a worker killed on that last attempt
 * leaves it unfinished), so that the job can be asked for again. Returns how many were failed.
 */
export async function abandonRunsStartedBefore(db: Kysely<Database>, cutoff: Date, at: Date): Promise<number> {
  const rows = await db
    .updateTable('job_runs')
    .set({
      outcome: 'failed',
      finished_at: at,
      error: 'Abandoned: no attempt finished this run before the queue gave up on it.',
    })
    .where('outcome', 'in', ['queued', 'running'])
    .where('started_at', '<', cutoff)
    .returning('id')
    .execute();
  return rows.length;
}
