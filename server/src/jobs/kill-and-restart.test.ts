/*
 * Acceptance: killing the server in the middle of a batch and starting it again completes the batch with no
 * registration, lead or ledger entry processed twice. The real server runs as a child process on a fresh
 * PostgreSQL database; the batch is asked for through the API, the process is killed with SIGKILL once some
 * but not all items are done, and a new process finishes it (pg-boss retries the runs whose worker went
 * silent, and each run resumes where the killed one stopped).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { addDays, calendarDateIn, ROUTING_DECISION, type LeadDistribution } from '@conduit/core';
import { sql } from 'kysely';
import { REPOSITORY_ROOT } from '../config/server-settings.js';
import { OFFER_EXPIRED } from '../store/routing/index.js';
import type { TenantStore } from '../store/tenant-store.js';
import { issueToken } from '../store/tenants.js';
import { freshDatabase, type TestDatabase } from '../test-support/databases.js';
import type { JobName } from './catalog.js';
import { jobRuns } from './job-runs.js';
import { REGISTRATION_EXPIRY } from './registration-expiry.js';
import {
  approvedRegistration,
  auditCounts,
  jobsProgram,
  lead,
  offer,
  partner,
  tenantWithProgram,
  wonDeal,
} from './test-support/job-fixtures.js';

const REGISTRATIONS = 3000;
const LEADS = 1500;
const PARTNERS = 300;
const DEALS_PER_PARTNER = 2;

/** A Conduit server process, and the address of its API. */
interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  api: string;
  output: string[];
}

/** Starts the real server on the database, as `npm start` would, and waits for its address. */
function startServer(url: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=conduit-source', '--import', 'tsx', path.join('server', 'src', 'main.ts')],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        CONDUIT_DEMO: '0',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        // A killed worker's runs are retried once it has been silent for 10 s (checked every second).
        CONDUIT_JOB_HEARTBEAT_SECONDS: '10',
        CONDUIT_JOB_SUPERVISE_SECONDS: '1',
        CONDUIT_JOB_RETRY_DELAY_SECONDS: '0',
        CONDUIT_JOB_POLL_SECONDS: '0.5',
      },
    },
  );
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output.join('')}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const api = /API:\s+(http:\/\/\S+\/api\/v1)/.exec(output.join(''))?.[1];
      if (api) {
        clearTimeout(timer);
        resolve({ child, api, output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it was ready:\n${output.join('')}`));
    });
  });
}

/** Kills a process at once (no shutdown of any kind) and waits until it is gone. */
function kill(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** Polls until `check` returns something, for at most `seconds`. */
async function eventually<T>(
  check: () => Promise<T | undefined>,
  seconds: number,
  what: string,
  every = 100,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

describe('killing the server in the middle of a batch (real PostgreSQL)', () => {
  let database: TestDatabase;
  let store: TenantStore;
  let token: string;
  const servers: ServerProcess[] = [];
  const partnerIds = Array.from({ length: PARTNERS }, (_, index) => `p-${String(index + 1).padStart(3, '0')}`);

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    // No schedule: the batch is the one asked for through the API.
    const program = jobsProgram({
      offerRecycling: null,
      registrationExpiry: null,
      tierEvaluation: null,
      accrualPosting: null,
    });
    store = await tenantWithProgram(database.db, 't-kill', program);
    token = await issueToken(database.db, store.tenantId, 'kill-and-restart');
    const now = new Date();
    const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
    const overdue = new Date(now.getTime() - 3600_000).toISOString();
    await store.transaction(async (transaction) => {
      for (const id of partnerIds) await transaction.partners.save(partner(id, 'silver'), { expectedVersion: null });
      for (let index = 0; index < REGISTRATIONS; index += 1) {
        const registration = approvedRegistration(
          `reg-${index + 1}`,
          partnerIds[index % PARTNERS]!,
          addDays(today, -3),
        );
        await transaction.registrations.save(registration, { expectedVersion: null });
      }
      for (let index = 0; index < LEADS; index += 1)
        await transaction.leads.save(lead(`lead-${index + 1}`), { expectedVersion: null });
      const committed = await transaction.routing.commit({
        distributions: Array.from({ length: LEADS }, (_, index) => ({
          record: offer(`lead-${index + 1}`, partnerIds[index % PARTNERS]!, overdue),
          expectedVersion: null,
        })),
      });
      if (!committed.success) throw new Error(committed.issues[0]!.message);
      for (const [index, id] of partnerIds.entries())
        for (let deal = 1; deal <= DEALS_PER_PARTNER; deal += 1) {
          const won = wonDeal(`deal-${index + 1}-${deal}`, id, 1_000_000 * deal, addDays(today, -30 * deal));
          await transaction.deals.save(won, { expectedVersion: null });
        }
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map(kill));
    await database.dispose();
  });

  /** How far the batch is: registrations expired, leads offered a second time, accrual postings. */
  const progress = async () => {
    const row = await sql<{ expired: string; reoffered: string; postings: string }>`
      select
        (select count(*) from records where tenant_id = ${store.tenantId} and kind = 'registration' and status = 'expired') as expired,
        (select count(*) from records where tenant_id = ${store.tenantId} and kind = 'lead_distribution' and (data->>'attempts')::int = 2) as reoffered,
        (select count(*) from ledger_postings where tenant_id = ${store.tenantId}) as postings
    `.execute(database.db);
    const found = row.rows[0]!;
    return { expired: Number(found.expired), reoffered: Number(found.reoffered), postings: Number(found.postings) };
  };

  const ask = async (server: ServerProcess, job: JobName) => {
    const response = await fetch(`${server.api}/jobs/${job}/runs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { run: { id: string } }).run.id;
  };

  it('completes the batch after a restart, each registration, lead and ledger entry processed exactly once', async () => {
    const first = await startServer(database.url!);
    servers.push(first);
    const runIds = {
      'registration-expiry': await ask(first, 'registration-expiry'),
      'offer-recycling': await ask(first, 'offer-recycling'),
      'accrual-posting': await ask(first, 'accrual-posting'),
    };

    // Some but not all items done: kill the process where it stands.
    const atKill = await eventually(
      async () => {
        const now = await progress();
        return now.expired > 0 && now.reoffered > 0 ? now : undefined;
      },
      60,
      'the batch to start',
      20,
    );
    await kill(first);
    const afterKill = await progress();
    expect(afterKill.expired).toBeGreaterThanOrEqual(atKill.expired);
    expect(afterKill.expired).toBeLessThan(REGISTRATIONS);
    expect(afterKill.reoffered).toBeLessThan(LEADS);
    const runs = jobRuns(database.db, store.tenantId);
    expect((await runs.get(runIds['registration-expiry']))?.outcome).toBe('running');
    expect((await runs.get(runIds['offer-recycling']))?.outcome).toBe('running');

    const second = await startServer(database.url!);
    servers.push(second);
    await eventually(
      async () => {
        const found = await Promise.all(Object.values(runIds).map((id) => runs.get(id)));
        return found.every((run) => run?.outcome === 'succeeded') ? found : undefined;
      },
      240,
      'the batch to complete after the restart',
      500,
    );

    // Every registration expired once: one version step, one audit entry, counted once.
    const registrations = await database.db
      .selectFrom('records')
      .select(['status', 'version', (eb) => eb.fn.countAll<string>().as('count')])
      .where('tenant_id', '=', store.tenantId)
      .where('kind', '=', 'registration')
      .groupBy(['status', 'version'])
      .execute();
    expect(registrations.map((row) => ({ ...row, count: Number(row.count) }))).toEqual([
      { status: 'expired', version: 2, count: REGISTRATIONS },
    ]);
    const expiries = await auditCounts(database.db, store.tenantId, REGISTRATION_EXPIRY);
    expect(expiries.size).toBe(REGISTRATIONS);
    expect([...expiries.values()].every((count) => count === 1)).toBe(true);
    expect((await runs.get(runIds['registration-expiry']))?.counts).toEqual({
      due: REGISTRATIONS,
      expired: REGISTRATIONS,
      skipped: 0,
    });

    // Every lead re-offered once, to another partner, with one expiry and one routing decision on record.
    const distributions = await database.db
      .selectFrom('records')
      .select(['version', 'data'])
      .where('tenant_id', '=', store.tenantId)
      .where('kind', '=', 'lead_distribution')
      .execute();
    expect(distributions).toHaveLength(LEADS);
    for (const { version, data } of distributions) {
      const record = data as unknown as LeadDistribution;
      const [expired, ...more] = record.history;
      expect({ version, status: record.status, attempts: record.attempts, more: more.length }).toEqual({
        version: 2,
        status: 'offered',
        attempts: 2,
        more: 0,
      });
      expect(expired).toMatchObject({ kind: 'expired', attempt: 1 });
      const offeredTo = record.status === 'offered' ? record.partnerId : null;
      const expiredWith = expired?.kind === 'expired' ? expired.partnerId : null;
      expect(offeredTo).not.toBe(expiredWith);
    }
    for (const decision of [OFFER_EXPIRED, ROUTING_DECISION]) {
      const entries = await auditCounts(database.db, store.tenantId, decision);
      expect(entries.size).toBe(LEADS);
      expect([...entries.values()].every((count) => count === 1)).toBe(true);
    }
    expect((await runs.get(runIds['offer-recycling']))?.counts).toMatchObject({
      due: LEADS,
      expired: LEADS,
      reoffered: LEADS,
      failed: 0,
    });

    // No ledger entry twice: one accrual per deal, and each allocation's balance is the sum of its postings.
    const postings = await database.db
      .selectFrom('ledger_postings')
      .select(['id', 'allocation_id', 'data'])
      .where('tenant_id', '=', store.tenantId)
      .execute();
    expect(postings).toHaveLength(PARTNERS * DEALS_PER_PARTNER);
    expect(new Set(postings.map((posting) => posting.id)).size).toBe(postings.length);
    for (const id of partnerIds) {
      const allocation = await store.mdf.allocations.get(`co-op:${id}`);
      const posted = postings
        .filter((posting) => posting.allocation_id === `co-op:${id}`)
        .reduce((sum, posting) => sum + (posting.data.lines as { amount: number }[])[0]!.amount, 0);
      expect({ version: allocation?.version, available: allocation?.balances.available.amount }).toEqual({
        version: 1,
        available: posted,
      });
    }
    expect((await runs.get(runIds['accrual-posting']))?.counts).toMatchObject({
      accrualPostings: PARTNERS * DEALS_PER_PARTNER,
      allocationsAccrued: PARTNERS,
      failed: 0,
    });
  }, 360_000);
});
