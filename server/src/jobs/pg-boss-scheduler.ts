import { createHash } from 'node:crypto';
import type { Clock } from '@conduit/core';
import type { Kysely } from 'kysely';
import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { Database } from '../store/schema.js';
import { isJobName, JOB_NAMES, type JobName } from './catalog.js';
import { lastTick } from './cron.js';
import { abandonRunsStartedBefore, jobRuns, runsAcrossTenants, scheduledRunId, type RunRequest } from './job-runs.js';
import type { JobSettings } from './job-settings.js';
import { executeRun, type JobLogger } from './run-job.js';
import type { JobScheduler } from './scheduler.js';
import { TenantSchedules } from './tenant-schedules.js';

/** What a job in the queue carries: whose run of which job, and either its run (on demand) or its schedule. */
interface QueuedRun {
  tenantId: string;
  job: JobName;
  /** A run asked for through the API. */
  runId?: string;
  /** A scheduled tick: the cron expression and time zone it came from. */
  cron?: string;
  timeZone?: string;
}

/** The pg-boss queue of a job. */
export const queueOf = (job: JobName) => `conduit.${job}`;

/**
 * The key of a tenant's schedule in pg-boss (letters, digits, `_ . - /` only): the tenant id when it fits,
 * otherwise a digest of it (the tenant id itself travels in the job's data).
 */
export function scheduleKeyOf(tenantId: string): string {
  return /^[\w.\-/]{1,200}$/.test(tenantId)
    ? tenantId
    : `t-${createHash('sha256').update(tenantId).digest('hex').slice(0, 40)}`;
}

/** A UUID derived from a run id: the queue's job id for that run, so that sending it twice queues it once. */
function queueJobIdOf(runId: string): string {
  const hex = createHash('sha256').update(runId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What the PostgreSQL scheduler needs. */
export interface PgBossSchedulerOptions {
  url: string;
  db: Kysely<Database>;
  clock: Clock;
  log: JobLogger;
  settings: JobSettings;
}

/**
 * The scheduler on PostgreSQL, over pg-boss: each tenant's jobs are pg-boss schedules (its program's cron
 * expressions and time zone, keyed by tenant), which pg-boss turns into one queued job per tick however many
 * instances run (its cron pass claims each tick once); each instance's workers take queued jobs with
 * `SKIP LOCKED`, so a run executes in one instance. A worker beats a heartbeat while it runs; a run whose
 * worker died (or that outlives its expiry) is failed by pg-boss's supervision and retried, and the retry
 * resumes the same run (its id is derived from the tenant, the job and the tick). Runs asked for through
 * the API (`requested` in `job_runs`) are sent to the same queues by whichever instance sees them first,
 * under a job id derived from the run, so they are queued once.
 *
 * Schedules follow the programs: they are read again every `syncIntervalSeconds` (and at start), so a
 * newly published program's schedules take effect within that interval on every instance.
 */
export class PgBossScheduler implements JobScheduler {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly schedules: TenantSchedules;
  private readonly stopping = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private syncing: Promise<void> | undefined;
  private dispatching: Promise<void> | undefined;

  constructor(private readonly options: PgBossSchedulerOptions) {
    const { url, db, log, settings } = options;
    this.boss = new PgBoss({
      connectionString: url,
      application_name: 'conduit-jobs',
      max: 4,
      superviseIntervalSeconds: settings.superviseIntervalSeconds,
      monitorIntervalSeconds: settings.superviseIntervalSeconds,
      openTelemetry: { enabled: false },
    });
    this.boss.on('error', (error: unknown) => log.error({ err: error }, 'The job queue (pg-boss) reported an error'));
    this.schedules = new TenantSchedules(db, log);
  }

  async start(): Promise<void> {
    const { settings } = this.options;
    await this.boss.start();
    const queueOptions = {
      expireInSeconds: settings.expireInSeconds,
      heartbeatSeconds: settings.heartbeatSeconds,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
    };
    for (const job of JOB_NAMES) {
      const queue = queueOf(job);
      if (await this.boss.getQueue(queue)) await this.boss.updateQueue(queue, queueOptions);
      else await this.boss.createQueue(queue, queueOptions);
      await this.boss.work(
        queue,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: settings.pollIntervalSeconds },
        async ([queued]: JobWithMetadata<QueuedRun>[]) => {
          if (queued) await this.handle(queued);
        },
      );
    }
    await this.sync();
    await this.dispatch();
    this.every(settings.syncIntervalSeconds, () => this.sync());
    this.every(settings.pollIntervalSeconds, () => this.dispatch());
    this.every(settings.syncIntervalSeconds, () => this.abandonStale());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort(new Error('The server is shutting down; the run resumes in another attempt.'));
    await Promise.allSettled([this.syncing, this.dispatching]);
    await this.boss.stop({ graceful: true, timeout: 15_000 });
  }

  /** Brings pg-boss's schedules in line with every tenant's program in force. */
  sync(): Promise<void> {
    this.syncing ??= this.syncSchedules().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncSchedules(): Promise<void> {
    const tenants = await this.schedules.read();
    for (const job of JOB_NAMES) {
      const queue = queueOf(job);
      const existing = new Map((await this.boss.getSchedules(queue)).map((schedule) => [schedule.key, schedule]));
      const wanted = new Set<string>();
      for (const { tenantId, timeZone, crons } of tenants) {
        const cron = crons[job];
        if (cron === null) continue;
        const key = scheduleKeyOf(tenantId);
        wanted.add(key);
        const found = existing.get(key);
        if (found?.cron === cron && found.timezone === timeZone) continue;
        const data: QueuedRun = { tenantId, job, cron, timeZone };
        await this.boss.schedule(queue, cron, data, { tz: timeZone, key, missed: 'once' });
        this.options.log.info({ tenantId, job, cron, timeZone }, 'Job scheduled');
      }
      for (const key of existing.keys()) {
        if (wanted.has(key)) continue;
        await this.boss.unschedule(queue, key);
        this.options.log.info({ job, key }, 'Job unscheduled');
      }
    }
  }

  /** Sends the runs asked for through the API to their queues. */
  dispatch(): Promise<void> {
    this.dispatching ??= this.dispatchRequested().finally(() => (this.dispatching = undefined));
    return this.dispatching;
  }

  private async dispatchRequested(): Promise<void> {
    for (const run of await runsAcrossTenants(this.options.db, ['requested'])) {
      const data: QueuedRun = { tenantId: run.tenantId, job: run.job, runId: run.id };
      await this.boss.send(queueOf(run.job), data, { id: queueJobIdOf(run.id) });
      await jobRuns(this.options.db, run.tenantId).markQueued(run.id);
    }
  }

  /**
   * Fails the runs that no attempt can still finish: older than every attempt the queue allows could take
   * (each up to its expiry, with its retry delay), with an hour's margin for a run waiting in the queue.
   */
  async abandonStale(): Promise<void> {
    const { settings, db, clock, log } = this.options;
    const attempts = settings.retryLimit + 1;
    const longest = (settings.expireInSeconds + settings.retryDelaySeconds) * attempts + 3600;
    const now = clock.now();
    const failed = await abandonRunsStartedBefore(db, new Date(now.getTime() - longest * 1000), now);
    if (failed > 0) log.warn({ failed }, 'Job runs no attempt finished were marked failed');
  }

  private async handle(queued: JobWithMetadata<QueuedRun>): Promise<void> {
    const { tenantId, job, runId, cron, timeZone } = queued.data;
    if (!isJobName(job)) throw new Error(`The queue holds a job of an unknown kind: ${String(job)}.`);
    let request: RunRequest;
    if (runId !== undefined) request = { id: runId, tenantId, job, scheduledFor: queued.createdOn };
    else if (cron !== undefined && timeZone !== undefined) {
      // The tick this job was sent for: the last one at or before pg-boss created it.
      const scheduledFor = lastTick(cron, timeZone, queued.createdOn);
      request = { id: scheduledRunId(tenantId, job, scheduledFor), tenantId, job, scheduledFor };
    } else throw new Error(`A queued ${job} job names neither a run nor a schedule.`);
    const signal = AbortSignal.any([queued.signal, this.stopping.signal]);
    await executeRun(this.options, request, { signal, finalAttempt: queued.retryCount >= queued.retryLimit });
  }

  private every(seconds: number, work: () => Promise<void>): void {
    const timer = setInterval(() => {
      work().catch((error: unknown) => this.options.log.error({ err: error }, 'A scheduler task failed'));
    }, seconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }
}
