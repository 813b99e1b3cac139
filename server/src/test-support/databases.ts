import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../store/database.js';

/** The store backends every integration test runs against. */
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** The PostgreSQL server the tests use: `CONDUIT_TEST_POSTGRES` or the local one (trust authentication). */
export const TEST_POSTGRES_SERVER = process.env.CONDUIT_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';

/** A database opened for one test file, with a way to throw it away. */
export interface TestDatabase extends OpenDatabase {
  backend: Backend;
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
  /** For PostgreSQL, the URL of the fresh database (to start a server process on it). */
  url: string | null;
}

async function administer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${TEST_POSTGRES_SERVER}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Waits (up to 5 s) until no session uses the database: the pool's `end()` returns before they close. */
async function untilUnused(client: pg.Client, name: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 20) {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A fresh, migrated database: PGlite in memory, or a new database on the PostgreSQL server, named uniquely
 * so that test files running in parallel never share one.
 */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const open = await openDatabase({ kind: 'pglite', dataDir: null });
    return { ...open, backend, url: null, dispose: () => open.close() };
  }
  const name = `conduit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await administer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = `${TEST_POSTGRES_SERVER}/${name}`;
  const open = await openDatabase({ kind: 'postgres', url });
  return {
    ...open,
    backend,
    url,
    async dispose() {
      await open.close();
      await administer(async (client) => {
        await untilUnused(client, name);
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
