import { sql, type Kysely } from 'kysely';

/**
 * Job runs not finished yet (asked for through the API, queued, running), which every scheduler instance
 * looks for every few seconds: a small partial index, so that the look stays cheap however many finished
 * runs the table keeps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index job_runs_unfinished on job_runs (started_at) where outcome in ('requested', 'queued', 'running')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('job_runs_unfinished').execute();
}
