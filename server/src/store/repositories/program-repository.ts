import { parseProgram, type Program, type ProgramRepository, type PublishedProgram } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

function published(row: { version: number; published_at: Date; program: Record<string, unknown> }): PublishedProgram {
  const parsed = parseProgram(row.program);
  if (!parsed.success)
    throw new Error(`Program version ${row.version} in the store no longer parses: ${parsed.issues[0]!.message}`);
  return { version: row.version, publishedAt: row.published_at.toISOString(), program: parsed.data };
}

/** The tenant's program versions: the highest version is in force; publishing appends the next one. */
export function programRepository(
  db: Kysely<Database>,
  tenantId: string,
  publishedBy: string | null = null,
): ProgramRepository {
  const versions = () =>
    db.selectFrom('program_versions').select(['version', 'published_at', 'program']).where('tenant_id', '=', tenantId);
  return {
    async current() {
      const row = await versions().orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row && published(row);
    },
    async version(version) {
      const row = await versions().where('version', '=', version).executeTakeFirst();
      return row && published(row);
    },
    async publish(program: Program, { expectedVersion }) {
      const stale = (found: number | null) => ({
        success: false as const,
        issues: [
          {
            path: ['expectedVersion'],
            code: 'stale_write',
            message: `The program is at version ${found ?? 'none'}, not ${expectedVersion ?? 'none'} as read: reload it and publish again.`,
          },
        ],
      });
      const latest = (await versions().orderBy('version', 'desc').limit(1).executeTakeFirst())?.version ?? null;
      if (latest !== expectedVersion) return stale(latest);
      const version = (latest ?? 0) + 1;
      const publishedAt = new Date();
      // The primary key (tenant, version) refuses a publication that raced this one.
      const inserted = await db
        .insertInto('program_versions')
        .values({
          tenant_id: tenantId,
          version,
          published_at: publishedAt,
          published_by: publishedBy,
          program: program as unknown as Record<string, unknown>,
        })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'version']).doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) return stale(version);
      return { success: true, data: { version, publishedAt: publishedAt.toISOString(), program } };
    },
  };
}
