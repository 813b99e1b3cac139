import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import {
  budgetDraft,
  DIRECTOR,
  savePartners,
  usd,
  webinarDraft,
  WEBINAR_PROOFS,
  wonDeal,
} from '../../store/mdf/test-support/mdf-fixtures.js';

jest.setTimeout(120_000);

const START = '2026-11-24T15:00:00Z';
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(BACKENDS)('MDF through HTTP on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-mdf');
    await savePartners(tenant.store);
  });
  afterAll(() => server?.dispose());
  beforeEach(() => server.clock.set(START));

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>) =>
    server.call(tenant, method, `/api/v1${url}`, body, headers);
  async function ok(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = 200): Promise<Body> {
    const response = await call(method, url, body);
    if (response.status !== status)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }

  /** A funded budget allocated by tier formula: gold gets two thirds, silver one third. */
  async function allocated(amount = 3_000_000) {
    const created = await ok('POST', '/mdf/budgets', budgetDraft(amount), 201);
    const budget = created.budget;
    const allocation = await ok('POST', `/mdf/budgets/${budget.id}/allocations`, {
      order: { method: 'tier_formula', amount: usd(amount) },
      expectedVersion: budget.version,
    });
    const gold = allocation.allocations.find((found: Body) => found.partnerId === 'p-gold');
    return { budget: allocation.budget, gold, silver: allocation.allocations.find((found: Body) => found !== gold) };
  }

  async function approvedRequest(allocationId: string, requested = 800_000) {
    const submitted = await ok('POST', '/mdf/requests', webinarDraft(allocationId, requested), 201);
    const approved = await ok('POST', `/mdf/requests/${submitted.request.id}/approve`, { approver: DIRECTOR });
    return approved.request as Body;
  }

  async function tableCounts() {
    const count = async (table: 'records' | 'ledger_postings' | 'audit_log' | 'idempotency_keys') =>
      Number(
        (
          await server.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      records: await count('records'),
      ledger: await count('ledger_postings'),
      audit: await count('audit_log'),
      keys: await count('idempotency_keys'),
    };
  }

  it('takes MDF from budget to payment, every balance matching the ledger', async () => {
    const created = await ok('POST', '/mdf/budgets', budgetDraft(2_000_000), 201);
    expect(created.budget).toMatchObject({ version: 1, balances: { unallocated: usd(2_000_000) } });
    expect(created.traces[0]).toMatchObject({ decision: 'mdf.budget.funding', outcome: 'funded' });
    const funded = await ok('POST', `/mdf/budgets/${created.budget.id}/fund`, {
      amount: usd(1_000_000),
      expectedVersion: 1,
    });
    expect(funded.budget).toMatchObject({ version: 2, balances: { funding: usd(-3_000_000) } });
    const allocation = await ok('POST', `/mdf/budgets/${created.budget.id}/allocations`, {
      order: { method: 'tier_formula', amount: usd(3_000_000) },
      expectedVersion: 2,
    });
    expect(allocation.budget).toMatchObject({ version: 3, balances: { unallocated: usd(0) } });
    expect(
      allocation.allocations.map((found: Body) => [found.partnerId, found.version, found.balances.available.amount]),
    ).toEqual([
      ['p-gold', 1, 2_000_000],
      ['p-silver', 1, 1_000_000],
    ]);
    expect(allocation.effects).toHaveLength(2);
    const gold = allocation.allocations[0];

    const submitted = await ok('POST', '/mdf/requests', webinarDraft(gold.id, 800_000), 201);
    expect(submitted.request).toMatchObject({
      status: 'submitted',
      version: 1,
      links: { campaignIds: [], leadIds: [], dealIds: [] },
      terms: { reimbursementBasisPoints: 7_500, claimDeadline: '2027-02-18' },
    });
    const requestId = submitted.request.id;
    const approved = await ok('POST', `/mdf/requests/${requestId}/approve`, {
      approver: DIRECTOR,
      expectedVersion: 1,
      expectedAllocationVersion: 1,
    });
    expect(approved.request).toMatchObject({ status: 'approved', version: 2, commitment: { funds: usd(600_000) } });
    expect(approved.allocation).toMatchObject({
      version: 2,
      balances: { available: usd(1_400_000), committed: usd(600_000) },
    });

    server.clock.set('2026-12-21T15:00:00Z');
    const filed = await ok(
      'POST',
      `/mdf/requests/${requestId}/claims`,
      { amount: usd(450_000), proofs: WEBINAR_PROOFS, filedBy: 'partner-user', expectedVersion: 2 },
      201,
    );
    expect(filed.claim).toMatchObject({ status: 'submitted', version: 1 });
    expect(filed.request).toMatchObject({ version: 3, claims: { pending: usd(450_000) } });
    const reviewed = await ok('POST', `/mdf/claims/${filed.claim.id}/review`, {
      decision: { kind: 'approve', reviewedBy: 'dana' },
      expectedVersion: 1,
    });
    expect(reviewed.claim).toMatchObject({ status: 'approved', version: 2, ledgerAmount: usd(450_000) });
    expect(reviewed.allocation).toMatchObject({ version: 3, balances: { claimed: usd(450_000) } });
    expect(reviewed.request).toMatchObject({ version: 4, claims: { pending: usd(0), approved: usd(450_000) } });

    const paid = await ok(
      'POST',
      '/mdf/payment-batches',
      { claimIds: [filed.claim.id], reference: 'ACH-0001', paidOn: '2026-12-31', createdBy: 'finance' },
      201,
    );
    expect(paid.paymentBatch).toMatchObject({ version: 1, remittances: [{ reference: 'ACH-0001-1' }] });
    expect(paid.claims[0]).toMatchObject({ status: 'paid', version: 3 });
    expect(paid.effects[0]).toMatchObject({ kind: 'remit_payment', amount: usd(450_000), partnerId: 'p-gold' });
    expect((await ok('GET', `/mdf/payment-batches/${paid.paymentBatch.id}`)).paymentBatch).toEqual(paid.paymentBatch);

    const closed = await ok('POST', `/mdf/requests/${requestId}/close`, {
      closedBy: 'dana',
      expectedVersion: reviewed.request.version,
      expectedAllocationVersion: paid.allocations[0].version,
    });
    expect(closed.request).toMatchObject({ status: 'closed', released: usd(150_000) });

    const read = await ok('GET', `/mdf/allocations/${gold.id}`);
    expect(read.allocation.balances).toEqual(read.ledger.balances);
    expect(read.ledger).toMatchObject({
      balances: { available: usd(1_550_000), committed: usd(0), claimed: usd(0), paid: usd(450_000) },
      funds: usd(2_000_000),
      reconciliation: [],
    });
    const ledger = await ok('GET', `/mdf/allocations/${gold.id}/ledger`);
    expect(ledger.entries.map((entry: Body) => entry.posting.kind)).toEqual([
      'allocate',
      'commit',
      'claim',
      'pay',
      'release',
    ]);
    const firstPage = await ok('GET', `/mdf/allocations/${gold.id}/ledger?limit=2`);
    const secondPage = await ok('GET', `/mdf/allocations/${gold.id}/ledger?limit=2&after=${firstPage.next}`);
    expect([...firstPage.entries, ...secondPage.entries]).toEqual(ledger.entries.slice(0, 4));
    const budget = await ok('GET', `/mdf/budgets/${created.budget.id}`);
    expect(budget.ledger).toEqual({ balances: budget.budget.balances, reconciliation: [] });
    expect((await ok('GET', `/mdf/budgets/${created.budget.id}/ledger`)).entries).toHaveLength(4);

    const request = await ok('GET', `/mdf/requests/${requestId}`);
    expect(request.request).toEqual(closed.request);
    expect(request.claims.map((claim: Body) => [claim.status, claim.version])).toEqual([['paid', 3]]);
    expect((await ok('GET', `/mdf/claims/${filed.claim.id}`)).claim).toEqual(paid.claims[0]);
    const listed = await ok('GET', `/mdf/allocations?budgetId=${created.budget.id}`);
    expect(listed.allocations.map((found: Body) => found.ledger.reconciliation)).toEqual([[], []]);
    expect((await ok('GET', '/mdf/requests?status=closed')).requests.map((found: Body) => found.id)).toEqual([
      requestId,
    ]);
    expect((await ok('GET', `/mdf/claims?requestId=${requestId}`)).claims).toHaveLength(1);

    const audit = await ok('GET', `/audit/mdf_request/${requestId}`);
    expect(audit.entries.map((entry: Body) => entry.trace.decision)).toEqual([
      'mdf.request.submission',
      'mdf.request.approval',
      'mdf.request.closing',
    ]);
    const roi = await ok('GET', `/mdf/roi?periodUnit=quarter&partnerId=p-gold`);
    expect(roi.total).toMatchObject({ requests: 1, mdfPaid: usd(450_000) });
  });

  it('rejects, withdraws, lapses and links requests, and returns, resubmits and rejects claims', async () => {
    const { gold } = await allocated();
    const rejectedId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 100_000), 201)).request.id;
    const rejected = await ok('POST', `/mdf/requests/${rejectedId}/reject`, {
      decidedBy: 'dana',
      reason: 'Off strategy.',
    });
    expect(rejected.request).toMatchObject({ status: 'rejected', version: 2, decision: { reason: 'Off strategy.' } });
    const again = await call('POST', `/mdf/requests/${rejectedId}/reject`, { decidedBy: 'dana', reason: 'Again.' });
    expect([again.status, again.body.error]).toEqual([422, 'invalid_status']);
    expect(again.body.traces[0]).toMatchObject({ decision: 'mdf.request.rejection' });

    const withdrawnId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 100_000), 201)).request.id;
    expect((await ok('POST', `/mdf/requests/${withdrawnId}/withdraw`, {})).request.status).toBe('withdrawn');

    const undecidedId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 100_000), 201)).request.id;
    const early = await call('POST', `/mdf/requests/${undecidedId}/lapse`, {});
    expect([early.status, early.body.error]).toEqual([422, 'not_due']);
    server.clock.set('2026-12-20T15:00:00Z');
    const lapsed = await ok('POST', `/mdf/requests/${undecidedId}/lapse`, {});
    expect([lapsed.outcome, lapsed.request.status, lapsed.postings]).toEqual(['lapsed', 'lapsed', []]);
    server.clock.set(START);

    const unclaimed = await approvedRequest(gold.id, 400_000);
    server.clock.set('2027-02-19T15:00:00Z');
    const released = await ok('POST', `/mdf/requests/${unclaimed.id}/lapse`, { expectedVersion: 2 });
    expect(released.request).toMatchObject({ status: 'lapsed', released: usd(300_000) });
    expect(released.allocation.balances).toMatchObject({ committed: usd(0), available: usd(2_000_000) });
    server.clock.set(START);

    const request = await approvedRequest(gold.id);
    const linked = await ok('POST', `/mdf/requests/${request.id}/links`, { dealIds: ['d-1'], expectedVersion: 2 });
    expect(linked.request).toMatchObject({ version: 3, links: { dealIds: ['d-1'], leadIds: [], campaignIds: [] } });
    const filed = await ok(
      'POST',
      `/mdf/requests/${request.id}/claims`,
      { amount: usd(200_000), proofs: WEBINAR_PROOFS.slice(0, 1), filedBy: 'partner-user' },
      422,
    );
    expect(filed.error).toBe('proof_missing');
    const claim = (
      await ok(
        'POST',
        `/mdf/requests/${request.id}/claims`,
        { amount: usd(200_000), proofs: WEBINAR_PROOFS, filedBy: 'partner-user' },
        201,
      )
    ).claim;
    const returned = await ok('POST', `/mdf/claims/${claim.id}/review`, {
      decision: { kind: 'return', reviewedBy: 'dana', reason: 'The invoice is unreadable.' },
    });
    expect(returned.claim).toMatchObject({ status: 'returned', version: 2 });
    const resubmitted = await ok('POST', `/mdf/claims/${claim.id}/resubmit`, {
      proofs: [{ kindId: 'invoice', documentId: 'doc-invoice-2', name: 'Legible invoice' }],
      expectedVersion: 2,
    });
    expect(resubmitted.claim).toMatchObject({ status: 'submitted', version: 3 });
    expect(resubmitted.claim.proofs).toHaveLength(3);
    const refused = await ok('POST', `/mdf/claims/${claim.id}/review`, {
      decision: { kind: 'reject', reviewedBy: 'dana', reason: 'Not a webinar.' },
    });
    expect(refused.claim).toMatchObject({ status: 'rejected', version: 4 });
    expect(refused.request.claims.pending).toEqual(usd(0));
    expect((await ok('GET', `/mdf/claims?requestId=${request.id}&status=rejected`)).claims).toHaveLength(1);
    const view = await ok('GET', `/mdf/allocations/${gold.id}`);
    expect(view.ledger.reconciliation).toEqual([]);
    expect(view.ledger.balances).toMatchObject({ committed: usd(600_000), available: usd(1_400_000) });
  });

  it('accrues co-op funds on won deals once, and expires them unused', async () => {
    await tenant.store.deals.save(wonDeal('d-coop', 'p-gold', usd(20_000_000), '2026-09-10'), {
      expectedVersion: null,
    });
    const accrued = await ok('POST', '/mdf/accruals', {
      partnerId: 'p-gold',
      fundTypeId: 'co-op',
      since: '2026-01-01',
    });
    expect(accrued.allocation).toMatchObject({
      id: 'co-op:p-gold',
      kind: 'accrual',
      version: 1,
      balances: { available: usd(400_000) },
    });
    const again = await ok('POST', '/mdf/accruals', {
      partnerId: 'p-gold',
      fundTypeId: 'co-op',
      since: '2026-01-01',
      expectedVersion: 1,
    });
    expect([again.postings, again.traces[0].outcome, again.allocation.version]).toEqual([[], 'nothing_accrued', 1]);
    server.clock.set('2027-09-11T15:00:00Z');
    const expired = await ok('POST', '/mdf/allocations/co-op:p-gold/expire', { expectedVersion: 1 });
    expect(expired.allocation).toMatchObject({ version: 2, balances: { available: usd(0), expired: usd(400_000) } });
    const view = await ok('GET', '/mdf/allocations/co-op:p-gold');
    expect(view.ledger).toMatchObject({ funds: usd(0), reconciliation: [] });
    expect((await ok('GET', '/mdf/allocations?kind=accrual')).allocations).toHaveLength(1);
  });

  it('converts other currencies with the exchange rates the tenant publishes', async () => {
    const { gold } = await allocated();
    const none = await ok('GET', '/mdf/exchange-rates');
    expect(none).toEqual({ table: { asOf: '2026-11-24', rates: [] }, version: null, updatedBy: null });
    const euros = {
      ...webinarDraft(gold.id, 400_000),
      requestedAmount: { amount: 400_000, currency: 'EUR' },
      partnerContribution: { amount: 100_000, currency: 'EUR' },
    };
    const missing = await call('POST', '/mdf/requests', euros);
    expect([missing.status, missing.body.error]).toEqual([422, 'exchange_rate_missing']);
    const table = { asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: '1.0845' }] };
    const published = await call('PUT', '/mdf/exchange-rates', { table, expectedVersion: null }, {});
    expect([published.status, published.body.version]).toEqual([200, 1]);
    const raced = await call('PUT', '/mdf/exchange-rates', { table, expectedVersion: null });
    expect([raced.status, raced.body.error]).toEqual([409, 'stale_write']);
    expect((await ok('GET', '/mdf/exchange-rates')).table).toEqual(table);
    const submitted = await ok('POST', '/mdf/requests', euros, 201);
    const approved = await ok('POST', `/mdf/requests/${submitted.request.id}/approve`, { approver: DIRECTOR });
    expect(approved.request.commitment).toEqual({
      funds: { amount: 300_000, currency: 'EUR' },
      ledgerAmount: usd(325_350),
      exchangeRate: table.rates[0],
    });
  });

  it('answers malformed bodies with 400 naming each bad field, and changes nothing', async () => {
    const { budget, gold } = await allocated();
    const requestId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 100_000), 201)).request.id;
    const before = await tableCounts();
    const bad = async (url: string, body: unknown) => {
      const response = await call('POST', url, body);
      expect(response.status).toBe(400);
      return response.body.issues.map((issue: Body) => [issue.path.join('.'), issue.code]);
    };
    expect(
      await bad('/mdf/budgets', {
        ...budgetDraft(1),
        fundTypeId: 'Not An Id',
        amount: { amount: 10.5, currency: 'USD' },
        extra: true,
      }),
    ).toEqual([
      ['fundTypeId', 'invalid_format'],
      ['amount.amount', 'invalid_type'],
      ['extra', 'unknown_field'],
    ]);
    expect(
      await bad(`/mdf/budgets/${budget.id}/allocations`, { order: { method: 'manual' }, expectedVersion: -1 }),
    ).toEqual([
      ['order.amounts', 'required'],
      ['expectedVersion', 'too_small'],
    ]);
    expect(await bad('/mdf/requests', { ...webinarDraft(gold.id, 100_000), startDate: '2026-02-30' })).toEqual([
      ['startDate', 'invalid_date'],
    ]);
    expect(await bad(`/mdf/requests/${requestId}/approve`, { approver: { userId: 'dana' } })).toEqual([
      ['approver.roles', 'required'],
    ]);
    expect(await bad(`/mdf/claims/any/review`, { decision: { kind: 'escalate', reviewedBy: 'dana' } })).toEqual([
      ['decision.kind', 'invalid_value'],
    ]);
    expect(
      await bad('/mdf/payment-batches', { claimIds: [], reference: 'R', paidOn: '2027-01-15', createdBy: 'f' }),
    ).toEqual([['claimIds', 'too_small']]);
    expect(await bad('/mdf/accruals', { partnerId: 'p-gold', since: 'yesterday' })).toEqual([
      ['fundTypeId', 'required'],
      ['since', 'invalid_date'],
    ]);
    const rates = await call('PUT', '/mdf/exchange-rates', {
      table: { asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'EUR', rate: '1.5' }] },
    });
    expect(rates.status).toBe(400);
    expect(rates.body.issues.map((issue: Body) => issue.path.join('.'))).toEqual([
      'table.rates.0.to',
      'expectedVersion',
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('answers a stale write with 409 and changes nothing', async () => {
    const { budget, gold } = await allocated();
    const requestId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 400_000), 201)).request.id;
    const before = await tableCounts();
    const staleAllocation = await call('POST', `/mdf/requests/${requestId}/approve`, {
      approver: DIRECTOR,
      expectedVersion: 1,
      expectedAllocationVersion: 0,
    });
    expect(staleAllocation.status).toBe(409);
    expect(staleAllocation.body.issues).toEqual([
      { path: ['expectedAllocationVersion'], code: 'stale_write', message: expect.stringContaining('version 1') },
    ]);
    const staleRequest = await call('POST', `/mdf/requests/${requestId}/approve`, {
      approver: DIRECTOR,
      expectedVersion: 2,
    });
    expect([staleRequest.status, staleRequest.body.issues[0].path]).toEqual([409, ['expectedVersion']]);
    const staleBudget = await call('POST', `/mdf/budgets/${budget.id}/fund`, { amount: usd(100), expectedVersion: 1 });
    expect(staleBudget.status).toBe(409);
    const after = await tableCounts();
    expect({ ...after, keys: before.keys }).toEqual(before);
    expect((await ok('GET', `/mdf/requests/${requestId}`)).request).toMatchObject({ status: 'submitted', version: 1 });
    expect((await ok('GET', `/mdf/allocations/${gold.id}`)).allocation.version).toBe(1);
  });

  it('replays a retried action instead of repeating it, and refuses a key reused for another action', async () => {
    const { gold } = await allocated();
    const requestId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 400_000), 201)).request.id;
    const headers = { 'idempotency-key': `approve-${requestId}` };
    const first = await call('POST', `/mdf/requests/${requestId}/approve`, { approver: DIRECTOR }, headers);
    const again = await call('POST', `/mdf/requests/${requestId}/approve`, { approver: DIRECTOR }, headers);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const commits = await ok('GET', `/mdf/allocations/${gold.id}/ledger`);
    expect(commits.entries.filter((entry: Body) => entry.posting.kind === 'commit')).toHaveLength(1);
    const reused = await call('POST', `/mdf/requests/${requestId}/withdraw`, {}, headers);
    expect(reused.status).toBe(422);
  });

  it('documents every MDF route in the OpenAPI document, with its body schema', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Body>>;
    const mdf = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/mdf'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(mdf.sort()).toEqual(
      [
        'GET /api/v1/mdf/allocations',
        'GET /api/v1/mdf/allocations/{id}',
        'GET /api/v1/mdf/allocations/{id}/ledger',
        'GET /api/v1/mdf/budgets',
        'GET /api/v1/mdf/budgets/{id}',
        'GET /api/v1/mdf/budgets/{id}/ledger',
        'GET /api/v1/mdf/claims',
        'GET /api/v1/mdf/claims/{id}',
        'GET /api/v1/mdf/exchange-rates',
        'GET /api/v1/mdf/payment-batches/{id}',
        'GET /api/v1/mdf/requests',
        'GET /api/v1/mdf/requests/{id}',
        'GET /api/v1/mdf/roi',
        'POST /api/v1/mdf/accruals',
        'POST /api/v1/mdf/allocations/{id}/expire',
        'POST /api/v1/mdf/budgets',
        'POST /api/v1/mdf/budgets/{id}/allocations',
        'POST /api/v1/mdf/budgets/{id}/fund',
        'POST /api/v1/mdf/claims/{id}/resubmit',
        'POST /api/v1/mdf/claims/{id}/review',
        'POST /api/v1/mdf/payment-batches',
        'POST /api/v1/mdf/requests',
        'POST /api/v1/mdf/requests/{id}/approve',
        'POST /api/v1/mdf/requests/{id}/claims',
        'POST /api/v1/mdf/requests/{id}/close',
        'POST /api/v1/mdf/requests/{id}/lapse',
        'POST /api/v1/mdf/requests/{id}/links',
        'POST /api/v1/mdf/requests/{id}/reject',
        'POST /api/v1/mdf/requests/{id}/withdraw',
        'PUT /api/v1/mdf/exchange-rates',
      ].sort(),
    );
    const approve = paths['/api/v1/mdf/requests/{id}/approve']!.post!;
    expect(Object.keys(approve.requestBody.content['application/json'].schema.properties)).toEqual([
      'approver',
      'amount',
      'expectedVersion',
      'expectedAllocationVersion',
    ]);
  });

  it('answers 404 for what does not exist, and keeps another tenant out', async () => {
    const { budget, gold } = await allocated();
    const requestId = (await ok('POST', '/mdf/requests', webinarDraft(gold.id, 400_000), 201)).request.id;
    expect((await call('POST', '/mdf/requests/nope/approve', { approver: DIRECTOR })).status).toBe(404);
    expect((await call('GET', '/mdf/allocations/nope')).status).toBe(404);
    expect((await call('POST', '/mdf/requests', webinarDraft('nope', 400_000))).status).toBe(404);

    const other = await server.tenant('t-mdf-other');
    const as = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      server.call(other, method, `/api/v1${url}`, body);
    expect((await as('GET', `/mdf/budgets/${budget.id}`)).status).toBe(404);
    expect((await as('GET', `/mdf/allocations/${gold.id}`)).status).toBe(404);
    expect((await as('GET', `/mdf/requests/${requestId}`)).status).toBe(404);
    expect((await as('GET', '/mdf/requests')).body.requests).toEqual([]);
    expect((await as('POST', `/mdf/requests/${requestId}/approve`, { approver: DIRECTOR })).status).toBe(404);
    expect((await as('POST', `/mdf/budgets/${budget.id}/fund`, { amount: usd(100) })).status).toBe(404);
    expect((await ok('GET', `/mdf/requests/${requestId}`)).request.status).toBe('submitted');
  });
});
