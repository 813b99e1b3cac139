/**
 * The server under load (issue 9): the real server (`server/src/main.ts`) in a child process, on embedded
 * PGlite in memory with the demo tenant (about 300 partners, 5,000 accounts, 20,000 deals, 50,000 leads,
 * 2,400 registrations and its MDF history) and a tier evaluation, driven over loopback by autocannon
 * (32 connections, no pipelining). Main reads: a registration, a page of registrations, a CRM partner, a
 * partner's tier standing, an MDF allocation's balances, the yearly KPI report (2 connections) and
 * `/health` as the floor of the stack. Main writes, each request with its own body and Idempotency-Key:
 * draft registrations, their submission (policy and conflict checks), lead routing, CRM deal upserts and
 * MDF fund requests. Every answer must be a 2xx of the expected shape, or the suite fails. For each
 * scenario it prints requests/s and the latency's p50 and p99.
 *
 * `CONDUIT_BENCH_LOAD_SECONDS` sets each scenario's duration (default 10), `CONDUIT_BENCH_LOAD_CONNECTIONS`
 * the connections (default 32): `CONDUIT_BENCH_LOAD_SECONDS=2 npm run bench -- --only server-load`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../eval/seeded-random.js';
import type { Figure } from '../figure.js';
import type { BenchmarkSuite } from '../suite.js';

// ---------------------------------------------------------------------------------------------------------
// autocannon, as far as the suite uses it (the package ships no types).

interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each request (a fresh copy of this one): returns the request to send. */
  setupRequest?: (request: LoadRequest, context: Record<string, unknown>) => LoadRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface LoadOptions {
  url: string;
  connections: number;
  pipelining: number;
  /** Seconds. */
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout: number;
  headers: Record<string, string>;
  requests: LoadRequest[];
}

interface LoadResult {
  /** Seconds. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  /** Milliseconds. */
  latency: { p50: number; p99: number; totalCount: number };
  requests: { total: number };
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: LoadOptions) => PromiseLike<LoadResult>;

// ---------------------------------------------------------------------------------------------------------
// Settings.

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_ENTRY = 'server/src/main.ts';
const TOKEN = 'conduit-local-demo-token';
const READY_TIMEOUT_MS = 120_000;

function setting(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}".`);
  return value;
}

/** How long and how wide each scenario runs. */
interface LoadSettings {
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

/** The settings from the environment, read when the suite runs (not when `npm run bench` loads every suite). */
function loadSettings(): LoadSettings {
  const seconds = setting('CONDUIT_BENCH_LOAD_SECONDS', 10);
  return {
    seconds,
    connections: Math.round(setting('CONDUIT_BENCH_LOAD_CONNECTIONS', 32)),
    warmupSeconds: Math.min(2, Math.max(1, Math.round(seconds / 5))),
  };
}

/** The KPI report takes seconds a request, a submission hundreds of milliseconds: fewer connections. */
const KPI_CONNECTIONS = 2;
const SUBMIT_CONNECTIONS = 8;

// ---------------------------------------------------------------------------------------------------------
// The server in a child process.

interface Server {
  url: string;
  child: ChildProcess;
  /** The end of what the server wrote (its log lines at LOG_LEVEL=warn and above). */
  output(): string;
  stop(): Promise<void>;
}

/** The last `limit` characters of a stream, kept while the stream is drained (a full pipe would block the child). */
function tail(stream: NodeJS.ReadableStream | null, limit = 64 * 1024) {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/** Starts the server on a free loopback port, with an in-memory store seeded with the demo tenant, once ready. */
async function startServer(log: (line: string) => void): Promise<Server> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    CONDUIT_MEMORY: '1',
    CONDUIT_JOBS: '0',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  for (const name of ['DATABASE_URL', 'CONDUIT_DATA_DIR', 'CONDUIT_DEMO']) delete environment[name];
  const child = spawn(process.execPath, ['--conditions=conduit-source', '--import', 'tsx', SERVER_ENTRY], {
    cwd: REPOSITORY_ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should the benchmark die before `stop`, the server goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
    });
    await Promise.race([exited, killed]);
    clearTimeout(timer);
    await exited;
  };

  const started = performance.now();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s.`)),
        READY_TIMEOUT_MS,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        settle();
      };
      const onData = () => {
        const found = /API:\s+(http:\/\/\S+?)\/api\/v1\b/.exec(stdout());
        if (found) done(() => resolve(found[1]!));
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) =>
        done(() => reject(new Error(`The server stopped before it was ready (${signal ?? `exit code ${code}`}).`))),
      );
      child.once('error', (error) => done(() => reject(error)));
    });
    const ready = await fetch(`${url}/ready`);
    if (ready.status !== 200) throw new Error(`${url}/ready answered ${ready.status}: ${await ready.text()}`);
    log(`server ${url} (pid ${child.pid}) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { url, child, output: () => `${stdout()}${stderr()}`, stop };
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${message}\n--- server stderr ---\n${stderr().trim() || '(empty)'}\n--- server stdout ---\n${stdout().trim() || '(empty)'}`,
      { cause: error },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The demo tenant, read through the API before the load.

type Json = Record<string, unknown>;

function apiClient(url: string) {
  return async <T = Json>(method: 'GET' | 'POST', route: string, body?: object): Promise<T> => {
    const response = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /api/v1${route} answered ${response.status}: ${text.slice(0, 2000)}`);
    return JSON.parse(text) as T;
  };
}

type Api = ReturnType<typeof apiClient>;

/** Every item of a paged list (`?limit=500&after=…`, answered `{ [key]: items, next }`), up to `most`. */
async function everyItem<T>(api: Api, route: string, key: string, most = Infinity): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const separator = route.includes('?') ? '&' : '?';
    const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const page: Json = await api('GET', `${route}${separator}limit=500${cursor}`);
    items.push(...(page[key] as T[]));
    after = page.next as string | null;
  } while (after !== null && items.length < most);
  return items.slice(0, most);
}

interface Money {
  amount: number;
  currency: string;
}
interface AccountItem {
  id: string;
  name: string;
  domain?: string;
  country: string;
  subdivision?: string;
}
interface AllocationItem {
  allocation: {
    id: string;
    kind: 'budgeted' | 'accrual';
    fundTypeId: string;
    partnerId: string;
    currency: string;
    period?: { start: string; end: string };
  };
  ledger: { balances: { available: Money } };
}
interface DealItem {
  id: string;
  amount: Money;
  version?: number;
}
interface ProgramAnswer {
  program: {
    fiscalCalendar: { firstMonth: number };
    tiers: { id: string; benefits: { registrationCap: number | null } }[];
    registration: { eligibleTerritories: string[]; maxOpenPerPartner: number | null };
    mdf: {
      leadTimeDays: number;
      fundTypes: { id: string; eligibleActivityIds: string[] }[];
      activities: { id: string; reimbursementPercent: number }[];
    };
  };
}

/** The ids and records the scenarios use, read from the seeded demo tenant. */
interface Tenant {
  registrationIds: string[];
  partnerIds: string[];
  /**
   * Active partners for new registrations, each as many times as its tier's cap on open registrations leaves
   * room for, round by round: submitting drafts in this order never goes over a cap (a 422).
   */
  draftPartnerIds: string[];
  eligibleAccounts: AccountItem[];
  allocationIds: string[];
  /** Budgeted allocations open past the fund requests' activity, with room for one, and the activity to ask for. */
  requestAllocations: { id: string; currency: string; activityId: string; reimbursementPercent: number }[];
  /** The activity dates of the fund requests: far enough ahead for the program's lead time. */
  requestDates: { startDate: string; endDate: string };
  leadIds: string[];
  deals: DealItem[];
  fiscalYear: { from: string; to: string };
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const daysFromNow = (days: number) => dayOf(new Date(Date.now() + days * 86_400_000));
/** A fund request's activity: far enough ahead for the program's lead time, in every time zone. */
const activityDates = (leadTimeDays: number) => ({
  startDate: daysFromNow(leadTimeDays + 5),
  endDate: daysFromNow(leadTimeDays + 6),
});
/** The registration statuses that count against a partner's cap on open registrations. */
const OPEN_STATUSES = new Set(['submitted', 'under_review', 'info_requested', 'approved', 'extension_requested']);
/** How many registrations a partner without a cap takes in the draft order. */
const UNCAPPED_ROOM = 100;
/** What each fund request asks for (2,000.00 in the allocation's currency), so that its share fits the balance. */
const REQUESTED_AMOUNT = 200_000;

async function readTenant(api: Api): Promise<Tenant> {
  const { program } = await api<ProgramAnswer>('GET', '/program');
  const territories = new Set(program.registration.eligibleTerritories);
  const [registrations, partners, accounts, allocations, leads, deals] = await Promise.all([
    everyItem<{ id: string; partnerId: string; status: string }>(api, '/registrations', 'registrations'),
    everyItem<{ id: string; status: string; tierId: string | null }>(api, '/crm/partners', 'partners'),
    everyItem<AccountItem>(api, '/crm/accounts', 'accounts'),
    everyItem<AllocationItem>(api, '/mdf/allocations', 'allocations'),
    everyItem<{ id: string }>(api, '/crm/leads', 'leads'),
    everyItem<DealItem>(api, '/crm/deals', 'deals', 2_000),
  ]);

  const requestDates = activityDates(program.mdf.leadTimeDays);
  const requestAllocations = allocations.flatMap(({ allocation, ledger }) => {
    const fundType = program.mdf.fundTypes.find((type) => type.id === allocation.fundTypeId);
    const activity = program.mdf.activities.find(
      (candidate) => fundType?.eligibleActivityIds.includes(candidate.id) && candidate.reimbursementPercent < 100,
    );
    const share = activity ? (REQUESTED_AMOUNT * activity.reimbursementPercent) / 100 : Infinity;
    const open =
      allocation.kind === 'budgeted' && allocation.period !== undefined && allocation.period.end > requestDates.endDate;
    return open && activity && ledger.balances.available.amount >= share
      ? [
          {
            id: allocation.id,
            currency: allocation.currency,
            activityId: activity.id,
            reimbursementPercent: activity.reimbursementPercent,
          },
        ]
      : [];
  });

  // Room for open registrations per active partner: the lower of its tier's cap and the program's, less what it holds.
  const open = new Map<string, number>();
  for (const { partnerId, status } of registrations)
    if (OPEN_STATUSES.has(status)) open.set(partnerId, (open.get(partnerId) ?? 0) + 1);
  const rooms = partners
    .filter((partner) => partner.status === 'active')
    .map((partner) => {
      const caps = [
        program.tiers.find((tier) => tier.id === partner.tierId)?.benefits.registrationCap ?? null,
        program.registration.maxOpenPerPartner,
      ].filter((cap) => cap !== null);
      const room = caps.length === 0 ? UNCAPPED_ROOM : Math.min(...caps) - (open.get(partner.id) ?? 0);
      return { id: partner.id, room };
    });
  const draftPartnerIds: string[] = [];
  for (let round = 0; rooms.some((partner) => partner.room > round); round++)
    for (const partner of rooms) if (partner.room > round) draftPartnerIds.push(partner.id);

  const today = new Date();
  const firstMonth = program.fiscalCalendar.firstMonth;
  const startYear = today.getUTCMonth() + 1 >= firstMonth ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const month = String(firstMonth).padStart(2, '0');
  return {
    registrationIds: registrations.map((registration) => registration.id),
    partnerIds: partners.map((partner) => partner.id),
    draftPartnerIds,
    eligibleAccounts: accounts.filter((account) => territories.has(account.country)),
    allocationIds: allocations.map(({ allocation }) => allocation.id),
    requestAllocations,
    requestDates,
    leadIds: leads.map((lead) => lead.id),
    deals,
    fiscalYear: { from: `${startYear}-${month}-01`, to: `${startYear + 1}-${month}-01` },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios.

/** The items in a seeded random order, handed out one after the other, round and round. */
function cycle<T>(items: readonly T[], seed: number): () => T {
  if (items.length === 0) throw new Error('The demo tenant has none of the records a scenario needs.');
  const random = seededRandom(seed);
  const order = [...items];
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  let next = 0;
  return () => order[next++ % order.length]!;
}

/** Items handed out once each, in order; past the end, the last one again (its repeat fails the check). */
function once<T>(items: readonly T[]): { next: () => T } {
  let next = 0;
  return { next: () => items[Math.min(next++, items.length - 1)]! };
}

interface Scenario {
  /** `GET /api/v1/registrations/:id`: the figures' name. */
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  /** The next request: its path and, for a write, its JSON body (sent with an Idempotency-Key of its own). */
  next: () => { path: string; body?: object };
  /** Whether a 2xx answer's body is the one expected (writes check they did what they were asked). */
  check?: (body: Json) => boolean;
  connections?: number;
  warmup?: boolean;
  timeoutSeconds?: number;
}

interface Outcome {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  seconds: number;
  connections: number;
}

const encode = encodeURIComponent;

/**
 * Waits until the server has worked off the requests autocannon left in flight when it stopped (the server
 * still answers them), so that they do not slow the next run down: until `/ready` (a query, behind any
 * queued ones on PGlite's single connection) answers quickly three times in a row.
 */
async function drained(url: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  for (let quick = 0; quick < 3;) {
    if (performance.now() > deadline) throw new Error('The server was still busy 120 s after a load run ended.');
    const started = performance.now();
    const ready = await fetch(`${url}/ready`);
    await ready.arrayBuffer();
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runScenario(
  url: string,
  settings: LoadSettings,
  scenario: Scenario,
  log: (line: string) => void,
): Promise<Outcome> {
  const connections = scenario.connections ?? settings.connections;
  let failed = 0;
  let firstFailure: string | undefined;
  const request: LoadRequest = {
    method: scenario.method,
    setupRequest: (base) => {
      const { path, body } = scenario.next();
      return body === undefined
        ? { ...base, path }
        : {
            ...base,
            path,
            headers: { ...base.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify(body),
          };
    },
    onResponse: (status, body) => {
      let good = status >= 200 && status < 300;
      if (good && scenario.check) {
        try {
          good = scenario.check(JSON.parse(body) as Json);
        } catch {
          good = false;
        }
      }
      if (good) return;
      failed++;
      firstFailure ??= `${status} ${body.slice(0, 1_000)}`;
    },
  };
  const options: LoadOptions = {
    url,
    connections,
    pipelining: 1,
    duration: settings.seconds,
    timeout: scenario.timeoutSeconds ?? 30,
    headers: { authorization: `Bearer ${TOKEN}` },
    requests: [request],
  };
  if (scenario.warmup !== false) {
    await autocannon({ ...options, duration: settings.warmupSeconds });
    await drained(url);
  }
  const result = await autocannon(options);
  await drained(url);

  const statuses = Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}×${count}`)
    .join(', ');
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || failed > 0 || result.requests.total === 0) {
    throw new Error(
      `${scenario.label}: ${result.non2xx} non-2xx answers, ${failed} failed checks (warm-up included), ` +
        `${result.errors} errors, ${result.timeouts} timeouts, ${result.requests.total} answers in time ` +
        `(statuses ${statuses || 'none'}). ` +
        `First failure: ${firstFailure ?? 'none'}`,
    );
  }
  const outcome: Outcome = {
    label: scenario.label,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    seconds: result.duration,
    connections,
  };
  log(
    `${outcome.label.padEnd(60)} ${Math.round(outcome.requestsPerSecond).toLocaleString('en-US').padStart(7)} req/s` +
      `  p50 ${outcome.p50.toFixed(1).padStart(7)} ms  p99 ${outcome.p99.toFixed(1).padStart(7)} ms` +
      `  (${outcome.requests.toLocaleString('en-US')} requests, ${connections} connections, ${outcome.seconds.toFixed(1)} s)`,
  );
  return outcome;
}

const figuresOf = ({ label, requestsPerSecond, p50, p99 }: Outcome): Figure[] => [
  { name: `HTTP ${label} throughput`, value: Math.round(requestsPerSecond * 10) / 10, unit: 'req/s' },
  { name: `HTTP ${label} p50`, value: Math.round(p50 * 10) / 10, unit: 'ms' },
  { name: `HTTP ${label} p99`, value: Math.round(p99 * 10) / 10, unit: 'ms' },
];

/** The KPI report of the fiscal year under way, by quarter (under `/api/v1`). */
const kpiRoute = ({ fiscalYear: { from, to } }: Tenant) => `/analytics/kpis?from=${from}&to=${to}&unit=quarter`;

/** The read scenarios, each request for another record of the demo tenant. */
function readScenarios(tenant: Tenant): Scenario[] {
  const registration = cycle(tenant.registrationIds, 1);
  // A client paging through every registration, 100 at a time: the first page, then the page after each 100th.
  const cursors = [undefined, ...tenant.registrationIds.filter((_, index) => index % 100 === 99)];
  let page = 0;
  const partner = cycle(tenant.partnerIds, 2);
  const standing = cycle(tenant.partnerIds, 3);
  const allocation = cycle(tenant.allocationIds, 4);
  return [
    { label: 'GET /health', method: 'GET', next: () => ({ path: '/health' }) },
    {
      label: 'GET /api/v1/registrations/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/registrations/${encode(registration())}` }),
    },
    {
      label: 'GET /api/v1/registrations?limit=100',
      method: 'GET',
      next: () => {
        const after = cursors[page++ % cursors.length];
        return { path: `/api/v1/registrations?limit=100${after === undefined ? '' : `&after=${encode(after)}`}` };
      },
    },
    {
      label: 'GET /api/v1/crm/partners/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/crm/partners/${encode(partner())}` }),
    },
    {
      label: 'GET /api/v1/tiers/partners/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/tiers/partners/${encode(standing())}` }),
    },
    {
      label: 'GET /api/v1/mdf/allocations/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/mdf/allocations/${encode(allocation())}` }),
    },
    {
      label: `GET /api/v1/analytics/kpis (FY by quarter, ${KPI_CONNECTIONS} connections)`,
      method: 'GET',
      next: () => ({ path: `/api/v1${kpiRoute(tenant)}` }),
      connections: KPI_CONNECTIONS,
      warmup: false,
      timeoutSeconds: 120,
    },
  ];
}

/** A new draft registration for an eligible account, by an active partner, with its own contact and amount. */
function draftRegistrations(tenant: Tenant): () => object {
  // Drafts past the partners' room (thousands) are created but never submitted: submissions are far slower.
  const partner = once(tenant.draftPartnerIds);
  const account = cycle(tenant.eligibleAccounts, 6);
  const closeDate = daysFromNow(60);
  let serial = 0;
  return () => {
    const { name, domain, country, subdivision } = account();
    serial++;
    return {
      partnerId: partner.next(),
      details: {
        customer: { name, country, ...(domain ? { domain } : {}), ...(subdivision ? { subdivision } : {}) },
        contact: { name: `Buyer ${serial}`, email: `buyer.${serial}@${domain ?? 'customer.example'}` },
        amount: { amount: 2_500_000 + (serial % 100) * 10_000, currency: 'USD' },
        expectedCloseDate: closeDate,
        products: serial % 3 === 0 ? ['platform', 'insights'] : ['platform'],
      },
    };
  };
}

/**
 * The write scenarios, in order: draft registrations, then the submission of each draft once (so the drafts
 * must be created first: `drafts` fills while the first scenario runs), lead routing, deal upserts and MDF
 * fund requests.
 */
function writeScenarios(tenant: Tenant, drafts: string[]): Scenario[] {
  const draft = draftRegistrations(tenant);
  const submission = once(drafts);
  const lead = once(tenant.leadIds);
  const deal = cycle(tenant.deals, 7);
  let change = 0;
  const allocation = cycle(tenant.requestAllocations, 8);
  let request = 0;
  return [
    {
      label: 'POST /api/v1/registrations (draft)',
      method: 'POST',
      next: () => ({ path: '/api/v1/registrations', body: draft() }),
      check: (body) => {
        const created = body.registration as { id?: string; status?: string } | undefined;
        if (created?.status !== 'draft' || !created.id) return false;
        drafts.push(created.id);
        return true;
      },
    },
    {
      label: `POST /api/v1/registrations/:id/submit (${SUBMIT_CONNECTIONS} connections)`,
      method: 'POST',
      next: () => ({ path: `/api/v1/registrations/${encode(submission.next())}/submit`, body: {} }),
      check: (body) => (body.registration as { status?: string } | undefined)?.status === 'submitted',
      // Hundreds of milliseconds a submission (it reads the tenant's accounts, open deals and registrations):
      // fewer connections, no warm-up (the drafts outnumber the submissions many times over).
      connections: SUBMIT_CONNECTIONS,
      warmup: false,
      timeoutSeconds: 120,
    },
    {
      label: 'POST /api/v1/routing/route (1 lead)',
      method: 'POST',
      next: () => ({ path: '/api/v1/routing/route', body: { leadIds: [lead.next()] } }),
      // One assignment per lead routed; a lead routed before (all 50,000 used up) gets none.
      check: (body) => (body.assignments as unknown[] | undefined)?.length === 1,
    },
    {
      label: 'PUT /api/v1/crm/deals/:id',
      method: 'PUT',
      next: () => {
        // The deal as read, without its version (no stale-write check), with another amount each time.
        const { version: _version, ...fields } = deal();
        change++;
        return {
          path: `/api/v1/crm/deals/${encode(fields.id)}`,
          body: { ...fields, amount: { ...fields.amount, amount: fields.amount.amount + change * 100 } },
        };
      },
      check: (body) => body.outcome === 'updated',
    },
    {
      label: 'POST /api/v1/mdf/requests',
      method: 'POST',
      next: () => {
        const { id, currency, activityId, reimbursementPercent } = allocation();
        request++;
        return {
          path: '/api/v1/mdf/requests',
          body: {
            title: `Load test campaign ${request}`,
            allocationId: id,
            activityId,
            ...tenant.requestDates,
            requestedAmount: { amount: REQUESTED_AMOUNT, currency },
            partnerContribution: { amount: (REQUESTED_AMOUNT * (100 - reimbursementPercent)) / 100, currency },
            expected: { leads: 40, pipeline: { amount: 5_000_000, currency } },
            submittedBy: `load-test-${request % 50}`,
          },
        };
      },
      check: (body) => (body.request as { status?: string } | undefined)?.status === 'submitted',
    },
  ];
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

export const suite: BenchmarkSuite = {
  name: 'server-load',
  async run(log) {
    const settings = loadSettings();
    log(
      `${settings.seconds} s a scenario (after ${settings.warmupSeconds} s of warm-up), ${settings.connections} connections, pipelining 1, ` +
        `${os.cpus().length} CPUs shared by the server and autocannon; load average ${loadAverage()}`,
    );
    log('starting the server (in-memory PGlite, the demo tenant seeded on start)…');
    const server = await startServer(log);
    try {
      const api = apiClient(server.url);
      const evaluation = await api<{ partners: number }>('POST', '/tiers/evaluations', {});
      const tenant = await readTenant(api);
      log(
        `demo tenant: ${tenant.registrationIds.length} registrations, ${tenant.partnerIds.length} partners, ` +
          `${tenant.eligibleAccounts.length} accounts in eligible territories, ${tenant.allocationIds.length} MDF allocations ` +
          `(${tenant.requestAllocations.length} open for requests), ${tenant.leadIds.length} leads, ` +
          `${tenant.deals.length} deals read; ${evaluation.partners} partners' tiers evaluated`,
      );
      await api('GET', kpiRoute(tenant)); // The KPI report's first run, untimed.

      const outcomes: Outcome[] = [];
      const drafts: string[] = [];
      for (const scenario of [...readScenarios(tenant), ...writeScenarios(tenant, drafts)]) {
        try {
          outcomes.push(await runScenario(server.url, settings, scenario, log));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const output = server.output().trim().slice(-4_000);
          throw new Error(`${message}\n--- server output (end) ---\n${output || '(empty)'}`, { cause: error });
        }
      }

      const logged = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      if (logged.length > 0)
        log(`the server logged ${logged.length} lines at warn or above; the last: ${logged.at(-1)}`);
      log(`load average after: ${loadAverage()}`);
      return outcomes.flatMap(figuresOf);
    } finally {
      await server.stop();
    }
  },
};
