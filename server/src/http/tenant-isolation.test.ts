import type { FastifyInstance } from 'fastify';
import { BACKENDS } from '../test-support/databases.js';
import { databaseFingerprint, tenantFingerprint } from '../test-support/fingerprint.js';
import { demoProgram, startTestServer, type TestServer, type TestTenant } from '../test-support/test-server.js';
import { ALPHA_MARKER, seedAlpha, seedBeta, type AlphaData, type BetaData } from '../test-support/two-tenants.js';

jest.setTimeout(300_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Method = 'GET' | 'POST' | 'PUT';

/**
 * When Beta makes its calls: half a year after Alpha's data was made, so that everything of Alpha's a
 * tenant-wide action could touch is due (offers past their SLA, protection ended, milestones overdue).
 */
const LATER = '2027-06-15T15:00:00Z';

/**
 * How Beta calls a route with Alpha's ids, and what it must get. Reads come first, then actions on Alpha's
 * records, then writes that make Beta's own records under Alpha's ids (ids are per tenant): after those,
 * Beta has records with Alpha's ids, so they must not come before the calls that expect them missing.
 */
interface Case {
  phase: 'read' | 'act' | 'create';
  url: (a: AlphaData) => string;
  body?: (a: AlphaData) => unknown;
  /** The status Beta must get. */
  status: number;
  /** More to check of the answer (that Beta sees its own data, that a list holds none of Alpha's). */
  check?: (body: Body, a: AlphaData, b: BetaData) => void;
}

/** A long text cut short, for failure messages. */
const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text);
const idsOf = (items: Body[], key = 'id') => items.map((item) => item[key] as string);
const empty = (key: string) => (body: Body) => expect(body[key]).toEqual([]);
const created = (key: string) => (body: Body) => {
  expect(body.outcome).toBe('created');
  expect(body[key].version).toBe(1);
};
const imported = (key: string) => (body: Body) =>
  expect(body[key]).toEqual([expect.objectContaining({ outcome: 'created', version: 1 })]);

/** A partner as the CRM sends it, for Beta. */
const betaPartner = (id: string) => ({
  id,
  name: 'Beta partner',
  status: 'active',
  tierId: 'silver',
  specializationIds: [],
  country: 'US',
  coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
  industries: [],
  languages: ['en'],
  certifications: [],
});
const betaLead = (id: string) => ({
  id,
  createdAt: '2027-06-01T14:00:00Z',
  company: 'Beta prospect',
  country: 'US',
  product: 'edr',
});
const betaDeal = (a: AlphaData, id: string) => ({
  id,
  name: 'Beta deal',
  accountId: a.accountId,
  amount: { amount: 1_000_000, currency: 'USD' },
  products: ['platform'],
  createdAt: '2027-06-01T12:00:00.000Z',
  partnerId: a.goldPartnerId,
  partnerRole: 'sourced',
  registrationId: null,
  stage: 'open',
});
const registrationBody = (partnerId: string) => ({
  partnerId,
  details: {
    customer: { name: 'Beta customer', country: 'US' },
    contact: { name: 'Pat Buyer' },
    products: ['platform'],
  },
});
const usd = (amount: number) => ({ amount, currency: 'USD' });
const QUARTER = { unit: 'quarter', start: '2027-05-01', end: '2027-08-01', label: 'FY2028 Q2' };
const WINDOW = { from: '2026-02-01', to: '2027-08-01', unit: 'quarter', calendar: 'fiscal' };

/**
 * Every route of the API, by method and Fastify path: how Beta calls it with Alpha's ids and what it gets.
 * A route missing here fails the coverage test.
 */
const CASES: Record<string, Case | Case[]> = {
  // The program.
  'GET /api/v1/program': {
    phase: 'read',
    url: () => '/program',
    status: 200,
    check: (body) => expect([body.version, body.program.name]).toEqual([1, demoProgram().name]),
  },
  'PUT /api/v1/program': {
    phase: 'act',
    url: () => '/program',
    // Alpha is at version 2, Beta at 1: publishing "after Alpha's version 2" is a stale write for Beta.
    body: (a) => ({ expectedVersion: a.programVersion, program: demoProgram() }),
    status: 409,
  },
  'GET /api/v1/program/versions/:version': {
    phase: 'read',
    url: (a) => `/program/versions/${a.programVersion}`,
    status: 404,
  },
  'GET /api/v1/program/schema': { phase: 'read', url: () => '/program/schema', status: 200 },
  'POST /api/v1/program/validate': {
    phase: 'read',
    url: () => '/program/validate',
    body: () => demoProgram(),
    status: 200,
    check: (body) => expect(body.valid).toBe(true),
  },

  // Registrations.
  'GET /api/v1/registrations': [
    {
      phase: 'read',
      url: () => '/registrations',
      status: 200,
      check: empty('registrations'),
    },
    {
      phase: 'read',
      url: (a) => `/registrations?partnerId=${a.goldPartnerId}`,
      status: 200,
      check: empty('registrations'),
    },
  ],
  'POST /api/v1/registrations': {
    phase: 'act',
    url: () => '/registrations',
    body: (a) => registrationBody(a.goldPartnerId),
    status: 404,
  },
  'GET /api/v1/registrations/:id': {
    phase: 'read',
    url: (a) => `/registrations/${a.registrationIds.approved}`,
    status: 404,
  },
  'POST /api/v1/registrations/:id/submit': {
    phase: 'act',
    url: (a) => `/registrations/${a.registrationIds.draft}/submit`,
    body: () => ({}),
    status: 404,
  },
  'POST /api/v1/registrations/:id/review': {
    phase: 'act',
    url: (a) => `/registrations/${a.registrationIds.submitted}/review`,
    body: () => ({ decision: { type: 'approve', by: 'beta-manager' } }),
    status: 404,
  },
  'POST /api/v1/registrations/:id/extension-request': {
    phase: 'act',
    url: (a) => `/registrations/${a.registrationIds.approved}/extension-request`,
    body: () => ({ reason: 'More time, please.' }),
    status: 404,
  },
  'POST /api/v1/registrations/:id/extension-decision': {
    phase: 'act',
    url: (a) => `/registrations/${a.registrationIds.approved}/extension-decision`,
    body: () => ({ decision: { grant: true, by: 'beta-manager' } }),
    status: 404,
  },
  'POST /api/v1/registrations/:id/close': {
    phase: 'act',
    url: (a) => `/registrations/${a.registrationIds.approved}/close`,
    body: () => ({ outcome: { type: 'withdraw', reason: 'Gone.' } }),
    status: 404,
  },
  'POST /api/v1/registrations/expire-due': {
    phase: 'act',
    url: () => '/registrations/expire-due',
    status: 200,
    check: (body) => expect(body.expired).toEqual([]),
  },

  // MDF.
  'POST /api/v1/mdf/budgets': {
    phase: 'create',
    url: () => '/mdf/budgets',
    body: () => ({
      name: 'Beta budget',
      fundTypeId: 'proposal-mdf',
      period: QUARTER,
      scope: { kind: 'program' },
      amount: usd(1_000_000),
    }),
    status: 201,
  },
  'GET /api/v1/mdf/budgets': { phase: 'read', url: () => '/mdf/budgets', status: 200, check: empty('budgets') },
  'POST /api/v1/mdf/budgets/:id/fund': {
    phase: 'act',
    url: (a) => `/mdf/budgets/${a.budgetId}/fund`,
    body: () => ({ amount: usd(1_000) }),
    status: 404,
  },
  'POST /api/v1/mdf/budgets/:id/allocations': {
    phase: 'act',
    url: (a) => `/mdf/budgets/${a.budgetId}/allocations`,
    body: () => ({ order: { method: 'tier_formula', amount: usd(1_000) } }),
    status: 404,
  },
  'GET /api/v1/mdf/budgets/:id': { phase: 'read', url: (a) => `/mdf/budgets/${a.budgetId}`, status: 404 },
  'GET /api/v1/mdf/budgets/:id/ledger': { phase: 'read', url: (a) => `/mdf/budgets/${a.budgetId}/ledger`, status: 404 },
  'POST /api/v1/mdf/accruals': {
    phase: 'act',
    url: () => '/mdf/accruals',
    body: (a) => ({ partnerId: a.goldPartnerId, fundTypeId: 'co-op', since: '2026-01-01' }),
    status: 404,
  },
  'POST /api/v1/mdf/allocations/:id/expire': {
    phase: 'act',
    url: (a) => `/mdf/allocations/${a.allocationId}/expire`,
    body: () => ({}),
    status: 404,
  },
  'GET /api/v1/mdf/allocations': [
    { phase: 'read', url: () => '/mdf/allocations', status: 200, check: empty('allocations') },
    { phase: 'read', url: (a) => `/mdf/allocations?budgetId=${a.budgetId}`, status: 200, check: empty('allocations') },
  ],
  'GET /api/v1/mdf/allocations/:id': { phase: 'read', url: (a) => `/mdf/allocations/${a.allocationId}`, status: 404 },
  'GET /api/v1/mdf/allocations/:id/ledger': {
    phase: 'read',
    url: (a) => `/mdf/allocations/${a.allocationId}/ledger`,
    status: 404,
  },
  'POST /api/v1/mdf/requests': {
    phase: 'act',
    url: () => '/mdf/requests',
    body: (a) => ({
      title: 'Beta webinar',
      allocationId: a.allocationId,
      activityId: 'webinar',
      startDate: '2027-07-20',
      endDate: '2027-07-20',
      requestedAmount: usd(100_000),
      partnerContribution: usd(25_000),
      expected: { leads: 3, pipeline: usd(1_000_000) },
      submittedBy: 'beta-user',
    }),
    status: 404,
  },
  'GET /api/v1/mdf/requests': { phase: 'read', url: () => '/mdf/requests', status: 200, check: empty('requests') },
  'POST /api/v1/mdf/requests/:id/approve': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.submitted}/approve`,
    body: () => ({ approver: { userId: 'beta-director', roles: ['channel-director'] } }),
    status: 404,
  },
  'POST /api/v1/mdf/requests/:id/reject': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.submitted}/reject`,
    body: () => ({ decidedBy: 'beta-director', reason: 'No.' }),
    status: 404,
  },
  'POST /api/v1/mdf/requests/:id/withdraw': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.submitted}/withdraw`,
    body: () => ({}),
    status: 404,
  },
  'POST /api/v1/mdf/requests/:id/close': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.approved}/close`,
    body: () => ({ closedBy: 'beta-director' }),
    status: 404,
  },
  'POST /api/v1/mdf/requests/:id/lapse': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.approved}/lapse`,
    body: () => ({}),
    status: 404,
  },
  'POST /api/v1/mdf/requests/:id/links': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.approved}/links`,
    body: (a) => ({ dealIds: [a.dealIds[1]] }),
    status: 404,
  },
  'GET /api/v1/mdf/requests/:id': { phase: 'read', url: (a) => `/mdf/requests/${a.requestIds.approved}`, status: 404 },
  'POST /api/v1/mdf/requests/:id/claims': {
    phase: 'act',
    url: (a) => `/mdf/requests/${a.requestIds.approved}/claims`,
    body: () => ({
      amount: usd(10_000),
      proofs: [{ kindId: 'invoice', documentId: 'beta-doc', name: 'Invoice' }],
      filedBy: 'beta-user',
    }),
    status: 404,
  },
  'POST /api/v1/mdf/claims/:id/review': {
    phase: 'act',
    url: (a) => `/mdf/claims/${a.claimIds.returned}/review`,
    body: () => ({ decision: { kind: 'approve', reviewedBy: 'beta-director' } }),
    status: 404,
  },
  'POST /api/v1/mdf/claims/:id/resubmit': {
    phase: 'act',
    url: (a) => `/mdf/claims/${a.claimIds.returned}/resubmit`,
    body: () => ({ proofs: [{ kindId: 'invoice', documentId: 'beta-doc', name: 'Invoice' }] }),
    status: 404,
  },
  'GET /api/v1/mdf/claims': { phase: 'read', url: () => '/mdf/claims', status: 200, check: empty('claims') },
  'GET /api/v1/mdf/claims/:id': { phase: 'read', url: (a) => `/mdf/claims/${a.claimIds.paid}`, status: 404 },
  'POST /api/v1/mdf/payment-batches': {
    phase: 'act',
    url: () => '/mdf/payment-batches',
    body: (a) => ({ claimIds: [a.claimIds.returned], reference: 'ACH-BETA', paidOn: '2027-06-15', createdBy: 'beta' }),
    status: 404,
  },
  'GET /api/v1/mdf/payment-batches/:id': {
    phase: 'read',
    url: (a) => `/mdf/payment-batches/${a.paymentBatchId}`,
    status: 404,
  },
  'GET /api/v1/mdf/roi': {
    phase: 'read',
    url: (a) => `/mdf/roi?partnerId=${a.goldPartnerId}`,
    status: 200,
    check: (body) => expect(body.total.requests).toBe(0),
  },
  'GET /api/v1/mdf/exchange-rates': {
    phase: 'read',
    url: () => '/mdf/exchange-rates',
    status: 200,
    // Alpha published its rates; Beta never did.
    check: (body) => expect([body.version, body.updatedBy]).toEqual([null, null]),
  },
  'PUT /api/v1/mdf/exchange-rates': {
    phase: 'act',
    url: () => '/mdf/exchange-rates',
    // Alpha's rates are at version 1; Beta has none, so a write based on version 1 is stale for Beta.
    body: () => ({
      table: { asOf: '2027-06-15', rates: [{ from: 'EUR', to: 'USD', rate: '1.2' }] },
      expectedVersion: 1,
    }),
    status: 409,
  },

  // Tiers.
  'POST /api/v1/tiers/evaluations': {
    phase: 'act',
    url: () => '/tiers/evaluations',
    body: (a) => ({ partnerIds: [a.euroPartnerId, a.goldPartnerId] }),
    // Beta has no such partners: none evaluated, no proposal made.
    status: 200,
    check: (body) => expect([body.partners, body.proposals]).toEqual([0, []]),
  },
  'GET /api/v1/tiers/partners/:partnerId/evaluation': {
    phase: 'read',
    url: (a) => `/tiers/partners/${a.euroPartnerId}/evaluation`,
    status: 404,
  },
  'GET /api/v1/tiers/partners/:partnerId': {
    phase: 'read',
    url: (a) => `/tiers/partners/${a.silverPartnerId}`,
    status: 404,
  },
  'GET /api/v1/tiers/partners/:partnerId/metrics': {
    phase: 'read',
    url: (a) => `/tiers/partners/${a.goldPartnerId}/metrics`,
    status: 404,
  },
  'GET /api/v1/tiers/standings': {
    phase: 'read',
    url: () => '/tiers/standings',
    status: 200,
    check: empty('standings'),
  },
  'GET /api/v1/tiers/proposals': [
    { phase: 'read', url: () => '/tiers/proposals', status: 200, check: empty('proposals') },
    {
      phase: 'read',
      url: (a) => `/tiers/proposals?partnerId=${a.euroPartnerId}`,
      status: 200,
      check: empty('proposals'),
    },
  ],
  'GET /api/v1/tiers/proposals/:id': { phase: 'read', url: (a) => `/tiers/proposals/${a.proposalId}`, status: 404 },
  'POST /api/v1/tiers/proposals/:id/decision': {
    phase: 'act',
    url: (a) => `/tiers/proposals/${a.proposalId}/decision`,
    body: () => ({ decision: 'approve', by: 'beta-manager' }),
    status: 404,
  },
  'POST /api/v1/tiers/partners/:partnerId/override': {
    phase: 'act',
    url: (a) => `/tiers/partners/${a.goldPartnerId}/override`,
    body: () => ({ tierId: 'platinum', expiresOn: '2027-12-01', reason: 'Beta says so', by: 'beta-manager' }),
    status: 404,
  },
  'POST /api/v1/tiers/partners/:partnerId/override/end': {
    phase: 'act',
    url: (a) => `/tiers/partners/${a.silverPartnerId}/override/end`,
    body: () => ({ by: 'beta-manager' }),
    status: 404,
  },
  'POST /api/v1/tiers/settlements': {
    phase: 'act',
    url: () => '/tiers/settlements',
    status: 200,
    check: (body) => expect(body.settled).toBe(0),
  },
  'POST /api/v1/tiers/what-if': {
    phase: 'read',
    url: () => '/tiers/what-if',
    body: (a) => ({ program: demoProgram(), partnerIds: [a.euroPartnerId] }),
    // Beta has no such partner: nothing to evaluate.
    status: 200,
    check: (body) => expect([body.partners, body.moves]).toEqual([0, []]),
  },
  'POST /api/v1/tiers/satisfaction-scores': {
    phase: 'act',
    url: () => '/tiers/satisfaction-scores',
    body: (a) => ({ scores: [{ id: 'beta-csat', partnerId: a.goldPartnerId, date: '2027-06-01', value: 10 }] }),
    status: 422,
  },
  'POST /api/v1/tiers/custom-metrics': {
    phase: 'act',
    url: () => '/tiers/custom-metrics',
    body: (a) => ({ values: [{ partnerId: a.goldPartnerId, key: 'alpha-metric', date: '2027-06-01', value: 1 }] }),
    status: 422,
  },

  // Routing.
  'POST /api/v1/routing/route': {
    phase: 'act',
    url: () => '/routing/route',
    body: (a) => ({ leadIds: [a.offeredLeadId] }),
    status: 422,
  },
  'POST /api/v1/routing/leads/:leadId/accept': {
    phase: 'act',
    url: (a) => `/routing/leads/${a.offeredLeadId}/accept`,
    body: (a) => ({ partnerId: a.goldPartnerId }),
    status: 404,
  },
  'POST /api/v1/routing/leads/:leadId/decline': {
    phase: 'act',
    url: (a) => `/routing/leads/${a.offeredLeadId}/decline`,
    body: (a) => ({ partnerId: a.goldPartnerId, reason: 'Not ours' }),
    status: 404,
  },
  'POST /api/v1/routing/leads/:leadId/reassign': {
    phase: 'act',
    url: (a) => `/routing/leads/${a.acceptedLeadId}/reassign`,
    body: (_a) => ({ partnerId: 'beta-p-gold', by: 'beta-manager', reason: 'Ours now' }),
    status: 404,
  },
  'POST /api/v1/routing/recycle': {
    phase: 'act',
    url: () => '/routing/recycle',
    body: () => ({}),
    status: 200,
    check: (body) => expect([body.expired, body.assignments]).toEqual([[], []]),
  },
  'GET /api/v1/routing/leads/:leadId': { phase: 'read', url: (a) => `/routing/leads/${a.acceptedLeadId}`, status: 404 },
  'GET /api/v1/routing/offers': [
    { phase: 'read', url: () => '/routing/offers', status: 200, check: empty('offers') },
    { phase: 'read', url: (a) => `/routing/offers?partnerId=${a.goldPartnerId}`, status: 200, check: empty('offers') },
  ],
  'GET /api/v1/routing/state': {
    phase: 'read',
    url: () => '/routing/state',
    status: 200,
    // Alpha routed leads; Beta never did.
    check: (body) => expect([body.version, body.state.sticky]).toEqual([null, {}]),
  },
  'POST /api/v1/routing/leads/import': {
    phase: 'create',
    url: () => '/routing/leads/import',
    body: (a) => ({ leads: [betaLead(a.leadIds[2]!)] }),
    status: 200,
    check: imported('leads'),
  },
  'POST /api/v1/routing/conflicts/import': {
    phase: 'act',
    url: () => '/routing/conflicts/import',
    body: (a) => ({ conflicts: [{ partnerId: a.silverPartnerId, accountId: a.accountId, reason: 'Beta says so' }] }),
    status: 422,
  },
  'GET /api/v1/routing/conflicts': [
    { phase: 'read', url: () => '/routing/conflicts', status: 200, check: empty('conflicts') },
    {
      phase: 'read',
      url: (a) => `/routing/conflicts?partnerId=${a.silverPartnerId}`,
      status: 200,
      check: empty('conflicts'),
    },
  ],
  'POST /api/v1/routing/conflicts/:id/withdraw': {
    phase: 'act',
    url: (a) => `/routing/conflicts/${a.conflictId}/withdraw`,
    body: () => ({}),
    status: 404,
  },

  // Jobs.
  'GET /api/v1/jobs': {
    phase: 'read',
    url: () => '/jobs',
    status: 200,
    // Alpha asked for a run of registration-expiry; Beta never asked for any.
    check: (body) => expect((body.jobs as Body[]).map((job) => job.lastRun)).toEqual([null, null, null, null]),
  },
  'GET /api/v1/jobs/:job/runs': [
    { phase: 'read', url: () => '/jobs/registration-expiry/runs', status: 200, check: empty('runs') },
    {
      phase: 'read',
      // A page "before" Alpha's run: Beta has no such run (the query names no run of the job: 400).
      url: (a) => `/jobs/registration-expiry/runs?before=${a.jobRunId}`,
      status: 400,
      check: (body) => expect(body.issues[0].path).toEqual(['query', 'before']),
    },
  ],
  'POST /api/v1/jobs/:job/runs': {
    phase: 'create',
    url: () => '/jobs/registration-expiry/runs',
    body: () => ({}),
    status: 201,
    check: (body) => expect(body.created).toBe(true),
  },
  'GET /api/v1/jobs/:job/runs/:id': {
    phase: 'read',
    url: (a) => `/jobs/registration-expiry/runs/${a.jobRunId}`,
    status: 404,
  },

  // Analytics.
  'GET /api/v1/analytics/kpis': {
    phase: 'read',
    url: () => `/analytics/kpis?from=${WINDOW.from}&to=${WINDOW.to}&unit=quarter`,
    status: 200,
  },
  'POST /api/v1/analytics/kpis': {
    phase: 'read',
    url: () => '/analytics/kpis',
    body: () => ({ window: WINDOW }),
    status: 200,
  },
  'POST /api/v1/analytics/attribution': {
    phase: 'read',
    url: () => '/analytics/attribution',
    body: () => ({ from: WINDOW.from, to: WINDOW.to, models: [{ kind: 'linear' }] }),
    status: 200,
  },
  'POST /api/v1/analytics/touches/import': {
    phase: 'act',
    url: () => '/analytics/touches/import',
    body: (a) => ({
      touches: [
        { id: 'beta-touch', dealId: a.dealIds[0], partnerId: a.goldPartnerId, kind: 'co_sell', on: '2027-06-01' },
      ],
    }),
    status: 422,
  },
  'POST /api/v1/analytics/activities/import': {
    phase: 'act',
    url: () => '/analytics/activities/import',
    body: (a) => ({
      activities: [{ id: 'beta-activity', partnerId: a.goldPartnerId, kind: 'webinar', on: '2027-06-01', count: 1 }],
    }),
    status: 422,
  },
  'GET /api/v1/analytics/deals/:dealId/touches': {
    phase: 'read',
    url: (a) => `/analytics/deals/${a.dealIds[0]}/touches`,
    status: 404,
  },

  // CRM records.
  'GET /api/v1/crm/partners': {
    phase: 'read',
    url: () => '/crm/partners',
    status: 200,
    check: (body, _a, b) => expect(idsOf(body.partners)).toEqual(b.partnerIds),
  },
  'GET /api/v1/crm/partners/:id': { phase: 'read', url: (a) => `/crm/partners/${a.goldPartnerId}`, status: 404 },
  'PUT /api/v1/crm/partners/:id': {
    phase: 'create',
    url: (a) => `/crm/partners/${a.goldPartnerId}`,
    body: (a) => betaPartner(a.goldPartnerId),
    status: 201,
    check: created('partner'),
  },
  'POST /api/v1/crm/partners/import': {
    phase: 'create',
    url: () => '/crm/partners/import',
    body: (a) => ({ partners: [betaPartner(a.silverPartnerId)] }),
    status: 200,
    check: imported('partners'),
  },
  'GET /api/v1/crm/accounts': { phase: 'read', url: () => '/crm/accounts', status: 200, check: empty('accounts') },
  'GET /api/v1/crm/accounts/:id': { phase: 'read', url: (a) => `/crm/accounts/${a.accountId}`, status: 404 },
  'PUT /api/v1/crm/accounts/:id': {
    phase: 'create',
    url: (a) => `/crm/accounts/${a.accountId}`,
    body: (a) => ({ id: a.accountId, name: 'Beta account', country: 'US', owner: { kind: 'direct' } }),
    status: 201,
    check: created('account'),
  },
  'POST /api/v1/crm/accounts/import': {
    phase: 'act',
    url: () => '/crm/accounts/import',
    // Alpha's account, stated as read at Alpha's version: for Beta it does not exist, so the write is stale.
    body: (a) => ({
      accounts: [{ id: a.accountId, name: 'Beta account', country: 'US', owner: { kind: 'direct' }, version: 1 }],
    }),
    status: 409,
  },
  'GET /api/v1/crm/deals': {
    phase: 'read',
    url: () => '/crm/deals',
    status: 200,
    check: (body, _a, b) => expect(idsOf(body.deals)).toEqual([b.dealId]),
  },
  'GET /api/v1/crm/deals/:id': { phase: 'read', url: (a) => `/crm/deals/${a.dealIds[0]}`, status: 404 },
  'PUT /api/v1/crm/deals/:id': {
    phase: 'create',
    url: (a) => `/crm/deals/${a.dealIds[0]}`,
    body: (a) => betaDeal(a, a.dealIds[0]!),
    status: 201,
    check: created('deal'),
  },
  'POST /api/v1/crm/deals/import': {
    phase: 'create',
    url: () => '/crm/deals/import',
    body: (a) => ({ deals: [betaDeal(a, a.dealIds[1]!)] }),
    status: 200,
    check: imported('deals'),
  },
  'GET /api/v1/crm/leads': {
    phase: 'read',
    url: () => '/crm/leads',
    status: 200,
    check: (body, _a, b) => expect(idsOf(body.leads)).toEqual([b.leadId]),
  },
  'GET /api/v1/crm/leads/:id': { phase: 'read', url: (a) => `/crm/leads/${a.leadIds[0]}`, status: 404 },
  'PUT /api/v1/crm/leads/:id': {
    phase: 'create',
    url: (a) => `/crm/leads/${a.leadIds[0]}`,
    body: (a) => betaLead(a.leadIds[0]!),
    status: 201,
    check: created('lead'),
  },
  'POST /api/v1/crm/leads/import': {
    phase: 'create',
    url: () => '/crm/leads/import',
    body: (a) => ({ leads: [betaLead(a.leadIds[1]!)] }),
    status: 200,
    check: imported('leads'),
  },

  // Partner lifecycles.
  'POST /api/v1/partners/applications': {
    phase: 'create',
    url: () => '/partners/applications',
    body: (a) => ({ partnerId: a.onboardingPartnerId, partnerName: 'Beta applicant', submittedBy: 'beta-contact' }),
    status: 201,
    check: (body) =>
      expect([body.lifecycle.version, body.partner.version, body.partner.name]).toEqual([1, 1, 'Beta applicant']),
  },
  'GET /api/v1/partners/:id/lifecycle': {
    phase: 'read',
    url: (a) => `/partners/${a.onboardingPartnerId}/lifecycle`,
    status: 404,
  },
  ...Object.fromEntries(
    (
      [
        ['approve', { by: 'beta-manager' }],
        ['reject', { by: 'beta-manager', reason: 'No.' }],
        ['start_onboarding', { by: 'beta-manager' }],
        ['complete_milestone', { by: 'beta-manager', milestoneId: 'MILESTONE' }],
        ['waive_milestone', { by: 'beta-manager', milestoneId: 'MILESTONE', reason: 'Not needed.' }],
        ['activate', { by: 'beta-manager' }],
        ['suspend', { by: 'beta-manager', reason: 'Paused.' }],
        ['reactivate', { by: 'beta-manager' }],
        ['offboard', { by: 'beta-manager', reason: 'Gone.' }],
        ['flag_overdue_milestones', {}],
      ] as const
    ).map(([event, body]): [string, Case] => [
      `POST /api/v1/partners/:id/lifecycle/${event}`,
      {
        phase: 'act',
        url: (a) => `/partners/${a.onboardingPartnerId}/lifecycle/${event}`,
        body: (a) => JSON.parse(JSON.stringify(body).replace('MILESTONE', a.milestoneId)) as unknown,
        status: 404,
      },
    ]),
  ),
  'GET /api/v1/partner-lifecycles': {
    phase: 'read',
    url: () => '/partner-lifecycles',
    status: 200,
    check: empty('lifecycles'),
  },
  'GET /api/v1/partner-lifecycles/overdue-milestones': {
    phase: 'read',
    url: () => '/partner-lifecycles/overdue-milestones',
    status: 200,
    check: empty('lifecycles'),
  },
  'POST /api/v1/partner-lifecycles/overdue-milestones/flag': {
    phase: 'act',
    url: () => '/partner-lifecycles/overdue-milestones/flag',
    body: () => ({}),
    status: 200,
    check: (body) => expect([body.flagged, body.failed]).toEqual([[], []]),
  },

  // The audit log.
  'GET /api/v1/audit/:subjectType/:subjectId': [
    {
      phase: 'read',
      url: (a) => `/audit/registration/${a.registrationIds.approved}`,
      status: 200,
      check: empty('entries'),
    },
    { phase: 'read', url: (a) => `/audit/partner/${a.euroPartnerId}`, status: 200, check: empty('entries') },
    { phase: 'read', url: (a) => `/audit/lead/${a.acceptedLeadId}`, status: 200, check: empty('entries') },
    { phase: 'read', url: (a) => `/audit/mdf_request/${a.requestIds.approved}`, status: 200, check: empty('entries') },
  ],
};

/**
 * Routes outside the API, with no tenant data: they need no token and are left out of the table. A path
 * is excluded with everything under it.
 */
const EXCLUDED: Record<string, string> = {
  '/health': 'the liveness probe: the same answer for everyone, no tenant data',
  '/ready': 'the readiness probe: whether the database answers, no tenant data',
  '/docs': 'the OpenAPI document and its page (with their static files): public, no tenant data',
};
const isExcluded = (path: string) =>
  Object.keys(EXCLUDED).some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Every route the application has, as `METHOD path` with Fastify's `:param` paths, read from its router's
 * tree (`printRoutes`), which lists hidden routes too. Each line of the tree is a path segment appended to
 * its parent's path, with the methods it answers in parentheses.
 */
function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue;
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) throw new Error(`A line of the route tree could not be read: "${line}"`);
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2]!}`;
    stack.push(path);
    for (const method of (match[3] ?? '').split(',').map((found) => found.trim()))
      if (method !== '') routes.push(`${method} ${path}`);
  }
  return routes;
}

describe.each(BACKENDS)('tenant isolation on %s', (backend) => {
  let server: TestServer;
  let a: AlphaData;
  let b: BetaData;
  let alphaBefore: Awaited<ReturnType<typeof tenantFingerprint>>;
  let routes: string[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    a = await seedAlpha(server);
    b = await seedBeta(server);
    alphaBefore = await tenantFingerprint(server.database.db, a.tenant.id);
    routes = routesOf(server.app);
  });
  afterAll(() => server?.dispose());
  beforeEach(() => server.clock.set(LATER));

  const alphaNow = () => tenantFingerprint(server.database.db, a.tenant.id);
  /** Alpha's secrets an answer shows that the request did not carry itself. */
  const leaks = (answer: unknown, request: string) => {
    const text = JSON.stringify(answer ?? null);
    return a.secrets.filter((secret) => text.includes(secret) && !request.includes(secret));
  };

  it('has a case for every route of the application, and no case for a route it does not have', () => {
    const apiRoutes = routes.filter((route) => !route.startsWith('HEAD '));
    const documented = Object.entries((server.app.swagger() as { paths: Record<string, object> }).paths).flatMap(
      ([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // The tree must list every documented operation, or it is not being read right.
    expect(documented.filter((route) => !apiRoutes.includes(route))).toEqual([]);
    expect(documented.length).toBeGreaterThan(100);

    const uncovered = apiRoutes.filter((route) => !(route in CASES) && !isExcluded(route.split(' ')[1]!));
    expect(uncovered).toEqual([]);
    expect(Object.keys(CASES).filter((route) => !apiRoutes.includes(route))).toEqual([]);
    // Nothing under /api is excluded: every route with tenant data is in the table.
    expect(apiRoutes.filter((route) => isExcluded(route.split(' ')[1]!) && route.includes(' /api/'))).toEqual([]);
    // HEAD is Fastify's mirror of each GET (same handler): called beside each GET below.
    for (const route of routes.filter((found) => found.startsWith('HEAD ')))
      expect(routes).toContain(route.replace('HEAD ', 'GET '));
  });

  it('answers 401 to every API route without a valid token, before any handler runs', async () => {
    const before = await databaseFingerprint(server.database.db);
    const fill = (path: string) =>
      path.replace(/:(\w+)/g, (_all, name: string) => (name === 'job' ? 'tier-evaluation' : `x-${name}`));
    const api = routes.filter((route) => route.split(' ')[1]!.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(150);
    const failures: string[] = [];
    for (const route of api) {
      const [method, path] = route.split(' ') as [Method | 'HEAD', string];
      for (const authorization of [
        undefined,
        'Bearer not-a-token',
        `Basic ${a.tenant.token}`,
        a.tenant.token,
        'Bearer ',
      ]) {
        const response = await server.app.inject({
          method,
          url: fill(path),
          headers: { 'idempotency-key': 'k-1', ...(authorization === undefined ? {} : { authorization }) },
          ...(method === 'GET' || method === 'HEAD' ? {} : { payload: {} }),
        });
        const body = method === 'HEAD' ? null : response.json<Body>();
        if (response.statusCode !== 401 || (body !== null && body.error !== 'unauthorized'))
          failures.push(
            `${route} with ${authorization ?? 'no Authorization'}: ${response.statusCode} ${clip(response.body)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // Not even an idempotency key was claimed: nothing ran.
    expect(await databaseFingerprint(server.database.db)).toEqual(before);
  });

  it('lets no header move a token to another tenant: the token alone names the tenant', async () => {
    const headers = (tenant: TestTenant) => ({
      'x-tenant-id': tenant.id,
      'x-conduit-tenant': tenant.id,
      'x-tenant': tenant.id,
      tenant: tenant.id,
      // Not a tenant: who acts, for the audit log.
      'x-conduit-actor': tenant.id,
    });
    const asAlpha = await server.call(a.tenant, 'GET', '/api/v1/crm/partners', undefined, headers(b.tenant));
    expect(idsOf(asAlpha.body.partners).sort()).toEqual([...a.partnerIds].sort());
    const asBeta = await server.call(b.tenant, 'GET', '/api/v1/crm/partners', undefined, headers(a.tenant));
    expect(idsOf(asBeta.body.partners)).toEqual(b.partnerIds);
    const read = await server.call(
      b.tenant,
      'GET',
      `/api/v1/crm/partners/${a.goldPartnerId}`,
      undefined,
      headers(a.tenant),
    );
    expect(read.status).toBe(404);
    const write = await server.call(
      b.tenant,
      'POST',
      `/api/v1/registrations/${a.registrationIds.draft}/submit`,
      {},
      headers(a.tenant),
    );
    expect(write.status).toBe(404);
    expect(await alphaNow()).toEqual(alphaBefore);
  });

  it("lets Beta neither see nor change Alpha's data through any route", async () => {
    const phases = ['read', 'act', 'create'] as const;
    const cases = Object.entries(CASES)
      .flatMap(([route, found]) => (Array.isArray(found) ? found : [found]).map((one) => ({ route, ...one })))
      .sort((x, y) => phases.indexOf(x.phase) - phases.indexOf(y.phase));
    const failures: string[] = [];
    let calls = 0;
    let alphaLast = alphaBefore;
    for (const { route, url, body, status, check } of cases) {
      const method = route.split(' ')[0] as Method;
      const path = `/api/v1${url(a)}`;
      const sent = body?.(a);
      const response = await server.call(b.tenant, method, path, sent);
      calls += 1;
      const request = `${path} ${JSON.stringify(sent ?? null)}`;
      const where = `${method} ${path}`;
      if (response.status !== status)
        failures.push(`${where}: expected ${status}, got ${response.status} ${clip(JSON.stringify(response.body))}`);
      const leaked = leaks(response.body, request);
      if (leaked.length > 0) failures.push(`${where} shows Alpha's ${leaked.join(', ')}`);
      if (response.status === status && check) {
        try {
          check(response.body as Body, a, b);
        } catch (error) {
          failures.push(`${where}: ${clip(error instanceof Error ? error.message : String(error))}`);
        }
      }
      if (status >= 400 && typeof (response.body as Body | undefined)?.message !== 'string')
        failures.push(`${where}: a refusal without a message`);
      if (method === 'GET') {
        const head = await server.app.inject({
          method: 'HEAD',
          url: path,
          headers: { authorization: `Bearer ${b.tenant.token}` },
        });
        if (head.statusCode !== status) failures.push(`HEAD ${path}: expected ${status}, got ${head.statusCode}`);
      } else {
        const now = await alphaNow();
        if (JSON.stringify(now) !== JSON.stringify(alphaLast)) failures.push(`${where} changed Alpha's rows`);
        alphaLast = now;
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(Object.keys(CASES).length);
    // Beta's own data was written where a route makes it: Beta's records are there, Alpha's untouched.
    expect(await alphaNow()).toEqual(alphaBefore);
    const own = await server.call(b.tenant, 'GET', `/api/v1/crm/partners/${a.goldPartnerId}`);
    expect([own.status, own.body.name, own.body.version]).toEqual([200, 'Beta partner', 1]);
    const alphas = await server.call(a.tenant, 'GET', `/api/v1/crm/partners/${a.goldPartnerId}`);
    expect([alphas.status, alphas.body.name.includes(ALPHA_MARKER)]).toEqual([200, true]);

    // Beta's tenant-wide actions had Alpha's due work within reach: run as Alpha, they find it.
    const alpha = (url: string) => server.call(a.tenant, 'POST', `/api/v1${url}`, {});
    expect((await alpha('/registrations/expire-due')).body.expired).toContain(a.registrationIds.approved);
    expect((await alpha('/routing/recycle')).body.expired).toContainEqual(
      expect.objectContaining({ leadId: a.offeredLeadId }),
    );
    expect((await alpha('/partner-lifecycles/overdue-milestones/flag')).body.flagged).not.toEqual([]);
  });
});
