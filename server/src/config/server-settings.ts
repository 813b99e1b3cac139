import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from '../store/database.js';

/** How the server runs: where it listens, where its data lives, whether to seed the demo tenant. */
export interface ServerSettings {
  host: string;
  port: number;
  store: StoreLocation;
  /** Create the demo tenant with the demo program and data when the store has none. */
  seedDemo: boolean;
  logLevel: string;
}

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Reads the settings from the environment:
 * - `DATABASE_URL`: a PostgreSQL server; without it, the embedded PGlite store in `CONDUIT_DATA_DIR`
 *   (default `.conduit/` at the repository root), or in memory when `CONDUIT_MEMORY=1`;
 * - `HOST` (default 127.0.0.1), `PORT` (default 3000), `LOG_LEVEL` (default info);
 * - `CONDUIT_DEMO=0` to skip seeding the demo tenant.
 * Throws on a malformed port: a misconfigured deployment should not start.
 */
export function settingsFromEnvironment(environment: NodeJS.ProcessEnv): ServerSettings {
  const port = environment.PORT === undefined || environment.PORT === '' ? 3000 : Number(environment.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, but it is "${environment.PORT}".`);
  }
  const store: StoreLocation = environment.DATABASE_URL
    ? { kind: 'postgres', url: environment.DATABASE_URL }
    : {
        kind: 'pglite',
        dataDir:
          environment.CONDUIT_MEMORY === '1'
            ? null
            : path.resolve(environment.CONDUIT_DATA_DIR || path.join(REPOSITORY_ROOT, '.conduit')),
      };
  return {
    host: environment.HOST || '127.0.0.1',
    port,
    store,
    seedDemo: environment.CONDUIT_DEMO !== '0',
    logLevel: environment.LOG_LEVEL || 'info',
  };
}
