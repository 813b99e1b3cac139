import { parseProgram, type Program, type ProgramRepository, type PublishedProgram } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

function published(row: { version: number; published_at: Date; program: Record<string, unknown> }): PublishedProgram {
  const parsed = parseProgram(row.program);
  if (!parsed.success)
    throw new Error(`Program version ${row.version} in the store no longer parses: ${parsed.issues[0]!.message}`);
  return { version: row.version, publishedAt: row.published_at.toISOString(), program: parsed.data };
}

/**
 * Published programs already read and parsed, by tenant and version, for one database. A published version
 * never changes (publishing appends the next one), so a version read once can be served from here: reading
 * the program in force is then one small query instead of fetching and validating the whole document. An
 * entry is used only when the version's publication time matches too, so that a version read inside a
 * transaction that was then rolled back can never stand for the one published after it.
 */
export class ProgramCache {
  static readonly #byDatabase = new WeakMap<object, ProgramCache>();
  readonly #programs = new Map<string, PublishedProgram>();

  /** The cache of a database (the root Kysely instance; transactions share their database's cache). */
  static of(database: object): ProgramCache {
    let cache = ProgramCache.#byDatabase.get(database);
    if (!cache) ProgramCache.#byDatabase.set(database, (cache = new ProgramCache()));
    return cache;
  }

  get(tenantId: string, version: number): PublishedProgram | undefined {
    return this.#programs.get(`${tenantId}\u0000${version}`);
  }

  set(tenantId: string, program: PublishedProgram): void {
    if (this.#programs.size >= 10_000) this.#programs.clear();
    this.#programs.set(`${tenantId}\u0000${program.version}`, program);
  }
}

/** The tenant's program versions: the highest version is in force; publishing appends the next one. */
export function programRepository(
  db: Kysely<Database>,
  tenantId: string,
  cache: ProgramCache = ProgramCache.of(db),
  publishedBy: string | null = null,
): ProgramRepository {
  const versions = () => db.selectFrom('program_versions').where('tenant_id', '=', tenantId);
  const read = async (version: number, publishedAt?: Date): Promise<PublishedProgram | undefined> => {
    const cached = cache.get(tenantId, version);
    if (cached && publishedAt && cached.publishedAt === publishedAt.toISOString()) return cached;
    const row = await versions()
      .select(['version', 'published_at', 'program'])
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const program = published(row);
    cache.set(tenantId, program);
    return program;
  };
  return {
    async current() {
      const row = await versions()
        .select(['version', 'published_at'])
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && read(row.version, row.published_at);
    },
    async version(version) {
      const row = await versions().select('published_at').where('version', '=', version).executeTakeFirst();
      return row && read(version, row.published_at);
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
      const latest =
        (await versions().select('version').orderBy('version', 'desc').limit(1).executeTakeFirst())?.version ?? null;
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
