import type { Program } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { tenantStore } from '../store/tenant-store.js';
import { cronOf, JOB_NAMES, type JobName } from './catalog.js';
import type { JobLogger } from './run-job.js';

/** When one tenant's jobs run: the cron expression of each (`null`: only on demand), in the program's time zone. */
export interface TenantSchedule {
  tenantId: string;
  /** The program version the schedules come from. */
  version: number;
  timeZone: string;
  crons: Record<JobName, string | null>;
}

/** The schedules a program states. */
export function schedulesOf(tenantId: string, version: number, program: Program): TenantSchedule {
  const crons = Object.fromEntries(JOB_NAMES.map((job) => [job, cronOf(program, job)])) as Record<
    JobName,
    string | null
  >;
  return { tenantId, version, timeZone: program.fiscalCalendar.timeZone, crons };
}

/**
 * Reads every tenant's schedules from its program in force. Programs are parsed only when a tenant
 * publishes a new version, so reading again every minute costs one small query.
 */
export class TenantSchedules {
  private readonly known = new Map<string, TenantSchedule>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: JobLogger,
  ) {}

  /** Every tenant with a program, and its schedules; a tenant whose program no longer parses is left out (and logged). */
  async read(): Promise<TenantSchedule[]> {
    const latest = await this.db
      .selectFrom('program_versions')
      .select(['tenant_id', (eb) => eb.fn.max('version').as('version')])
      .groupBy('tenant_id')
      .orderBy('tenant_id')
      .execute();
    const schedules: TenantSchedule[] = [];
    for (const { tenant_id: tenantId, version } of latest) {
      let schedule = this.known.get(tenantId);
      if (schedule?.version !== version) {
        try {
          const published = await tenantStore(this.db, tenantId).programs.version(version);
          schedule = published && schedulesOf(tenantId, version, published.program);
        } catch (error) {
          this.log.error(
            { tenantId, version, err: error },
            'The tenant’s program in force cannot be read; its jobs are not scheduled',
          );
          schedule = undefined;
        }
        if (schedule) this.known.set(tenantId, schedule);
        else this.known.delete(tenantId);
      }
      if (schedule) schedules.push(schedule);
    }
    return schedules;
  }
}
