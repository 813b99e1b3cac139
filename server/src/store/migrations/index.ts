import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './0001-initial.js';
import * as jobs from './0002-jobs.js';

/** The migrations, in order, compiled into the server (no files are read at run time). */
export const migrations: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '0001-initial': initial, '0002-jobs': jobs };
  },
};
