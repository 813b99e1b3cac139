import type { Clock } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { tenantStore } from '../store/tenant-store.js';
import { JOBS } from './catalog.js';
import type { JobProgress } from './job-runner.js';
import { jobRuns, type JobRun, type RunRequest } from './job-runs.js';

/** Where the schedulers log (pino's interface, as Fastify's logger has it). */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What running a job needs: the database, the time, and where to log. */
export interface RunContext {
  db: Kysely<Database>;
  clock: Clock;
  log: JobLogger;
}

/** How one attempt at a run goes: when to stop, and whether a failure is final (no retry follows). */
export interface AttemptOptions {
  signal?: AbortSignal;
  finalAttempt?: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Executes one attempt at a run: starts it (or resumes one an earlier attempt left running, or does
 * nothing when it is already finished), runs the job on the tenant's program in force with its counts kept
 * in the run inside each item's transaction, and finishes it. A failure is final when no retry follows
 * (`failed`, with the error); otherwise the error is kept on the run and thrown for the queue to retry.
 * An attempt told to stop throws and leaves the run `running`, for the next attempt to resume.
 */
export async function executeRun(
  { db, clock, log }: RunContext,
  request: RunRequest,
  { signal, finalAttempt = true }: AttemptOptions = {},
): Promise<JobRun | undefined> {
  const runs = jobRuns(db, request.tenantId);
  const details = { runId: request.id, tenantId: request.tenantId, job: request.job };
  const started = await runs.start(request, clock.now());
  if (started.status === 'finished') {
    log.info({ ...details, outcome: started.run.outcome }, 'Job run already finished; nothing to do');
    return started.run;
  }
  if (started.status === 'resumed')
    log.warn({ ...details, counts: started.run.counts }, 'Resuming a job run whose last attempt did not finish');
  else log.info(details, 'Job run started');

  try {
    const store = tenantStore(db, request.tenantId);
    const published = await store.programs.current();
    if (!published) {
      const error = 'No program is published for this tenant: publish one with PUT /api/v1/program.';
      log.warn(details, error);
      return await runs.finish(request.id, 'failed', clock.now(), error);
    }
    const progress: JobProgress = {
      add: (transaction, counts) => jobRuns(transaction.db, request.tenantId).addCounts(request.id, counts),
    };
    const totals = await JOBS[request.job].run(store, clock, published.program, {
      progress,
      ...(signal ? { signal } : {}),
    });
    const run = await runs.finish(request.id, 'succeeded', clock.now(), null, Object.keys(totals));
    log.info({ ...details, counts: run?.counts }, 'Job run succeeded');
    return run;
  } catch (error) {
    if (signal?.aborted) {
      log.warn({ ...details, reason: messageOf(error) }, 'Job run interrupted; its next attempt resumes it');
      throw error;
    }
    log.error({ ...details, err: error, finalAttempt }, 'Job run failed');
    if (finalAttempt) return runs.finish(request.id, 'failed', clock.now(), messageOf(error));
    await runs.noteError(request.id, `An attempt failed and will be retried: ${messageOf(error)}`);
    throw error;
  }
}
