/**
 * Channel analytics over the server's store: the demo tenant (about 300 partners, 5,000 accounts, 20,000
 * deals, 50,000 leads, 2,400 registrations and its MDF history, from the demo generator), one lead
 * distribution per lead (accepted, declined then accepted, expired then queued, or still offered) and tier
 * standings from a tier evaluation, in embedded PGlite in memory. It times the yearly KPI report by fiscal
 * quarter and the attribution report of the same year through the HTTP API (`app.inject`: routing,
 * validation, every SQL page, the core's calculator and the response's serialization), a first run and
 * then warm ones. The target is a KPI report well under 2 s.
 */
import { performance } from 'node:perf_hooks';
import { addDays, type Lead, type LeadDistribution } from '@conduit/core';
import type { Kysely } from 'kysely';
import { generateDemoData } from '../../../server/src/demo/generate-demo-data.js';
import { seedDemoData } from '../../../server/src/demo/seed-demo-data.js';
import { buildApp } from '../../../server/src/http/app.js';
import { openDatabase } from '../../../server/src/store/database.js';
import { LEAD_DISTRIBUTIONS } from '../../../server/src/store/routing/kinds.js';
import type { Database } from '../../../server/src/store/schema.js';
import { tenantStore } from '../../../server/src/store/tenant-store.js';
import { ensureTenant, issueToken } from '../../../server/src/store/tenants.js';
import { seededRandom } from '../../eval/seeded-random.js';
import { demoProgram } from '../data/demo-program.js';
import type { Figure } from '../figure.js';
import type { BenchmarkSuite } from '../suite.js';

const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const TENANT = 'bench';
const WARM_RUNS = 5;
const TARGET_MS = 2_000;
const HOUR = 3_600_000;
const KPI_URL = '/api/v1/analytics/kpis?from=2026-02-01&to=2027-02-01&unit=quarter';

const iso = (ms: number) => new Date(ms).toISOString();

/** A lead's distribution, drawn from a seeded random: most accepted, some declined or expired first. */
function distributionOf(lead: Lead, partnerIds: readonly string[], random: () => number): LeadDistribution {
  const pick = () => partnerIds[Math.floor(random() * partnerIds.length)]!;
  const offeredAt = Date.parse(lead.createdAt) + HOUR;
  const offer = (at: number) => ({
    partnerId: pick(),
    via: 'strategy' as const,
    offeredAt: iso(at),
    dueAt: iso(at + 24 * HOUR),
  });
  const base = { leadId: lead.id, accountId: lead.accountId ?? null };
  const draw = random();
  if (offeredAt + 48 * HOUR > NOW.getTime() || draw < 0.1) {
    return { ...base, attempts: 1, history: [], status: 'offered', ...offer(offeredAt), manual: null };
  }
  if (draw < 0.65) {
    const first = offer(offeredAt);
    return {
      ...base,
      attempts: 1,
      history: [],
      status: 'accepted',
      ...first,
      manual: null,
      acceptedAt: iso(offeredAt + random() * 30 * HOUR),
    };
  }
  const first = offer(offeredAt);
  if (draw < 0.85) {
    const declinedAt = offeredAt + random() * 20 * HOUR;
    const second = offer(declinedAt + HOUR);
    return {
      ...base,
      attempts: 2,
      history: [{ kind: 'declined', ...first, attempt: 1, at: iso(declinedAt), reason: 'No capacity' }],
      status: 'accepted',
      ...second,
      manual: null,
      acceptedAt: iso(declinedAt + HOUR + random() * 20 * HOUR),
    };
  }
  const expiredAt = offeredAt + 25 * HOUR;
  return {
    ...base,
    attempts: 1,
    history: [{ kind: 'expired', ...first, attempt: 1, at: iso(expiredAt) }],
    status: 'queued',
    queueId: null,
    reason: 'max_attempts',
    queuedAt: iso(expiredAt),
  };
}

/** Writes the distributions in multi-row inserts, with the columns their record kind lifts. */
async function insertDistributions(db: Kysely<Database>, distributions: readonly LeadDistribution[]): Promise<void> {
  for (let start = 0; start < distributions.length; start += 1_000) {
    await db
      .insertInto('records')
      .values(
        distributions.slice(start, start + 1_000).map((distribution) => {
          const record = { ...distribution, id: distribution.leadId, version: 1 };
          const columns = LEAD_DISTRIBUTIONS.columns(record);
          return {
            tenant_id: TENANT,
            kind: LEAD_DISTRIBUTIONS.name,
            id: record.id,
            version: 1,
            data: { ...distribution, id: record.id },
            status: columns.status ?? null,
            partner_id: columns.partnerId ?? null,
            account_id: columns.accountId ?? null,
            due_at: columns.dueAt ?? null,
            created_at: columns.createdAt ?? null,
          };
        }),
      )
      .execute();
  }
}

/** The parts of the KPI report's body the benchmark prints. */
interface KpiReportSummary {
  total: {
    deals: Record<'sourcedPipeline' | 'influencedPipeline' | 'directPipeline', { deals: number }>;
    leadOffers: Record<'accepted' | 'declined' | 'expired', number>;
    registrations: Record<'approved' | 'rejected', number>;
    engagement: { activities: number };
    investment: { invested: { amount: number } };
  };
  byPartner: unknown[];
}

export const suite: BenchmarkSuite = {
  name: 'analytics-store',
  async run(log) {
    const program = demoProgram();
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    const { db } = database;
    try {
      await ensureTenant(db, { id: TENANT, name: 'Benchmark channel' });
      const token = await issueToken(db, TENANT, 'bench');
      const store = tenantStore(db, TENANT);
      const published = await store.programs.publish(program, { expectedVersion: null });
      if (!published.success) throw new Error(published.issues[0]!.message);

      log('generating and seeding the demo channel…');
      const data = await generateDemoData({ program, today: addDays(TODAY, 1) });
      await seedDemoData(db, TENANT, data);
      const partnerIds = data.partners.filter((partner) => partner.status === 'active').map((partner) => partner.id);
      const random = seededRandom(2026);
      await insertDistributions(
        db,
        data.leads.map((lead) => distributionOf(lead, partnerIds, random)),
      );
      const app = await buildApp({ db, clock: { now: () => new Date(NOW) } });
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${performance.now()}` },
          ...(payload ? { payload } : {}),
        });
      const evaluated = await call('POST', '/api/v1/tiers/evaluations', {});
      if (evaluated.statusCode !== 200) throw new Error(`Tier evaluation: ${evaluated.statusCode} ${evaluated.body}`);
      log(
        `seeded ${data.partners.length} partners, ${data.deals.length} deals, ${data.leads.length} leads and distributions, ${data.registrations.length} registrations`,
      );

      const timed = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const started = performance.now();
        const response = await call(method, url, payload);
        const ms = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        return { ms, body: response.json<KpiReportSummary>() };
      };
      const first = await timed('GET', KPI_URL);
      const { total } = first.body;
      log(
        `KPI report: ${total.deals.sourcedPipeline.deals + total.deals.influencedPipeline.deals + total.deals.directPipeline.deals} deals created in the year, ` +
          `${total.leadOffers.accepted + total.leadOffers.declined + total.leadOffers.expired} offers ended, ` +
          `${total.registrations.approved + total.registrations.rejected} registrations decided, ${total.engagement.activities} activities, ` +
          `${first.body.byPartner.length} partners, MDF paid ${total.investment.invested.amount}; first run ${first.ms.toFixed(0)} ms`,
      );
      const warm: number[] = [];
      for (let run = 0; run < WARM_RUNS; run++) warm.push((await timed('GET', KPI_URL)).ms);
      const attribution: number[] = [];
      for (let run = 0; run <= WARM_RUNS; run++)
        attribution.push(
          (await timed('POST', '/api/v1/analytics/attribution', { from: '2026-02-01', to: '2027-02-01' })).ms,
        );
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const kpiMedian = median(warm);
      log(`KPI report warm median ${kpiMedian.toFixed(0)} ms (target < ${TARGET_MS} ms)`);
      const figures: Figure[] = [
        { name: 'KPI report over the store, FY by quarter (first run)', value: Math.round(first.ms), unit: 'ms' },
        { name: 'KPI report over the store, FY by quarter (warm median)', value: Math.round(kpiMedian), unit: 'ms' },
        { name: 'attribution report over the store, FY (median)', value: Math.round(median(attribution)), unit: 'ms' },
      ];
      await app.close();
      return figures;
    } finally {
      await database.close();
    }
  },
};
