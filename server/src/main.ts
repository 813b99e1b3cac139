/**
 * `npm start`: runs the Conduit server. Without DATABASE_URL it uses the embedded PGlite store in
 * `.conduit/` and seeds the demo tenant on first start; it prints where the API and its docs are.
 * Stops gracefully on SIGINT and SIGTERM (requests in flight finish, the database closes).
 */
import { settingsFromEnvironment } from './config/server-settings.js';
import { DEMO_TOKEN, ensureDemoTenant } from './demo/demo-tenant.js';
import { buildApp, SERVICE } from './http/app.js';
import { jobSettingsFromEnvironment } from './jobs/job-settings.js';
import { startScheduler } from './jobs/scheduler.js';
import { openDatabase } from './store/database.js';

const settings = settingsFromEnvironment(process.env);
const started = performance.now();
const database = await openDatabase(settings.store);
const clock = { now: () => new Date() };
const app = await buildApp({ db: database.db, clock, logger: { level: settings.logLevel } });

let demo: { created: boolean } | undefined;
if (settings.seedDemo) demo = await ensureDemoTenant(database.db);

// Scheduled jobs: pg-boss on PostgreSQL (once per tick across instances), in-process on PGlite.
const scheduler = await startScheduler({
  db: database.db,
  location: settings.store,
  clock,
  log: app.log,
  settings: jobSettingsFromEnvironment(process.env),
});

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'Shutting down');
  app
    .close()
    .then(() => scheduler.stop())
    .then(() => database.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
};
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));

const address = await app.listen({ host: settings.host, port: settings.port });
const where =
  settings.store.kind === 'postgres'
    ? 'PostgreSQL (DATABASE_URL)'
    : settings.store.dataDir
      ? `PGlite in ${settings.store.dataDir}`
      : 'PGlite in memory';
process.stdout.write(
  `\n${SERVICE.description}\n` +
    `  API:       ${address}/api/v1\n` +
    `  API docs:  ${address}/docs\n` +
    `  Store:     ${where}\n` +
    `  Jobs:      ${scheduler.kind === 'off' ? 'off (CONDUIT_JOBS=0)' : `${scheduler.kind} scheduler`}\n` +
    (demo ? `  Demo:      tenant "demo", token ${DEMO_TOKEN}${demo.created ? ' (just created)' : ''}\n` : '') +
    `  Ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.\n\n`,
);
