import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/** Where the data lives: a PostgreSQL server, or the embedded PGlite in a folder or in memory. */
export type StoreLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };

/** An open database: Kysely over PostgreSQL or PGlite, migrated to the latest schema. */
export interface OpenDatabase {
  db: Kysely<Database>;
  location: StoreLocation;
  close(): Promise<void>;
}

// PostgreSQL `date` and `int8` come back as text: calendar dates are YYYY-MM-DD strings in the core, and
// sequence numbers may exceed 2^53.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Brings the schema up to date; fails loudly on a migration error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrations }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/**
 * Opens the store: PostgreSQL when a URL is given (a pool of connections; `onPoolError` hears of idle
 * connections lost), otherwise PGlite with its data in `dataDir` (created if needed) or in memory when
 * `dataDir` is null. The schema is migrated first.
 */
export async function openDatabase(
  location: StoreLocation,
  onPoolError: (error: Error) => void = (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`),
): Promise<OpenDatabase> {
  let db: Kysely<Database>;
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle connection the server drops (a restart, a terminated backend) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on('error', (error) => onPoolError(error));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (location.dataDir !== null) await mkdir(location.dataDir, { recursive: true });
    const parsers = { [pg.types.builtins.DATE]: (value: string) => value };
    const pglite = location.dataDir === null ? new PGlite({ parsers }) : new PGlite(location.dataDir, { parsers });
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  }
  await migrateToLatest(db);
  return { db, location, close: () => db.destroy() };
}
