import type { Clock } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { JOB_NAMES, type JobName } from './catalog.js';
import { lastTick, nextTick } from './cron.js';
import { jobRuns, runsAcrossTenants, scheduledRunId, type RunRequest } from './job-runs.js';
import type { JobSettings } from './job-settings.js';
import { executeRun, type JobLogger } from './run-job.js';
import type { JobScheduler } from './scheduler.js';
import { TenantSchedules } from './tenant-schedules.js';

/** A tenant's job on its schedule, and its next tick. */
interface Entry {
  tenantId: string;
  job: JobName;
  cron: string;
  timeZone: string;
  next: Date;
}

/** What the in-process scheduler needs; `timers: false` leaves ticking to the caller (tests). */
export interface InProcessSchedulerOptions {
  db: Kysely<Database>;
  clock: Clock;
  log: JobLogger;
  settings: JobSettings;
  timers?: boolean;
}

/**
 * The scheduler of the embedded PGlite store, which one process opens, so that it needs no coordination:
 * it keeps each tenant's next tick (its program's cron expressions and time zone, by the clock given),
 * and runs due ticks and the runs asked for through the API one after the other. At start it resumes the
 * runs a killed process left `running` (the jobs skip what those runs already did), and catches up once on
 * a schedule that ticked while the process was down (when the job had run on its schedule before).
 */
export class InProcessScheduler implements JobScheduler {
  readonly kind = 'in-process' as const;
  private readonly schedules: TenantSchedules;
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: RunRequest[] = [];
  private readonly held = new Set<string>();
  private readonly stopping = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  private draining: Promise<void> | undefined;

  constructor(private readonly options: InProcessSchedulerOptions) {
    this.schedules = new TenantSchedules(options.db, options.log);
  }

  async start(): Promise<void> {
    for (const run of await runsAcrossTenants(this.options.db, ['running', 'queued'], 1000)) this.enqueue(run);
    await this.sync();
    await this.tick();
    if (this.options.timers === false) return;
    this.every(this.options.settings.pollIntervalSeconds, () => this.tick());
    this.every(this.options.settings.syncIntervalSeconds, () => this.sync());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort(new Error('The server is shutting down; the run resumes at the next start.'));
    await this.draining;
  }

  async sync(): Promise<void> {
    const now = this.options.clock.now();
    const wanted = new Set<string>();
    for (const { tenantId, timeZone, crons } of await this.schedules.read()) {
      for (const job of JOB_NAMES) {
        const cron = crons[job];
        if (cron === null) continue;
        const key = `${tenantId}\n${job}`;
        wanted.add(key);
        const known = this.entries.get(key);
        if (known?.cron === cron && known.timeZone === timeZone) continue;
        this.entries.set(key, { tenantId, job, cron, timeZone, next: nextTick(cron, timeZone, now) });
        if (!known) await this.catchUp(tenantId, job, lastTick(cron, timeZone, now));
      }
    }
    for (const key of this.entries.keys()) if (!wanted.has(key)) this.entries.delete(key);
  }

  /** Queues the ticks that have come, and the runs asked for through the API, and runs them in turn. */
  async tick(): Promise<void> {
    const now = this.options.clock.now();
    for (const entry of this.entries.values()) {
      if (entry.next > now) continue;
      // However many ticks passed, one run: for the latest (or for the one due, when a daylight-saving
      // change skipped its time and it runs an hour later).
      const latest = lastTick(entry.cron, entry.timeZone, now);
      const scheduledFor = latest > entry.next ? latest : entry.next;
      this.enqueue({ ...entry, id: scheduledRunId(entry.tenantId, entry.job, scheduledFor), scheduledFor });
      entry.next = nextTick(entry.cron, entry.timeZone, now);
    }
    for (const run of await runsAcrossTenants(this.options.db, ['requested'])) this.enqueue(run);
    this.drain();
  }

  /** Resolves once every run queued so far has finished. */
  async idle(): Promise<void> {
    while ((this.draining || this.waiting.length > 0) && !this.stopping.signal.aborted) {
      this.drain();
      await this.draining;
    }
  }

  /** A tick missed while the process was down: run once for the latest, if the job ran on its schedule before. */
  private async catchUp(tenantId: string, job: JobName, latest: Date): Promise<void> {
    const last = await jobRuns(this.options.db, tenantId).lastScheduledFor(job);
    if (last && last < latest)
      this.enqueue({ id: scheduledRunId(tenantId, job, latest), tenantId, job, scheduledFor: latest });
  }

  private enqueue(request: RunRequest): void {
    if (this.held.has(request.id) || this.stopping.signal.aborted) return;
    this.held.add(request.id);
    this.waiting.push({
      id: request.id,
      tenantId: request.tenantId,
      job: request.job,
      scheduledFor: request.scheduledFor,
    });
  }

  private drain(): void {
    this.draining ??= (async () => {
      for (let request = this.waiting.shift(); request; request = this.waiting.shift()) {
        if (this.stopping.signal.aborted) return;
        try {
          await executeRun(this.options, request, { signal: this.stopping.signal, finalAttempt: true });
        } catch (error) {
          if (!this.stopping.signal.aborted)
            this.options.log.error({ err: error, runId: request.id }, 'A job run could not be executed');
        } finally {
          this.held.delete(request.id);
        }
      }
    })().finally(() => (this.draining = undefined));
  }

  private every(seconds: number, work: () => Promise<void>): void {
    const timer = setInterval(() => {
      work().catch((error: unknown) => this.options.log.error({ err: error }, 'A scheduler task failed'));
    }, seconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }
}
