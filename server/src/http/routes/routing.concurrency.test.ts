import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { routeNewLeads, type Lead, type LeadDistribution, type Result } from '@conduit/core';
import { prospect, saveChannel } from '../../store/routing/test-support/routing-fixtures.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import { routingPorts } from '../../workflows/routing-ports.js';

jest.setTimeout(180_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answer = { status: number; body: Body };

const PARALLEL = 20;

/** Where the racing leads come from: the channel's territories, so that every partner takes some. */
const PLACES: readonly Partial<Omit<Lead, 'id' | 'version'>>[] = [
  { subdivision: 'US-CA', postalCode: '94107', location: { lat: 37.7749, lon: -122.4194 }, industry: 'software' },
  { subdivision: 'US-NY', postalCode: '10001', location: { lat: 40.7506, lon: -73.9972 } },
  { subdivision: 'US-IL', postalCode: '60601', location: { lat: 41.8858, lon: -87.6181 } },
  { country: 'DE', subdivision: 'DE-BE', postalCode: '10115', location: { lat: 52.532, lon: 13.3849 }, language: 'de' },
  { subdivision: 'US-TX', postalCode: '73301', location: { lat: 30.2672, lon: -97.7431 } },
  { country: 'JP', location: { lat: 35.6762, lon: 139.6503 } },
];

/** `count` leads created a minute apart, across the channel's territories, some with accounts. */
function racingLeads(prefix: string, count: number): Omit<Lead, 'version'>[] {
  return Array.from({ length: count }, (_, index) =>
    prospect(`${prefix}-${String(index).padStart(3, '0')}`, {
      company: `Prospect ${index} Inc.`,
      createdAt: new Date(Date.parse('2026-11-24T13:00:00Z') + index * 60_000).toISOString(),
      ...PLACES[index % PLACES.length],
      ...(index % 5 === 0 ? { accountId: `acc-${prefix}-${index % 3}` } : {}),
    }),
  );
}

/**
 * The acceptance test of lead routing under concurrency, on the real PostgreSQL server only (PGlite has
 * one connection and runs requests one after another): 20 routing calls for the same leads, sent at once
 * over real HTTP, never assign a lead twice. Each routing mutation takes the tenant's routing lock, so
 * the calls run one after another: the first routes the leads, every later one finds them routed and
 * assigns nothing new. Without the lock (last test), the commits' version checks refuse the losers with
 * 409 `stale_write`, and still no lead is assigned twice.
 */
describe('routing calls racing for the same leads on postgres', () => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.dispose());

  async function channel(id: string, leads: readonly Omit<Lead, 'version'>[]): Promise<TestTenant> {
    const tenant = await server.tenant(id);
    await saveChannel(tenant.store);
    const imported = await server.call(tenant, 'POST', '/api/v1/routing/leads/import', { leads });
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body));
    return tenant;
  }

  /** Real HTTP over the loopback, as a client sends it, each request with its own Idempotency-Key. */
  async function post(tenant: TestTenant, url: string, body: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}/api/v1${url}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tenant.token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  /** What the database holds for the tenant: every distribution with its version, the state, the routing traces. */
  async function stored(tenant: TestTenant) {
    const rows = await tenant.store.db
      .selectFrom('records')
      .select(['id', 'version', 'data'])
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', 'lead_distribution')
      .execute();
    const traces = await tenant.store.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('tenant_id', '=', tenant.id)
      .where('decision', '=', 'routing.assignment')
      .execute();
    return {
      distributions: rows.map((row) => {
        const { id: _id, ...record } = row.data;
        return { version: row.version, record: record as unknown as LeadDistribution };
      }),
      state: await tenant.store.routing.loadState(),
      tracedLeads: traces.map((row) => row.subject_id),
    };
  }

  /**
   * The invariants after a race: each lead an answer assigned was assigned by that answer only, and is
   * routed once in the database (one distribution, written once, one offer per attempt, one routing
   * trace), no other lead is routed, and the state's loads equal the offers made, partner by partner.
   * With `all`, every one of these leads must have been routed.
   */
  async function expectRoutedOnce(tenant: TestTenant, answers: readonly Answer[], all?: readonly string[]) {
    const assignedBy = new Map<string, number>();
    answers.forEach((answer, index) => {
      if (answer.status !== 200) return;
      for (const record of answer.body.assignments as LeadDistribution[]) {
        expect([record.leadId, assignedBy.get(record.leadId)]).toEqual([record.leadId, undefined]);
        assignedBy.set(record.leadId, index);
      }
    });
    const routed = [...assignedBy.keys()].sort();
    if (all) expect(routed).toEqual([...all].sort());

    const { distributions, state, tracedLeads } = await stored(tenant);
    expect(distributions.map(({ record }) => record.leadId).sort()).toEqual(routed);
    for (const { version, record } of distributions) {
      expect([record.leadId, version, record.history]).toEqual([record.leadId, 1, []]);
      expect([record.leadId, record.attempts]).toEqual([record.leadId, record.status === 'offered' ? 1 : 0]);
    }
    expect([...tracedLeads].sort()).toEqual(routed);

    const offers = new Map<string, number>();
    for (const { record } of distributions)
      if (record.status === 'offered') offers.set(record.partnerId, (offers.get(record.partnerId) ?? 0) + 1);
    const loads = Object.fromEntries(
      Object.entries(state!.state.loads).map(([partnerId, load]) => [partnerId, load.day.count]),
    );
    expect(loads).toEqual(Object.fromEntries(offers));
    expect([...offers.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(routed.length / 2);
    return { stateVersion: state!.version };
  }

  function expectOneWinner(answers: readonly Answer[]): void {
    for (const answer of answers) {
      if (answer.status === 409) expect(answer.body.error).toBe('stale_write');
      else expect(answer.status).toBe(200);
    }
    const assigning = answers.filter((answer) => answer.status === 200 && answer.body.assignments.length > 0);
    expect(assigning).toHaveLength(1);
  }

  it('20 calls routing the same named leads at once over HTTP: one routes them, the others assign nothing new', async () => {
    const leads = racingLeads('named', 40);
    const tenant = await channel('t-race-named', leads);
    const leadIds = leads.map((lead) => lead.id);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => post(tenant, '/routing/route', { leadIds })),
    );
    expectOneWinner(answers);
    const { stateVersion } = await expectRoutedOnce(tenant, answers, leadIds);
    // Every call that answered 200 committed once, one after another, under the routing lock.
    expect(stateVersion).toBe(answers.filter((answer) => answer.status === 200).length);
  });

  it('20 calls routing every lead created since an instant at once over HTTP: each lead is routed once', async () => {
    const leads = racingLeads('since', 36);
    const tenant = await channel('t-race-since', leads);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => post(tenant, '/routing/route', { createdSince: '2026-11-24T00:00:00Z' })),
    );
    expectOneWinner(answers);
    await expectRoutedOnce(
      tenant,
      answers,
      leads.map((lead) => lead.id),
    );
  });

  it('20 calls for overlapping sets of leads at once over HTTP: every lead is routed by exactly one of them', async () => {
    const leads = racingLeads('overlap', 60);
    const tenant = await channel('t-race-overlap', leads);
    const ids = leads.map((lead) => lead.id);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, call) =>
        post(tenant, '/routing/route', { leadIds: ids.slice(call * 2, call * 2 + 24) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(PARALLEL).fill(200));
    await expectRoutedOnce(tenant, answers, ids);
  });

  it('20 answers to one offer at once over HTTP (accepts and declines): exactly one is taken', async () => {
    const tenant = await channel('t-race-answers', [
      prospect('lead-contested', { subdivision: 'US-NY', postalCode: '10001', industry: 'financial-services' }),
    ]);
    const routed = await post(tenant, '/routing/route', { leadIds: ['lead-contested'] });
    expect(routed.body.assignments[0]).toMatchObject({ status: 'offered', partnerId: 'p-fabrikam' });
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        index % 2 === 0
          ? post(tenant, '/routing/leads/lead-contested/accept', { partnerId: 'p-fabrikam' })
          : post(tenant, '/routing/leads/lead-contested/decline', { partnerId: 'p-fabrikam', reason: 'Too busy.' }),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    // Once the winner committed, the offer is no longer open to Fabrikam: accepted, or offered to another partner.
    const refusal = winners[0]!.body.distribution.status === 'accepted' ? 'offer_not_open' : 'not_offered_to_partner';
    for (const loser of answers.filter((answer) => answer.status !== 200))
      expect([loser.status, loser.body.error]).toEqual([422, refusal]);
    const [{ version, record }] = (await stored(tenant)).distributions as unknown as [
      { version: number; record: Body },
    ];
    expect(version).toBe(2);
    expect(record).toEqual(winners[0]!.body.distribution);
    expect(record.history.filter((event: Body) => event.partnerId === 'p-fabrikam').length).toBe(
      record.status === 'accepted' ? 0 : 1,
    );
  });

  /** Runs the route use case as the HTTP route does, in its own transaction, but without the routing lock. */
  async function routeUnlocked(tenant: TestTenant, leadIds: readonly string[]): Promise<Answer> {
    const result: Result<unknown> = await tenant.store.transaction((store) =>
      routeNewLeads(routingPorts({ store, clock: server.clock, actor: null }), { leadIds }),
    );
    return result.success
      ? { status: 200, body: result.data as Body }
      : { status: 409, body: { error: result.issues[0]!.code, issues: result.issues } };
  }

  it('without the routing lock, the version checks refuse the losers with stale_write: no lead is routed twice', async () => {
    const leads = racingLeads('unlocked', 30);
    const tenant = await channel('t-race-unlocked', leads);
    const leadIds = leads.map((lead) => lead.id);
    const answers = await Promise.all(Array.from({ length: PARALLEL }, () => routeUnlocked(tenant, leadIds)));
    expectOneWinner(answers);
    expect(answers.filter((answer) => answer.status === 409).length).toBeGreaterThan(0);
    await expectRoutedOnce(tenant, answers, leadIds);
  });

  it('without the routing lock, calls routing different leads lose no load: a stale state is refused', async () => {
    const leads = racingLeads('unlocked-apart', 3 * PARALLEL);
    const tenant = await channel('t-race-unlocked-apart', leads);
    const ids = leads.map((lead) => lead.id);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, call) => routeUnlocked(tenant, ids.slice(call * 3, call * 3 + 3))),
    );
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    // Every call read the state before another committed, or waited for nothing: some must have lost.
    expect(answers.filter((answer) => answer.status === 409).length).toBeGreaterThan(0);
    await expectRoutedOnce(tenant, answers);
  });
});
