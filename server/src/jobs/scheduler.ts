import type { Clock } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { StoreLocation } from '../store/database.js';
import type { Database } from '../store/schema.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import type { JobSettings } from './job-settings.js';
import { PgBossScheduler } from './pg-boss-scheduler.js';
import type { JobLogger } from './run-job.js';

/** What runs the tenants' scheduled jobs, and the runs asked for through the API. */
export interface JobScheduler {
  /** `pg-boss` on PostgreSQL, `in-process` on the embedded PGlite store, `off` when this instance runs no jobs. */
  readonly kind: 'pg-boss' | 'in-process' | 'off';
  start(): Promise<void>;
  /** Stops taking runs; a run in hand stops after its current item and is resumed by a later attempt. */
  stop(): Promise<void>;
  /** Reads every tenant's schedules from its program in force again (also done periodically). */
  sync(): Promise<void>;
}

/** What a scheduler needs: the store, where it lives, the time, where to log, and the job settings. */
export interface SchedulerOptions {
  db: Kysely<Database>;
  location: StoreLocation;
  clock: Clock;
  log: JobLogger;
  settings: JobSettings;
}

const off: JobScheduler = {
  kind: 'off',
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  sync: () => Promise.resolve(),
};

/**
 * The scheduler for a store: pg-boss on PostgreSQL (`DATABASE_URL`), where several instances share the
 * runs and each scheduled run executes once; an in-process scheduler on the embedded PGlite store, which
 * only one process opens. Off when the settings say this instance runs no jobs.
 */
export function createScheduler({ db, location, clock, log, settings }: SchedulerOptions): JobScheduler {
  if (!settings.enabled) return off;
  return location.kind === 'postgres'
    ? new PgBossScheduler({ url: location.url, db, clock, log, settings })
    : new InProcessScheduler({ db, clock, log, settings });
}

/** Creates the scheduler for a store (see `createScheduler`) and starts it. */
export async function startScheduler(options: SchedulerOptions): Promise<JobScheduler> {
  const scheduler = createScheduler(options);
  await scheduler.start();
  return scheduler;
}
