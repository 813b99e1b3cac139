import { decisionTrace, type LeadDistribution, type RoutingState, type StoredDistribution } from '@conduit/core';
import { CompiledQuery, sql } from 'kysely';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { tenantStore, type TenantStore } from '../tenant-store.js';
import { ensureTenant } from '../tenants.js';
import { dueOffersPage } from './routing-store.js';
import { offered, prospect, queued } from './test-support/routing-fixtures.js';

const STATE: RoutingState = {
  roundRobin: { 'p-northwind': -2, 'p-contoso': 2 },
  loads: {
    'p-northwind': {
      day: { start: '2026-11-24', count: 1 },
      week: { start: '2026-11-23', count: 1 },
      month: { start: '2026-11-01', count: 1 },
      quarter: { start: '2026-11-01', count: 1 },
    },
  },
  // An account id may be any text, `__proto__` included: it must come back as an ordinary key.
  sticky: JSON.parse(
    '{"acc-acme":{"partnerId":"p-northwind","on":"2026-11-24"},"__proto__":{"partnerId":"p-fabrikam","on":"2026-11-24"}}',
  ) as RoutingState['sticky'],
};

async function collect(pages: AsyncIterable<readonly StoredDistribution[]>): Promise<StoredDistribution[][]> {
  const found: StoredDistribution[][] = [];
  for await (const page of pages) found.push([...page]);
  return found;
}

const leadIdsOf = (stored: readonly StoredDistribution[]) => stored.map((entry) => entry.record.leadId);

describe.each(BACKENDS)('the routing store on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let other: TenantStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await ensureTenant(database.db, { id: 't-routing', name: 'Routing' });
    await ensureTenant(database.db, { id: 't-other', name: 'Other' });
    store = tenantStore(database.db, 't-routing');
    other = tenantStore(database.db, 't-other');
  });
  afterAll(() => database.dispose());

  async function counts(): Promise<{ records: number; audit: number }> {
    const records = await database.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return { records: Number(records.n), audit: Number(audit.n) };
  }

  it('keeps the state as one versioned record and the distributions as one record per lead', async () => {
    expect(await store.routing.loadState()).toBeUndefined();
    const first = await store.routing.commit({
      state: { state: STATE, expectedVersion: null },
      distributions: [
        { record: offered('lead-1', 'p-northwind', '2026-11-25T15:00:00.000Z'), expectedVersion: null },
        { record: queued('lead-2'), expectedVersion: null },
      ],
    });
    expect(first).toEqual({ success: true, data: { stateVersion: 1 } });
    const loaded = await store.routing.loadState();
    expect(loaded).toEqual({ state: STATE, version: 1 });
    expect(Object.hasOwn(loaded!.state.sticky, '__proto__')).toBe(true);
    expect(
      (await store.routing.distributions(['lead-2', 'lead-1', 'lead-9'])).sort((a, b) =>
        a.record.leadId.localeCompare(b.record.leadId),
      ),
    ).toEqual([
      { record: offered('lead-1', 'p-northwind', '2026-11-25T15:00:00.000Z'), version: 1 },
      { record: queued('lead-2'), version: 1 },
    ]);

    const accepted: LeadDistribution = {
      ...offered('lead-1', 'p-northwind', '2026-11-25T15:00:00.000Z'),
      status: 'accepted',
      acceptedAt: '2026-11-24T16:00:00.000Z',
    };
    const second = await store.routing.commit({ distributions: [{ record: accepted, expectedVersion: 1 }] });
    expect(second).toEqual({ success: true, data: { stateVersion: 1 } });
    expect(await store.routing.distributions(['lead-1'])).toEqual([{ record: accepted, version: 2 }]);
    const row = await database.db
      .selectFrom('records')
      .select(['status', 'partner_id', 'due_at', 'created_at'])
      .where('tenant_id', '=', 't-routing')
      .where('kind', '=', 'lead_distribution')
      .where('id', '=', 'lead-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'accepted',
      partner_id: 'p-northwind',
      due_at: null,
      created_at: new Date('2026-11-24T16:00:00.000Z'),
    });
  });

  it('refuses a stale state or a stale distribution and then writes nothing of the commit', async () => {
    const before = await counts();
    const staleState = await store.routing.commit({
      state: { state: { ...STATE, roundRobin: {} }, expectedVersion: null },
      distributions: [{ record: queued('lead-3'), expectedVersion: null }],
    });
    expect(staleState).toMatchObject({ success: false, issues: [{ code: 'stale_write', path: ['routingState'] }] });

    const staleDistribution = await store.routing.commit({
      state: { state: { ...STATE, roundRobin: {} }, expectedVersion: 1 },
      distributions: [
        { record: queued('lead-3'), expectedVersion: null },
        { record: queued('lead-2'), expectedVersion: null },
      ],
    });
    expect(staleDistribution).toMatchObject({
      success: false,
      issues: [{ code: 'stale_write', path: ['distributions', 'lead-2'] }],
    });
    expect(await store.routing.loadState()).toEqual({ state: STATE, version: 1 });
    expect(await store.routing.distributions(['lead-3'])).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('commits inside a caller’s transaction: a refusal is undone to a savepoint, a rollback undoes all', async () => {
    await store.transaction(async (trx) => {
      const refused = await trx.routing.commit({
        state: { state: STATE, expectedVersion: 7 },
        distributions: [{ record: queued('lead-4'), expectedVersion: null }],
      });
      expect(refused.success).toBe(false);
      const committed = await trx.routing.commit({
        distributions: [{ record: queued('lead-5'), expectedVersion: null }],
      });
      expect(committed).toEqual({ success: true, data: { stateVersion: 1 } });
    });
    expect(leadIdsOf(await store.routing.distributions(['lead-4', 'lead-5']))).toEqual(['lead-5']);

    await expect(
      store.transaction(async (trx) => {
        await trx.routing.commit({ distributions: [{ record: queued('lead-6'), expectedVersion: null }] });
        throw new Error('the request failed after the commit');
      }),
    ).rejects.toThrow('the request failed');
    expect(await store.routing.distributions(['lead-6'])).toEqual([]);
  });

  it('pages the offers due by an instant, by deadline, from the due_at index', async () => {
    const base = Date.parse('2026-11-26T00:00:00.000Z');
    const records = Array.from({ length: 1_203 }, (_, index) =>
      offered(
        `due-${String(index).padStart(4, '0')}`,
        index % 2 === 0 ? 'p-contoso' : 'p-tailspin',
        new Date(base + (index % 601) * 60_000).toISOString(),
      ),
    );
    const committed = await store.routing.commit({
      distributions: [
        ...records.map((record) => ({ record, expectedVersion: null })),
        { record: offered('later', 'p-contoso', '2026-12-01T00:00:00.000Z'), expectedVersion: null },
      ],
    });
    expect(committed.success).toBe(true);

    const pages = await collect(store.routing.dueOffers(new Date('2026-11-30T00:00:00.000Z')));
    expect(pages.map((page) => page.length)).toEqual([500, 500, 203]);
    const due = pages.flat();
    const expected = [...records].sort((a, b) =>
      a.status === 'offered' && b.status === 'offered'
        ? a.dueAt.localeCompare(b.dueAt) || a.leadId.localeCompare(b.leadId)
        : 0,
    );
    expect(leadIdsOf(due)).toEqual(expected.map((record) => record.leadId));
    expect(due.every((entry) => entry.version === 1)).toBe(true);

    const atTheMinute = pages
      .flat()
      .filter((entry) => entry.record.status === 'offered' && entry.record.dueAt <= '2026-11-26T00:01:00.000Z');
    expect(leadIdsOf((await collect(store.routing.dueOffers(new Date('2026-11-26T00:01:00.000Z')))).flat())).toEqual(
      leadIdsOf(atTheMinute),
    );
    // lead-1 is accepted, lead-2 and lead-5 are queued: only open offers are ever due.
    expect(leadIdsOf(due)).not.toContain('lead-1');

    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`analyze records`.execute(trx);
      await sql`set local enable_seqscan = off`.execute(trx);
      const query = dueOffersPage(trx, 't-routing', new Date('2026-11-30T00:00:00Z'), {
        dueAt: new Date('2026-11-26T00:00:00Z'),
        id: 'due-0000',
      }).compile();
      const explained = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      return explained.rows.map((line) => line['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('records_by_due_at');
  });

  it('lists open offers by partner and deadline, a page at a time', async () => {
    const firstPage = await store.routing.openOffers({
      partnerId: 'p-contoso',
      dueBefore: '2026-11-26T00:02:00.000Z',
      limit: 2,
    });
    expect(firstPage.map(({ record }) => [record.leadId, record.dueAt])).toEqual([
      ['due-0000', '2026-11-26T00:00:00.000Z'],
      ['due-1202', '2026-11-26T00:00:00.000Z'],
    ]);
    const last = firstPage[1]!.record;
    const secondPage = await store.routing.openOffers({
      partnerId: 'p-contoso',
      dueBefore: '2026-11-26T00:02:00.000Z',
      after: { dueAt: last.dueAt, leadId: last.leadId },
      limit: 2,
    });
    expect(secondPage.map(({ record }) => record.leadId)).toEqual(['due-0602']);
    expect(await other.routing.openOffers({ limit: 10 })).toEqual([]);
  });

  it('keeps each tenant’s routing apart', async () => {
    expect(await other.routing.loadState()).toBeUndefined();
    expect(await other.routing.distributions(['lead-1', 'lead-2'])).toEqual([]);
    expect(await collect(other.routing.dueOffers(new Date('2030-01-01T00:00:00Z')))).toEqual([]);
    const own = await other.routing.commit({
      state: { state: { roundRobin: {}, loads: {}, sticky: {} }, expectedVersion: null },
      distributions: [{ record: queued('lead-1'), expectedVersion: null }],
    });
    expect(own).toEqual({ success: true, data: { stateVersion: 1 } });
    expect((await store.routing.distributions(['lead-1']))[0]!.record.status).toBe('accepted');
  });

  it('finds the conflicts of interest in force for leads or accounts, and imports them as upserts', async () => {
    const imported = await store.routing.conflicts.import([
      { partnerId: 'p-northwind', accountId: 'acc-initrode', reason: 'Northwind is owned by Initrode.' },
      { partnerId: 'p-contoso', leadId: 'lead-umbrella', reason: 'The lead is a Contoso employee.' },
      { partnerId: 'p-tailspin', accountId: 'acc-other', reason: 'Competitor.' },
    ]);
    expect(imported.success && imported.data.map((entry) => entry.outcome)).toEqual(['created', 'created', 'created']);
    const found = await store.routing.conflicts.find({ leadIds: ['lead-umbrella'], accountIds: ['acc-initrode'] });
    expect(found.map((conflict) => conflict.partnerId).sort()).toEqual(['p-contoso', 'p-northwind']);
    expect(await other.routing.conflicts.find({ leadIds: ['lead-umbrella'], accountIds: ['acc-initrode'] })).toEqual(
      [],
    );

    const again = await store.routing.conflicts.import([
      { partnerId: 'p-northwind', accountId: 'acc-initrode', reason: 'Northwind is owned by Initrode.' },
      { partnerId: 'p-contoso', leadId: 'lead-umbrella', reason: 'The lead works at Contoso.' },
    ]);
    expect(again.success && again.data.map((entry) => [entry.outcome, entry.version])).toEqual([
      ['unchanged', 1],
      ['updated', 2],
    ]);

    const id = imported.success ? imported.data[0]!.id : '';
    expect((await store.routing.conflicts.withdraw(id, 3)).success).toBe(false);
    const withdrawn = await store.routing.conflicts.withdraw(id, 1);
    expect(withdrawn).toMatchObject({ success: true, data: { status: 'withdrawn', version: 2 } });
    expect(
      (await store.routing.conflicts.find({ leadIds: [], accountIds: ['acc-initrode'] })).map((c) => c.partnerId),
    ).toEqual([]);
    expect((await store.routing.conflicts.list({ status: 'withdrawn', limit: 10 })).map((c) => c.id)).toEqual([id]);
    expect(await store.routing.conflicts.withdraw('coi_missing')).toMatchObject({
      success: false,
      issues: [{ code: 'not_found' }],
    });
  });

  it('appends the engine’s traces to the audit log', async () => {
    const clock = { now: () => new Date('2026-11-24T15:30:00Z') };
    await store.routing
      .traceLog(clock, 'user-7')
      .append([decisionTrace('routing.assignment', { type: 'lead', id: 'lead-1' }, 'offered', 'Offered.', [])]);
    expect(await store.audit.forSubject('lead', 'lead-1')).toMatchObject([
      { actor: 'user-7', recordedAt: '2026-11-24T15:30:00.000Z', trace: { decision: 'routing.assignment' } },
    ]);
    expect(await other.audit.forSubject('lead', 'lead-1')).toEqual([]);
  });

  it('imports leads as upserts, with an optional version the sender read', async () => {
    const lead = prospect('lead-import-1', { company: 'Vandelay Industries' });
    const first = await store.routing.importLeads([lead, prospect('lead-import-2')]);
    expect(first).toEqual({
      success: true,
      data: [
        { id: 'lead-import-1', version: 1, outcome: 'created' },
        { id: 'lead-import-2', version: 1, outcome: 'created' },
      ],
    });
    const second = await store.routing.importLeads([lead, { ...prospect('lead-import-2'), company: 'Kramerica' }]);
    expect(second.success && second.data.map((entry) => [entry.outcome, entry.version])).toEqual([
      ['unchanged', 1],
      ['updated', 2],
    ]);
    expect(await store.leads.get('lead-import-2')).toMatchObject({ company: 'Kramerica', version: 2 });
    expect(await store.routing.importLeads([{ ...lead, version: 0 }])).toMatchObject({
      success: false,
      issues: [{ code: 'stale_write', path: ['leads', 0, 'version'] }],
    });
    expect(await store.routing.importLeads([{ ...lead, company: 'Vandelay', version: 1 }])).toMatchObject({
      success: true,
      data: [{ outcome: 'updated', version: 2 }],
    });
    expect(await other.leads.get('lead-import-1')).toBeUndefined();
  });
});
