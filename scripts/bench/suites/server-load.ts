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
import os from 'node:os';
import { figuresOf, runScenario, type Outcome } from '../load/autocannon.js';
import { apiClient, readTenant } from '../load/demo-tenant.js';
import { kpiRoute, readScenarios, writeScenarios } from '../load/scenarios.js';
import { startServer } from '../load/server-process.js';
import { loadSettings } from '../load/settings.js';
import type { BenchmarkSuite } from '../suite.js';

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
