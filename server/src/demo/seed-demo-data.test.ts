import { reconcileAllocation, type MdfPosting } from '@conduit/core';
import { BACKENDS } from '../test-support/databases.js';
import { demoProgram, startTestServer, type TestServer, type TestTenant } from '../test-support/test-server.js';
import { generateDemoData, type DemoData } from './generate-demo-data.js';
import { seedDemoData, seedDemoTenant } from './seed-demo-data.js';

const program = demoProgram();
const TODAY = '2026-11-25';

let data: DemoData;
let small: DemoData;
beforeAll(async () => {
  data = await generateDemoData({ program, today: TODAY });
  small = await generateDemoData({
    program,
    today: TODAY,
    scale: { partners: 40, accounts: 300, deals: 800, leads: 300, registrations: 120 },
  });
}, 180_000);

async function countsByKind(server: TestServer, tenantId: string): Promise<Record<string, number>> {
  const rows = await server.database.db
    .selectFrom('records')
    .select(['kind', (eb) => eb.fn.countAll<string>().as('count')])
    .where('tenant_id', '=', tenantId)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}

async function ledgerOf(tenant: TestTenant): Promise<MdfPosting[]> {
  const postings: MdfPosting[] = [];
  for await (const page of tenant.store.mdf.ledger.scan({})) postings.push(...page);
  return postings;
}

describe.each(BACKENDS)('seeding the demo data on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-demo');
  }, 60_000);
  afterAll(() => server.dispose());

  it('writes the records, the MDF history through the MDF store and the audit log, in one go', async () => {
    const outcome = await seedDemoData(server.database.db, tenant.id, data);
    const { budgets, allocations, requests, claims, paymentBatches, postings } = data.mdf.records;
    expect(outcome).toEqual({
      seeded: true,
      records: { partner: 300, account: 5_000, deal: 20_000, lead: 50_000, registration: 2_400 },
      mdfCommits: expect.any(Number),
      postings: postings.length,
      auditEntries: data.audit.length,
    });
    expect(await countsByKind(server, tenant.id)).toEqual({
      partner: 300,
      account: 5_000,
      deal: 20_000,
      lead: 50_000,
      registration: 2_400,
      mdf_budget: budgets.length,
      mdf_allocation: allocations.length,
      mdf_request: requests.length,
      mdf_claim: claims.length,
      mdf_payment_batch: paymentBatches.length,
    });
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    expect(Number(audit.count)).toBe(data.audit.length);
  }, 240_000);

  it('reads back what was generated through the tenant store, allocations at the versions the history left them', async () => {
    const registration = data.registrations.find((candidate) => candidate.status === 'extension_requested')!;
    expect(await tenant.store.registrations.get(registration.id)).toEqual({ ...registration, version: 1 });
    expect(await tenant.store.partners.get(data.partners[7]!.id)).toEqual({ ...data.partners[7], version: 1 });
    expect(await tenant.store.deals.get(registration.opportunityId!)).toEqual({
      ...data.deals.find((deal) => deal.id === registration.opportunityId),
      version: 1,
    });
    const { allocations, requests, claims } = data.mdf.records;
    const sorted = <T extends { id: string }>(records: readonly T[]): T[] =>
      [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const read = async <T extends { id: string }>(
      reader: { getMany(ids: readonly string[]): Promise<T[]> },
      records: readonly T[],
    ) => sorted(await reader.getMany(records.map((record) => record.id)));
    const ended = <T extends { version: number }>(records: readonly T[]) =>
      records.map((record) => ({ ...record, version: 1 }));
    expect(await read(tenant.store.mdf.allocations, allocations)).toEqual(sorted(allocations));
    expect(await read(tenant.store.mdf.requests, requests)).toEqual(sorted(ended(requests)));
    expect(await read(tenant.store.mdf.claims, claims)).toEqual(sorted(ended(claims)));
    const ledger = await ledgerOf(tenant);
    expect(ledger.length).toBe(data.mdf.records.postings.length);
    expect(allocations.flatMap((allocation) => reconcileAllocation(allocation, ledger))).toEqual([]);
  }, 120_000);

  it('serves the demo data through the API, with the decisions in the audit log', async () => {
    const first = await server.call(tenant, 'GET', '/api/v1/registrations?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.registrations).toEqual([{ ...data.registrations[0], version: 1 }]);
    const pending = await server.call(tenant, 'GET', '/api/v1/registrations?status=extension_requested&limit=500');
    expect(pending.body.registrations.length).toBe(
      data.registrations.filter((registration) => registration.status === 'extension_requested').length,
    );
    const submitted = data.registrations.find((registration) => registration.status === 'won')!;
    const audit = await server.call(tenant, 'GET', `/api/v1/audit/registration/${submitted.id}`);
    expect(audit.body.entries.map((entry: { trace: { decision: string } }) => entry.trace.decision)).toEqual(
      expect.arrayContaining(['registration.policy', 'registration.conflict']),
    );
  }, 60_000);

  it('does nothing, not even generate, for a tenant that has data', async () => {
    const before = await countsByKind(server, tenant.id);
    let generated = false;
    const outcome = await seedDemoTenant(server.database.db, tenant.id, async () => {
      generated = true;
      return small;
    });
    expect([outcome, generated]).toEqual([{ seeded: false }, false]);
    expect(await countsByKind(server, tenant.id)).toEqual(before);
  }, 60_000);

  it('seeds a tenant once when two servers start seeding it together', async () => {
    const racing = await server.tenant('t-demo-race');
    const outcomes = await Promise.all([
      seedDemoData(server.database.db, racing.id, small),
      seedDemoData(server.database.db, racing.id, small),
    ]);
    expect(outcomes.map((outcome) => outcome.seeded).sort()).toEqual([false, true]);
    expect((await countsByKind(server, racing.id)).lead).toBe(300);
    expect((await countsByKind(server, tenant.id)).lead).toBe(50_000);
  }, 120_000);
});
