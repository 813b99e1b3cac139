import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import { seedAnalyticsChannel } from '../../store/analytics/test-support/analytics-channel.js';
import { usd, webinarDraft, WEBINAR_PROOFS, DIRECTOR } from '../../store/mdf/test-support/mdf-fixtures.js';

jest.setTimeout(120_000);

const START = '2026-11-24T15:00:00Z';
const FY2027 = { from: '2026-02-01', to: '2027-02-01' };
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The touches recorded on deal d-1 (sourced by Alpha on 2026-03-10, won on 2026-06-15). */
const D1_TOUCHES = [
  { id: 't-beta', dealId: 'd-1', partnerId: 'p-beta', kind: 'influence_activity', on: '2026-04-01' },
  { id: 't-gamma', dealId: 'd-1', partnerId: 'p-gamma', kind: 'co_sell', on: '2026-05-01' },
];

const ACTIVITIES = [
  { id: 'a-1', partnerId: 'p-gamma', kind: 'webinar', on: '2026-09-10', count: 3 },
  { id: 'a-2', partnerId: 'p-alpha', kind: 'training', on: '2026-02-20', count: 2 },
  { id: 'a-3', partnerId: 'p-beta', kind: 'webinar', on: '2025-12-01', count: 1 },
];

const money = (cents: number, deals: number) => ({ amount: usd(cents), deals });

describe.each(BACKENDS)('channel analytics through HTTP on %s', (backend) => {
  let server: TestServer;
  let acme: TestTenant;
  let other: TestTenant;

  const call = (
    tenant: TestTenant,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => server.call(tenant, method, `/api/v1${url}`, body, headers);
  async function ok(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = 200): Promise<Body> {
    const response = await call(acme, method, url, body);
    if (response.status !== status)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }
  const issuesOf = (body: Body) => (body.issues as Body[]).map((found) => [found.path.join('.'), found.code]);

  /**
   * Alpha's MDF: proposal funds allocated by tier formula; a webinar request submitted on the test day (2026-11-24),
   * approved, linked to deal d-1, claimed for $4,500 and paid on 2027-01-05.
   */
  async function runMdf() {
    const budget = (
      await ok(
        'POST',
        '/mdf/budgets',
        {
          name: 'FY2027 Q4 proposals',
          fundTypeId: 'proposal-mdf',
          period: { unit: 'quarter', start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' },
          scope: { kind: 'program' },
          amount: usd(3_000_000),
        },
        201,
      )
    ).budget;
    const allocated = await ok('POST', `/mdf/budgets/${budget.id}/allocations`, {
      order: { method: 'tier_formula', amount: usd(3_000_000) },
    });
    const alpha = allocated.allocations.find((found: Body) => found.partnerId === 'p-alpha');
    const submitted = await ok('POST', '/mdf/requests', webinarDraft(alpha.id, 800_000), 201);
    const requestId = submitted.request.id;
    await ok('POST', `/mdf/requests/${requestId}/approve`, { approver: DIRECTOR });
    await ok('POST', `/mdf/requests/${requestId}/links`, { dealIds: ['d-1'] });
    server.clock.set('2026-12-21T15:00:00Z');
    const filed = await ok(
      'POST',
      `/mdf/requests/${requestId}/claims`,
      { amount: usd(450_000), proofs: WEBINAR_PROOFS, filedBy: 'partner-user' },
      201,
    );
    await ok('POST', `/mdf/claims/${filed.claim.id}/review`, { decision: { kind: 'approve', reviewedBy: 'dana' } });
    server.clock.set('2027-01-05T15:00:00Z');
    await ok(
      'POST',
      '/mdf/payment-batches',
      { claimIds: [filed.claim.id], reference: 'ACH-0001', paidOn: '2027-01-05', createdBy: 'finance' },
      201,
    );
    server.clock.set(START);
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
    acme = await server.tenant('t-acme');
    other = await server.tenant('t-other');
    await seedAnalyticsChannel(acme.store);
    await ok('PUT', '/mdf/exchange-rates', {
      table: { asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: '1.1' }] },
      expectedVersion: null,
    });
    // Beta is raised from Silver to Gold by hand in FY2027 Q2.
    server.clock.set('2026-06-10T15:00:00Z');
    await ok('POST', '/tiers/partners/p-beta/override', {
      tierId: 'gold',
      expiresOn: '2027-06-01',
      reason: 'Strategic partner',
      by: 'dana',
    });
    server.clock.set(START);
    await runMdf();
    await ok('POST', '/analytics/touches/import', { touches: D1_TOUCHES });
    await ok('POST', '/analytics/activities/import', { activities: ACTIVITIES });
  });
  afterAll(() => server?.dispose());
  beforeEach(() => server.clock.set(START));

  describe('the KPI report', () => {
    let report: Body;
    beforeAll(async () => {
      report = await ok('GET', `/analytics/kpis?from=${FY2027.from}&to=${FY2027.to}&unit=quarter`);
    });

    it('cuts the fiscal year into its quarters', () => {
      expect(report.buckets.map((bucket: Body) => bucket.label)).toEqual([
        'FY2027 Q1',
        'FY2027 Q2',
        'FY2027 Q3',
        'FY2027 Q4',
      ]);
      expect(report.window).toEqual({ ...FY2027, unit: 'quarter', calendar: 'fiscal' });
    });

    it('adds up pipeline and revenue by partner role, converting euros and leaving out pounds', () => {
      const { deals } = report.total;
      // Sourced pipeline: d-1 $100,000 + d-3 $40,000 + d-5 $20,000 + d-6 €10,000 at 1.1.
      expect(deals.sourcedPipeline).toEqual(money(17_100_000, 4));
      expect(deals.influencedPipeline).toEqual(money(5_000_000, 1));
      expect(deals.directPipeline).toEqual(money(3_000_000, 1));
      // Won in the year: d-1 and d-8 (created the year before) sourced, d-2 influenced, d-4 direct.
      expect(deals.sourcedWon).toEqual(money(10_500_000, 2));
      expect(deals.influencedWon).toEqual(money(5_000_000, 1));
      expect(deals.directWon).toEqual(money(3_000_000, 1));
      expect(deals.outcomes).toMatchObject({
        won: 3,
        lost: 1,
        winRate: 0.75,
        wonRevenue: usd(15_500_000),
        averageDealSize: usd(5_166_667),
      });
      // Days to close: d-8 71, d-1 97, d-2 153.
      expect(deals.outcomes.daysToClose).toMatchObject({ count: 3, median: 97, p90: 153 });
      expect(deals.withoutPartner).toMatchObject({ won: 1, lost: 0, winRate: 1 });
      expect(report.dataIssues).toEqual([
        {
          code: 'exchange_rate_missing_deal',
          count: 1,
          message: '1 deal is in a currency without an exchange rate to USD and was left out.',
        },
      ]);
    });

    it('places deals in the quarters they were created and closed in', () => {
      const pipeline = report.byBucket.map((bucket: Body) => [
        bucket.deals.sourcedPipeline.amount.amount,
        bucket.deals.influencedPipeline.amount.amount,
        bucket.deals.directPipeline.amount.amount,
      ]);
      expect(pipeline).toEqual([
        [10_000_000, 5_000_000, 3_000_000],
        [5_100_000, 0, 0],
        [2_000_000, 0, 0],
        [0, 0, 0],
      ]);
      const closed = report.byBucket.map((bucket: Body) => [
        bucket.deals.outcomes.won,
        bucket.deals.outcomes.lost,
        bucket.deals.withoutPartner.won,
      ]);
      expect(closed).toEqual([
        [1, 0, 1],
        [1, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
      ]);
    });

    it('gives each partner its own figures, and each country its deals', () => {
      const row = (id: string) => report.byPartner.find((found: Body) => found.partnerId === id).kpis;
      expect(row('p-alpha').deals).toMatchObject({
        sourcedPipeline: money(11_100_000, 2),
        influencedPipeline: money(5_000_000, 1),
        sourcedWon: money(10_000_000, 1),
        influencedWon: money(5_000_000, 1),
      });
      expect(row('p-beta').deals).toMatchObject({
        sourcedPipeline: money(6_000_000, 2),
        outcomes: { won: 0, lost: 1, winRate: 0 },
      });
      expect(row('p-gamma').deals.sourcedWon).toEqual(money(500_000, 1));
      const regions = Object.fromEntries(
        report.byRegion.map((region: Body) => [
          region.key,
          region.deals.sourcedPipeline.amount.amount + region.deals.influencedPipeline.amount.amount,
        ]),
      );
      expect(regions).toEqual({ US: 16_000_000, DE: 6_100_000 });
    });

    it('measures registration approvals and lead acceptance against their SLAs', () => {
      expect(report.total.registrations).toEqual({
        approved: 2,
        rejected: 1,
        approvalHours: { count: 2, average: 60, median: 24, p90: 96, withinSla: 1, shareWithinSla: 0.5 },
      });
      expect(report.total.leadOffers).toEqual({
        accepted: 2,
        declined: 1,
        expired: 1,
        acceptanceRate: 0.5,
        acceptanceHours: { count: 2, average: 27, median: 6, p90: 48, withinSla: 1, shareWithinSla: 0.5 },
      });
    });

    it('counts engagement from the store and from recorded activities', () => {
      const { engagement } = report.total;
      // 5 recorded in the year (a-3 is before it), 4 registrations submitted, 2 leads accepted,
      // 1 MDF request submitted, 1 certification earned.
      expect(engagement.activities).toBe(13);
      expect(engagement.engagedPartners).toBe(3);
      expect(Object.fromEntries(engagement.byKind.map((kind: Body) => [kind.kind, kind.count]))).toEqual({
        certification_earned: 1,
        lead_accepted: 2,
        mdf_request_submitted: 1,
        registration_submitted: 4,
        training: 2,
        webinar: 3,
      });
    });

    it('counts MDF paid as investment and reports MDF ROI on the linked deal', () => {
      expect(report.total.investment).toEqual({
        invested: usd(450_000),
        partnerRevenue: usd(15_500_000),
        returnOnInvestment: { numerator: 301, denominator: 9 },
      });
      expect(report.byBucket.map((bucket: Body) => bucket.investment.invested.amount)).toEqual([0, 0, 0, 450_000]);
      expect(report.mdfRoi.total).toMatchObject({
        requests: 1,
        mdfPaid: usd(450_000),
        sourcedPipeline: usd(10_000_000),
        wonRevenue: usd(10_000_000),
      });
    });

    it('follows tier movements through the year', () => {
      expect(report.tiers.upgrades).toEqual([0, 1, 0, 0]);
      expect(report.tiers.moves).toEqual([{ from: 'silver', to: 'gold', count: 1 }]);
      expect(report.byPartner.find((found: Body) => found.partnerId === 'p-beta').tierId).toBe('gold');
    });

    it('answers the same report to the POST form', async () => {
      const posted = await ok('POST', '/analytics/kpis', {
        window: { ...FY2027, unit: 'quarter', calendar: 'fiscal' },
      });
      expect(posted).toEqual(report);
    });
  });

  describe('attribution', () => {
    let report: Body;
    beforeAll(async () => {
      report = await ok('POST', '/analytics/attribution', {
        ...FY2027,
        models: [{ kind: 'position_based' }, { kind: 'first_touch' }],
      });
    });
    const partner = (id: string) => report.byPartner.find((found: Body) => found.partnerId === id);

    it('splits d-1 40/20/40 among Alpha (its source), Beta and Gamma under the position-based model', () => {
      expect(partner('p-alpha')).toMatchObject({ label: 'Partner alpha', deals: 3, sourcedDeals: 2 });
      expect(partner('p-alpha').byModel[0]).toEqual({
        sourcedPipeline: usd(5_100_000),
        influencedPipeline: usd(5_000_000),
        sourcedWon: usd(4_000_000),
        influencedWon: usd(5_000_000),
      });
      expect(partner('p-beta').byModel[0]).toEqual({
        sourcedPipeline: usd(6_000_000),
        influencedPipeline: usd(2_000_000),
        sourcedWon: usd(0),
        influencedWon: usd(2_000_000),
      });
      expect(partner('p-gamma').byModel[0]).toEqual({
        sourcedPipeline: usd(0),
        influencedPipeline: usd(4_000_000),
        sourcedWon: usd(500_000),
        influencedWon: usd(4_000_000),
      });
    });

    it('gives all of d-1 to its first touch under first touch', () => {
      expect(partner('p-alpha').byModel[1].sourcedWon).toEqual(usd(10_000_000));
      expect(partner('p-beta').byModel[1].influencedWon).toEqual(usd(0));
      expect(partner('p-gamma').byModel[1].influencedWon).toEqual(usd(0));
    });

    it('classifies deals, and leaves out the deal it cannot convert', () => {
      expect(report.classification).toEqual({
        sourced: { pipelineDeals: 4, pipeline: usd(17_100_000), wonDeals: 2, won: usd(10_500_000) },
        influenced: { pipelineDeals: 1, pipeline: usd(5_000_000), wonDeals: 1, won: usd(5_000_000) },
        direct: { pipelineDeals: 1, pipeline: usd(3_000_000), wonDeals: 1, won: usd(3_000_000) },
      });
      expect(report.dataIssues.map((found: Body) => [found.code, found.count])).toEqual([['currency_mismatch', 1]]);
    });

    it("uses the program's model when none is asked for", async () => {
      const own = await ok('POST', '/analytics/attribution', FY2027);
      expect(own.models.map((model: Body) => model.key)).toEqual([report.models[0].key]);
      expect(own.byPartner).toEqual(report.byPartner.map((row: Body) => ({ ...row, byModel: [row.byModel[0]] })));
    });
  });

  describe('touches', () => {
    it("lists a deal's touches in attribution order, its own first", async () => {
      const listed = await ok('GET', '/analytics/deals/d-1/touches');
      expect(listed).toEqual({
        dealId: 'd-1',
        touches: [
          { id: 'd-1#partner', dealId: 'd-1', partnerId: 'p-alpha', kind: 'sourced', on: '2026-03-10' },
          ...D1_TOUCHES,
        ],
      });
      expect((await call(acme, 'GET', '/analytics/deals/d-404/touches')).status).toBe(404);
    });

    it('replaces a touch imported again and counts what changed', async () => {
      const again = await ok('POST', '/analytics/touches/import', {
        touches: [D1_TOUCHES[0], { ...D1_TOUCHES[1], weight: 3 }],
      });
      expect(again).toEqual({ created: 0, updated: 1, unchanged: 1 });
      expect((await ok('GET', '/analytics/deals/d-1/touches')).touches[2]).toEqual({ ...D1_TOUCHES[1], weight: 3 });
      const restored = await ok('POST', '/analytics/touches/import', { touches: D1_TOUCHES });
      expect(restored).toEqual({ created: 0, updated: 1, unchanged: 1 });
    });

    it('imports all or nothing: one unknown deal refuses the whole request', async () => {
      const response = await call(acme, 'POST', '/analytics/touches/import', {
        touches: [
          { id: 't-new', dealId: 'd-2', partnerId: 'p-beta', kind: 'co_sell', on: '2026-05-01' },
          { id: 't-bad', dealId: 'd-404', partnerId: 'p-nobody', kind: 'co_sell', on: '2026-05-01' },
        ],
      });
      expect(response.status).toBe(422);
      expect(issuesOf(response.body)).toEqual([
        ['touches.1.dealId', 'unknown_deal'],
        ['touches.1.partnerId', 'unknown_partner'],
      ]);
      expect((await ok('GET', '/analytics/deals/d-2/touches')).touches).toHaveLength(1);
    });

    it('refuses a malformed touch with 400 naming its index and field, and repeated ids', async () => {
      const malformed = await call(acme, 'POST', '/analytics/touches/import', {
        touches: [D1_TOUCHES[0], { ...D1_TOUCHES[1], on: '2026-02-30', kind: 'lunch' }],
      });
      expect(malformed.status).toBe(400);
      expect(issuesOf(malformed.body)).toEqual([
        ['touches.1.kind', 'invalid_value'],
        ['touches.1.on', 'invalid_date'],
      ]);
      const repeated = await call(acme, 'POST', '/analytics/touches/import', {
        touches: [D1_TOUCHES[0], D1_TOUCHES[0]],
      });
      expect(repeated.status).toBe(400);
      expect(issuesOf(repeated.body)).toEqual([['touches.1.id', 'duplicate_value']]);
      const tooMany = await call(acme, 'POST', '/analytics/touches/import', {
        touches: Array.from({ length: 1001 }, (_, index) => ({ ...D1_TOUCHES[0], id: `t-${index}` })),
      });
      expect(tooMany.status).toBe(400);
      expect(issuesOf(tooMany.body)).toEqual([['touches', 'too_big']]);
    });

    it('answers a retried import with the first answer, and needs an Idempotency-Key', async () => {
      const headers = { 'idempotency-key': 'touch-import-1' };
      const body = {
        touches: [{ id: 't-retry', dealId: 'd-5', partnerId: 'p-alpha', kind: 'co_sell', on: '2026-10-02' }],
      };
      const first = await call(acme, 'POST', '/analytics/touches/import', body, headers);
      const retried = await call(acme, 'POST', '/analytics/touches/import', body, headers);
      expect(first).toEqual({ status: 200, body: { created: 1, updated: 0, unchanged: 0 } });
      expect(retried).toEqual(first);
      const keyless = await server.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/touches/import',
        headers: { authorization: `Bearer ${acme.token}` },
        payload: body,
      });
      expect(keyless.statusCode).toBe(400);
    });
  });

  describe('activities', () => {
    it('imports all or nothing, naming the partners it does not know', async () => {
      const response = await call(acme, 'POST', '/analytics/activities/import', {
        activities: [
          { id: 'a-new', partnerId: 'p-alpha', kind: 'webinar', on: '2026-10-10', count: 1 },
          { id: 'a-bad', partnerId: 'p-nobody', kind: 'webinar', on: '2026-10-10', count: 1 },
        ],
      });
      expect(response.status).toBe(422);
      expect(issuesOf(response.body)).toEqual([['activities.1.partnerId', 'unknown_partner']]);
      const report = await ok('GET', `/analytics/kpis?from=${FY2027.from}&to=${FY2027.to}&unit=year`);
      expect(report.total.engagement.activities).toBe(13);
    });

    it('refuses day numbers and zero counts with 400 naming index and field', async () => {
      const response = await call(acme, 'POST', '/analytics/activities/import', {
        activities: [{ id: 'a-x', partnerId: 'p-alpha', kind: 'webinar', on: 20_500, count: 0 }],
      });
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toEqual([
        ['activities.0.on', 'invalid_type'],
        ['activities.0.count', 'too_small'],
      ]);
    });
  });

  describe('windows', () => {
    it('refuses a window that ends before it starts, naming the field', async () => {
      const query = await call(acme, 'GET', '/analytics/kpis?from=2027-02-01&to=2026-02-01&unit=quarter');
      expect(query.status).toBe(400);
      expect(issuesOf(query.body)).toEqual([['query.to', 'window_empty']]);
      const body = await call(acme, 'POST', '/analytics/kpis', {
        window: { from: '2027-02-01', to: '2027-02-01', unit: 'month', calendar: 'calendar' },
      });
      expect(body.status).toBe(400);
      expect(issuesOf(body.body)).toEqual([['window.to', 'window_empty']]);
      const attribution = await call(acme, 'POST', '/analytics/attribution', { from: '2026-13-01', to: '2027-01-01' });
      expect(attribution.status).toBe(400);
      expect(issuesOf(attribution.body)).toEqual([['from', 'invalid_date']]);
    });

    it('refuses a window of more buckets than a report holds, and unknown units', async () => {
      const long = await call(acme, 'GET', '/analytics/kpis?from=2000-01-01&to=2030-01-01&unit=month');
      expect(long.status).toBe(400);
      expect(issuesOf(long.body)).toEqual([['query.to', 'too_many_buckets']]);
      const unit = await call(acme, 'GET', '/analytics/kpis?from=2026-01-01&to=2027-01-01&unit=week');
      expect(unit.status).toBe(400);
      expect(issuesOf(unit.body)).toEqual([['query.unit', 'invalid_value']]);
    });
  });

  describe('tenant isolation', () => {
    it("shows another tenant none of the first one's data", async () => {
      const kpis = await call(other, 'GET', `/analytics/kpis?from=${FY2027.from}&to=${FY2027.to}&unit=quarter`);
      expect(kpis.status).toBe(200);
      expect(kpis.body.byPartner).toEqual([]);
      expect(kpis.body.total.deals.sourcedPipeline).toEqual(money(0, 0));
      expect(kpis.body.total.engagement.activities).toBe(0);
      expect(kpis.body.total.investment.invested).toEqual(usd(0));
      expect(kpis.body.mdfRoi).toBeNull();
      const attribution = await call(other, 'POST', '/analytics/attribution', FY2027);
      expect(attribution.body.byPartner).toEqual([]);
      expect((await call(other, 'GET', '/analytics/deals/d-1/touches')).status).toBe(404);
    });

    it("cannot record touches on another tenant's deals, even naming a partner of its own", async () => {
      await other.store.partners.save(
        { ...(await acme.store.partners.get('p-alpha'))!, version: 0 },
        { expectedVersion: null },
      );
      const response = await call(other, 'POST', '/analytics/touches/import', {
        touches: [{ id: 't-sneak', dealId: 'd-1', partnerId: 'p-alpha', kind: 'sourced', on: '2026-03-01' }],
      });
      expect(response.status).toBe(422);
      expect(issuesOf(response.body)).toEqual([['touches.0.dealId', 'unknown_deal']]);
      expect((await ok('GET', '/analytics/deals/d-1/touches')).touches.map((touch: Body) => touch.id)).toEqual([
        'd-1#partner',
        't-beta',
        't-gamma',
      ]);
    });
  });

  it('describes its endpoints and reports in the OpenAPI document', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const kpis = document.paths['/api/v1/analytics/kpis'];
    expect(Object.keys(kpis).sort()).toEqual(['get', 'post']);
    expect(kpis.post.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/analytics/attribution'].post.requestBody).toBeDefined();
    expect(document.paths['/api/v1/analytics/deals/{dealId}/touches'].get).toBeDefined();
  });
});
