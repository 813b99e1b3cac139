import type { Account, Deal, Lead, Partner } from '@conduit/core';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';

jest.setTimeout(120_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Sent<T> = Omit<T, 'version'> & { version?: number };

function partner(id: string, fields: Partial<Partner> = {}): Sent<Partner> {
  return {
    id,
    name: `Partner ${id}`,
    status: 'active',
    tierId: 'silver',
    specializationIds: [],
    domain: `${id}.example.com`,
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: ['software'],
    languages: ['en'],
    certifications: [{ type: 'sales-professional', earnedOn: '2026-01-10', expiresOn: null }],
    ...fields,
  };
}

function account(id: string, owner: Account['owner'] = { kind: 'direct' }, domain?: string): Sent<Account> {
  return { id, name: `Account ${id}`, ...(domain ? { domain } : {}), country: 'US', owner };
}

/** An open deal as a CRM sends it, with `fields` changed (to close it, or to break it for the refusals). */
function deal(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const open: Sent<Deal> = {
    id,
    name: `Deal ${id}`,
    accountId: 'a-1',
    amount: { amount: 2_500_000, currency: 'USD' },
    products: ['platform'],
    createdAt: '2026-09-01T12:00:00.000Z',
    partnerId: 'p-1',
    partnerRole: 'sourced',
    registrationId: null,
    stage: 'open',
  };
  return { ...open, ...fields };
}

function lead(id: string, createdAt = '2026-11-20T09:00:00.000Z'): Sent<Lead> {
  return { id, createdAt, company: `Lead ${id}`, country: 'US', subdivision: 'US-CA', product: 'platform' };
}

const issuesOf = (body: Body) => body.issues.map((issue: Body) => [issue.path.join('.'), issue.code]);

describe.each(BACKENDS)('CRM records through HTTP on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-crm');
  });
  afterAll(() => server?.dispose());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>) =>
    server.call(tenant, method, `/api/v1${url}`, body, headers);
  async function ok(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = 200): Promise<Body> {
    const response = await call(method, url, body);
    if (response.status !== status)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }

  /** The tenant's records of a kind (id and version) and its audit entries: to show nothing changed. */
  async function snapshot(kind: string) {
    const { db } = tenant.store;
    const records = await db
      .selectFrom('records')
      .select(['id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
    const audit = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    return { records, audit: Number(audit.n) };
  }

  it('creates a partner, reads it, leaves it unchanged when sent again, and updates it with the version read', async () => {
    const created = await ok('PUT', '/crm/partners/p-crm-1', partner('p-crm-1'), 201);
    expect(created).toEqual({ partner: { ...partner('p-crm-1'), version: 1 }, outcome: 'created' });
    expect(await ok('GET', '/crm/partners/p-crm-1')).toEqual({ ...partner('p-crm-1'), version: 1 });

    const again = await ok('PUT', '/crm/partners/p-crm-1', partner('p-crm-1'));
    expect([again.outcome, again.partner.version]).toEqual(['unchanged', 1]);

    const renamed = await ok('PUT', '/crm/partners/p-crm-1', {
      ...partner('p-crm-1', { name: 'Northwind Systems', tierId: 'gold' }),
      expectedVersion: 1,
    });
    expect([renamed.outcome, renamed.partner.version, renamed.partner.name]).toEqual([
      'updated',
      2,
      'Northwind Systems',
    ]);
    // A record read with GET can be sent back as it is: its own `version` is the version read.
    const read = await ok('GET', '/crm/partners/p-crm-1');
    const back = await ok('PUT', '/crm/partners/p-crm-1', { ...read, performanceScore: 0.8 });
    expect([back.outcome, back.partner.version, back.partner.performanceScore]).toEqual(['updated', 3, 0.8]);
    expect((await tenant.store.partners.get('p-crm-1'))?.performanceScore).toBe(0.8);
  });

  it('refuses a stale write with 409 and changes nothing', async () => {
    await ok('PUT', '/crm/accounts/a-stale', account('a-stale'), 201);
    await ok('PUT', '/crm/accounts/a-stale', { ...account('a-stale'), name: 'Changed by someone else' });
    const before = await snapshot('account');

    const stale = await call('PUT', '/crm/accounts/a-stale', {
      ...account('a-stale'),
      name: 'Mine',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.issues).toEqual([
      {
        path: ['expectedVersion'],
        code: 'stale_write',
        message: 'The account "a-stale" is at version 2, not 1 as read: read it again and send it again.',
      },
    ]);
    const mustBeNew = await call('PUT', '/crm/accounts/a-stale', { ...account('a-stale'), version: 0 });
    expect([mustBeNew.status, issuesOf(mustBeNew.body)]).toEqual([409, [['version', 'stale_write']]]);
    const missing = await call('PUT', '/crm/accounts/a-missing', { ...account('a-missing'), expectedVersion: 3 });
    expect([missing.status, issuesOf(missing.body)]).toEqual([409, [['expectedVersion', 'stale_write']]]);

    expect(await snapshot('account')).toEqual(before);
    expect((await ok('GET', '/crm/accounts/a-stale')).name).toBe('Changed by someone else');
  });

  it('answers 400 naming each bad field, and 400 when the body is not the record of the path', async () => {
    const before = await snapshot('partner');
    const broken = await call('PUT', '/crm/partners/p-bad', {
      ...partner('p-bad'),
      name: ' ',
      status: 'dormant',
      coverage: { countries: ['USA'], subdivisions: [], postalPrefixes: [] },
      nickname: 'Bad',
    });
    expect(broken.status).toBe(400);
    expect(issuesOf(broken.body)).toEqual([
      ['name', 'blank'],
      ['status', 'invalid_value'],
      ['coverage.countries.0', 'unknown_country'],
      ['nickname', 'unknown_field'],
    ]);

    const otherId = await call('PUT', '/crm/partners/p-bad', partner('p-other'));
    expect([otherId.status, issuesOf(otherId.body)]).toEqual([400, [['id', 'invalid_value']]]);
    const twoVersions = await call('PUT', '/crm/partners/p-bad', {
      ...partner('p-bad'),
      version: 1,
      expectedVersion: 2,
    });
    expect([twoVersions.status, issuesOf(twoVersions.body)]).toEqual([400, [['expectedVersion', 'invalid_value']]]);
    const noKey = await call('PUT', '/crm/partners/p-bad', partner('p-bad'), { 'idempotency-key': '' });
    expect([noKey.status, noKey.body.error]).toEqual([400, 'idempotency_key_required']);
    const unclosed = await call('PUT', '/crm/deals/d-bad', deal('d-bad', { stage: 'won' }));
    expect([unclosed.status, issuesOf(unclosed.body)]).toEqual([400, [['closedOn', 'required']]]);
    const roleless = await call('PUT', '/crm/deals/d-bad', deal('d-bad', { partnerRole: null }));
    expect([roleless.status, issuesOf(roleless.body)]).toEqual([400, [['partnerRole', 'partner_role_mismatch']]]);
    const query = await call('GET', '/crm/deals?stage=pending&limit=0');
    expect([query.status, issuesOf(query.body)]).toEqual([
      400,
      [
        ['query.stage', 'invalid_value'],
        ['query.limit', 'too_small'],
      ],
    ]);
    expect(await snapshot('partner')).toEqual(before);
  });

  it('answers 404 for a record that does not exist', async () => {
    for (const kind of ['partners', 'accounts', 'deals', 'leads']) {
      const response = await call('GET', `/crm/${kind}/nope`);
      expect([kind, response.status, response.body.error, response.body.issues[0].path]).toEqual([
        kind,
        404,
        'not_found',
        ['id'],
      ]);
    }
  });

  it('replays a retried upsert and import instead of repeating them', async () => {
    const headers = { 'idempotency-key': 'put-p-replay' };
    const first = await call('PUT', '/crm/partners/p-replay', partner('p-replay'), headers);
    const again = await call('PUT', '/crm/partners/p-replay', partner('p-replay'), headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const reused = await call('PUT', '/crm/partners/p-replay', partner('p-replay', { name: 'Other' }), headers);
    expect([reused.status, reused.body.error]).toEqual([422, 'idempotency_key_reused']);

    const importHeaders = { 'idempotency-key': 'import-leads-replay' };
    const body = { leads: [lead('l-replay-1'), lead('l-replay-2')] };
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/v1/crm/leads/import',
      headers: { authorization: `Bearer ${tenant.token}`, ...importHeaders },
      payload: body,
    });
    const replayed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/crm/leads/import',
      headers: { authorization: `Bearer ${tenant.token}`, ...importHeaders },
      payload: body,
    });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual(imported.json());
    expect(imported.json().leads.map((entry: Body) => entry.outcome)).toEqual(['created', 'created']);
    expect((await tenant.store.leads.get('l-replay-1'))?.version).toBe(1);
  });

  it('lists each kind by the filters its repository answers, a page at a time in id order', async () => {
    await ok('POST', '/crm/partners/import', {
      partners: [
        partner('p-list-1', { tierId: 'platinum' }),
        partner('p-list-2', { status: 'onboarding', tierId: null }),
        partner('p-list-3', { tierId: 'platinum' }),
        partner('p-list-4', { status: 'suspended' }),
      ],
    });
    const gold = await ok('GET', '/crm/partners?tierId=platinum&limit=1');
    expect([gold.partners.map((found: Body) => found.id), gold.next]).toEqual([['p-list-1'], 'p-list-1']);
    const rest = await ok('GET', `/crm/partners?tierId=platinum&limit=1&after=${gold.next}`);
    expect(rest.partners.map((found: Body) => found.id)).toEqual(['p-list-3']);
    const last = await ok('GET', `/crm/partners?tierId=platinum&limit=1&after=${rest.next}`);
    expect([last.partners, last.next]).toEqual([[], null]);
    const onboarding = await ok('GET', '/crm/partners?status=onboarding');
    expect([onboarding.partners.map((found: Body) => found.id), onboarding.next]).toEqual([['p-list-2'], null]);

    await ok('POST', '/crm/accounts/import', {
      accounts: [
        account('a-list-1', { kind: 'partner', partnerId: 'p-list-1' }, 'globex.com'),
        account('a-list-2', { kind: 'direct' }, 'globex.com'),
        account('a-list-3', { kind: 'partner', partnerId: 'p-list-3' }, 'initech.com'),
      ],
    });
    const owned = await ok('GET', '/crm/accounts?ownerKind=partner');
    expect(owned.accounts.map((found: Body) => found.id)).toEqual(['a-list-1', 'a-list-3']);
    const globex = await ok('GET', '/crm/accounts?domain=globex.com&ownerKind=direct');
    expect(globex.accounts.map((found: Body) => found.id)).toEqual(['a-list-2']);

    await ok('POST', '/crm/deals/import', {
      deals: [
        deal('d-list-1', { partnerId: 'p-list-1', accountId: 'a-list-1' }),
        deal('d-list-2', { partnerId: 'p-list-1', accountId: 'a-list-2', stage: 'won', closedOn: '2026-10-02' }),
        deal('d-list-3', {
          partnerId: null,
          partnerRole: null,
          accountId: 'a-list-2',
          stage: 'lost',
          closedOn: '2026-10-03',
        }),
      ],
    });
    const ofPartner = await ok('GET', '/crm/deals?partnerId=p-list-1');
    expect(ofPartner.deals.map((found: Body) => found.id)).toEqual(['d-list-1', 'd-list-2']);
    const ofAccount = await ok('GET', '/crm/deals?accountId=a-list-2&stage=lost');
    expect(ofAccount.deals).toEqual([
      {
        ...deal('d-list-3', {
          partnerId: null,
          partnerRole: null,
          accountId: 'a-list-2',
          stage: 'lost',
          closedOn: '2026-10-03',
        }),
        version: 1,
      },
    ]);

    await ok('POST', '/crm/leads/import', {
      leads: [lead('l-list-old', '2026-01-05T00:00:00.000Z'), lead('l-list-new', '2026-11-23T08:00:00.000Z')],
    });
    const recent = await ok('GET', '/crm/leads?createdSince=2026-11-22T00:00:00Z');
    expect(recent.leads.map((found: Body) => found.id)).toEqual(['l-list-new']);
  });

  it('imports up to 1,000 records in one transaction, reporting each one as created, updated or unchanged', async () => {
    const many = Array.from({ length: 1000 }, (_, index) => lead(`l-bulk-${String(index).padStart(4, '0')}`));
    const first = await ok('POST', '/crm/leads/import', { leads: many });
    expect(first.leads).toHaveLength(1000);
    expect(new Set(first.leads.map((entry: Body) => entry.outcome))).toEqual(new Set(['created']));
    const changed = many.map((item, index) => (index % 2 === 0 ? { ...item, company: `Renamed ${index}` } : item));
    const second = await ok('POST', '/crm/leads/import', { leads: changed });
    expect(second.leads.slice(0, 2)).toEqual([
      { id: 'l-bulk-0000', version: 2, outcome: 'updated' },
      { id: 'l-bulk-0001', version: 1, outcome: 'unchanged' },
    ]);
    // The routing import is the same import: it finds these leads as they are.
    const routing = await ok('POST', '/routing/leads/import', { leads: changed.slice(0, 2) });
    expect(routing.leads.map((entry: Body) => entry.outcome)).toEqual(['unchanged', 'unchanged']);

    const tooMany = await call('POST', '/crm/leads/import', { leads: [...many, lead('l-bulk-1000')] });
    expect([tooMany.status, issuesOf(tooMany.body)]).toEqual([400, [['leads', 'too_big']]]);
    const empty = await call('POST', '/crm/leads/import', { leads: [] });
    expect([empty.status, issuesOf(empty.body)]).toEqual([400, [['leads', 'too_small']]]);
  });

  it('refuses a whole import for one bad record: 400 naming the index and field of each, and nothing is written', async () => {
    const before = await snapshot('deal');
    const malformed = await call('POST', '/crm/deals/import', {
      deals: [
        deal('d-batch-1'),
        deal('d-batch-2', { amount: { amount: -5, currency: 'USD' } }),
        deal('d-batch-3', { partnerRole: null }),
        deal('d-batch-4', { stage: 'won' }),
      ],
    });
    expect(malformed.status).toBe(400);
    expect(issuesOf(malformed.body)).toEqual([
      ['deals.1.amount.amount', 'too_small'],
      ['deals.2.partnerRole', 'partner_role_mismatch'],
      ['deals.3.closedOn', 'required'],
    ]);
    const repeated = await call('POST', '/crm/deals/import', { deals: [deal('d-batch-1'), deal('d-batch-1')] });
    expect([repeated.status, issuesOf(repeated.body)]).toEqual([400, [['deals.1.id', 'duplicate_value']]]);
    expect(await snapshot('deal')).toEqual(before);
  });

  it('rolls back every record of an import refused at its last record', async () => {
    await ok('PUT', '/crm/deals/d-tx-3', deal('d-tx-3'), 201);
    const before = await snapshot('deal');
    const refused = await call('POST', '/crm/deals/import', {
      deals: [deal('d-tx-1'), deal('d-tx-2'), { ...deal('d-tx-3', { name: 'Mine' }), version: 7 }],
    });
    expect([refused.status, issuesOf(refused.body)]).toEqual([409, [['deals.2.version', 'stale_write']]]);
    expect(await snapshot('deal')).toEqual(before);
    expect(await tenant.store.deals.getMany(['d-tx-1', 'd-tx-2'])).toEqual([]);
  });

  it("keeps a partner's status to its lifecycle once it has one, in an upsert and in an import", async () => {
    await ok('PUT', '/crm/partners/p-owned', partner('p-owned', { status: 'applicant', tierId: null }), 201);
    await ok('POST', '/partners/applications', { partnerId: 'p-owned', partnerName: 'Owned', submittedBy: 'u-1' }, 201);
    await ok('POST', '/partners/p-owned/lifecycle/approve', { by: 'cm-1' });
    const record = await ok('GET', '/crm/partners/p-owned');
    expect([record.status, record.version]).toEqual(['approved', 2]);

    const before = await snapshot('partner');
    const promoted = await call('PUT', '/crm/partners/p-owned', { ...record, status: 'active' });
    expect(promoted.status).toBe(422);
    expect(promoted.body.issues).toEqual([
      {
        path: ['status'],
        code: 'status_set_by_lifecycle',
        message:
          'Partner p-owned is approved in its lifecycle, which alone changes its status: send "approved", and move the partner with POST /api/v1/partners/p-owned/lifecycle/<event>.',
      },
    ]);
    const imported = await call('POST', '/crm/partners/import', {
      partners: [partner('p-free', { status: 'active' }), { ...partner('p-owned'), status: 'applicant' }],
    });
    expect([imported.status, issuesOf(imported.body)]).toEqual([
      422,
      [['partners.1.status', 'status_set_by_lifecycle']],
    ]);
    expect(await snapshot('partner')).toEqual(before);

    // Other fields follow the CRM as long as the status is the lifecycle's.
    const renamed = await ok('PUT', '/crm/partners/p-owned', { ...record, name: 'Owned & Co' });
    expect([renamed.partner.name, renamed.partner.status, renamed.partner.version]).toEqual([
      'Owned & Co',
      'approved',
      3,
    ]);
    // A partner without a lifecycle keeps the status its CRM gives it.
    const free = await ok('PUT', '/crm/partners/p-free', partner('p-free', { status: 'suspended' }), 201);
    expect(free.partner.status).toBe('suspended');
  });

  it("keeps another tenant out of the tenant's records", async () => {
    await ok('PUT', '/crm/partners/p-private', partner('p-private'), 201);
    await ok('PUT', '/crm/deals/d-private', deal('d-private', { partnerId: 'p-private' }), 201);
    const other = await server.tenant('t-crm-other');
    const as = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      server.call(other, method, `/api/v1${url}`, body);

    expect((await as('GET', '/crm/partners/p-private')).status).toBe(404);
    expect((await as('GET', '/crm/deals/d-private')).status).toBe(404);
    expect((await as('GET', '/crm/partners')).body).toEqual({ partners: [], next: null });
    expect((await as('GET', '/crm/deals?partnerId=p-private')).body.deals).toEqual([]);
    // Its writes of the same ids make its own records and leave the first tenant's alone.
    const stale = await as('PUT', '/crm/partners/p-private', {
      ...partner('p-private', { name: 'Theirs' }),
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const own = await as('PUT', '/crm/partners/p-private', partner('p-private', { name: 'Theirs' }));
    expect([own.status, own.body.partner.version]).toEqual([201, 1]);
    await as('POST', '/crm/deals/import', { deals: [deal('d-private', { name: 'Theirs' })] });

    expect(await ok('GET', '/crm/partners/p-private')).toMatchObject({ name: 'Partner p-private', version: 1 });
    expect(await ok('GET', '/crm/deals/d-private')).toMatchObject({ name: 'Deal d-private', version: 1 });
    expect((await as('GET', '/crm/partners/p-private')).body.name).toBe('Theirs');
  });

  it('documents every CRM route in the OpenAPI document, with its body and response schemas', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Body>>;
    const crm = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/crm'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(crm.sort()).toEqual(
      ['partners', 'accounts', 'deals', 'leads']
        .flatMap((kind) => [
          `GET /api/v1/crm/${kind}`,
          `GET /api/v1/crm/${kind}/{id}`,
          `PUT /api/v1/crm/${kind}/{id}`,
          `POST /api/v1/crm/${kind}/import`,
        ])
        .sort(),
    );
    const put = paths['/api/v1/crm/partners/{id}']!.put!;
    expect(Object.keys(put.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'status', 'coverage', 'version', 'expectedVersion']),
    );
    expect(Object.keys(put.responses).sort()).toEqual(['200', '201', '400', '409', '422']);
    const created = put.responses['201'].content['application/json'].schema;
    expect(Object.keys(created.properties)).toEqual(['partner', 'outcome']);
    const list = paths['/api/v1/crm/deals']!.get!;
    expect(Object.keys(list.responses['200'].content['application/json'].schema.properties)).toEqual(['deals', 'next']);
    expect(list.parameters.map((parameter: Body) => parameter.name)).toEqual([
      'partnerId',
      'accountId',
      'stage',
      'after',
      'limit',
    ]);
  });
});
