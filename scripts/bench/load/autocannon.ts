/**
 * autocannon, as far as the load benchmark uses it (the package ships no types, so it is loaded with
 * `createRequire` behind a typed view), and the scenarios it runs: a `Scenario` says what to send and what
 * to expect, `runScenario` runs one against the server (warm-up, run, then waiting for the server to drain)
 * and fails it on any answer that is not a 2xx of the expected shape, and `figuresOf` turns its `Outcome`
 * into the benchmark's figures.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Figure } from '../figure.js';
import { TOKEN, type Json } from './demo-tenant.js';
import type { LoadSettings } from './settings.js';

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

export interface Scenario {
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

export interface Outcome {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  seconds: number;
  connections: number;
}

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

/**
 * Runs a scenario (after a warm-up, unless it has none) and returns its throughput and latency; throws if any
 * answer was not a 2xx passing the scenario's check, or timed out.
 */
export async function runScenario(
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

/** A scenario's figures: requests/s, p50 and p99, to a tenth. */
export const figuresOf = ({ label, requestsPerSecond, p50, p99 }: Outcome): Figure[] => [
  { name: `HTTP ${label} throughput`, value: Math.round(requestsPerSecond * 10) / 10, unit: 'req/s' },
  { name: `HTTP ${label} p50`, value: Math.round(p50 * 10) / 10, unit: 'ms' },
  { name: `HTTP ${label} p99`, value: Math.round(p99 * 10) / 10, unit: 'ms' },
];
