/**
 * Two tenants on one test server, for the tests that look across endpoints: Alpha with realistic data in
 * every workflow (CRM records, routed and accepted leads, conflicts of interest, registrations, MDF from
 * budget to payment, tier standings and a pending proposal, imported metrics, touches and activities, a
 * partner in onboarding, a job run, a second program version and the audit entries all of it made), and
 * Beta with its own program and a little data. Alpha's free texts carry a marker and its ids a prefix that
 * Beta's never do, so that any of Alpha's data showing up in an answer to Beta can be spotted.
 */
import type { Lead, Partner } from '@conduit/core';
import { CHANNEL, PROSPECTS } from '../store/routing/test-support/routing-fixtures.js';
import { DIRECTOR, budgetDraft, usd, webinarDraft, WEBINAR_PROOFS } from '../store/mdf/test-support/mdf-fixtures.js';
import { certifications, seedPartner } from '../store/tiers/test-channel.js';
import type { TestServer, TestTenant } from './test-server.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The text every free-text field of Alpha's data carries. */
export const ALPHA_MARKER = 'ALPHA-ONLY-7Q3X';

/** The day the data is made on: a Tuesday in New York, as the other route tests. */
export const SEED_START = '2026-11-24T15:00:00Z';

/** What Alpha has, by the ids the routes take. */
export interface AlphaData {
  tenant: TestTenant;
  partnerIds: string[];
  /** Gold, active: offered leads, allocated MDF, registrations. */
  goldPartnerId: string;
  /** Silver, active, with a tier override. */
  silverPartnerId: string;
  /** Silver with a won deal in euros: its upgrade waits in a pending proposal. */
  euroPartnerId: string;
  /** Applied to the program, approved, onboarding. */
  onboardingPartnerId: string;
  milestoneId: string;
  accountId: string;
  dealIds: string[];
  leadIds: string[];
  /** A lead offered to the gold partner (not accepted). */
  offeredLeadId: string;
  /** A lead the gold partner accepted. */
  acceptedLeadId: string;
  conflictId: string;
  registrationIds: { draft: string; submitted: string; approved: string };
  budgetId: string;
  allocationId: string;
  requestIds: { submitted: string; approved: string };
  claimIds: { paid: string; returned: string };
  paymentBatchId: string;
  proposalId: string;
  jobRunId: string;
  programVersion: number;
  /** Everything of Alpha's that must never be shown to another tenant: the marker and Alpha's ids. */
  secrets: string[];
}

/** Beta's own records. */
export interface BetaData {
  tenant: TestTenant;
  partnerIds: string[];
  leadId: string;
  dealId: string;
}

/** Calls the API and insists on a status; the answer's body. */
async function expectCall(
  server: TestServer,
  tenant: TestTenant,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body: unknown,
  status: number,
): Promise<Body> {
  const response = await server.call(tenant, method, `/api/v1${url}`, body);
  if (response.status !== status)
    throw new Error(`${method} ${url}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Body;
}

const alpha = (id: string) => `alpha-${id}`;

/** The routing channel's partners as Alpha's: prefixed ids, marked names. */
function alphaChannel(): Omit<Partner, 'version'>[] {
  return CHANNEL.map(({ version: _version, ...partner }) => ({
    ...partner,
    id: alpha(partner.id),
    name: `${partner.name} ${ALPHA_MARKER}`,
  }));
}

function alphaLead(lead: Omit<Lead, 'version'>): Omit<Lead, 'version'> {
  return {
    ...lead,
    id: alpha(lead.id),
    company: `${lead.company} ${ALPHA_MARKER}`,
    ...(lead.accountId ? { accountId: alpha(lead.accountId) } : {}),
  };
}

/** Creates Alpha (`t-alpha`, the demo program) and fills every workflow with its data, through the API. */
export async function seedAlpha(server: TestServer): Promise<AlphaData> {
  server.clock.set(SEED_START);
  const tenant = await server.tenant('t-alpha');
  const ok = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status = 200) =>
    expectCall(server, tenant, method, url, body, status);
  const generated: string[] = [];
  const keep = <T extends string>(id: T): T => {
    generated.push(id);
    return id;
  };

  // CRM records: the channel, an account, deals.
  const partners = alphaChannel();
  await ok('POST', '/crm/partners/import', { partners });
  const goldPartnerId = alpha('p-northwind');
  const silverPartnerId = alpha('p-contoso');
  const accountId = alpha('acc-acme');
  await ok(
    'PUT',
    `/crm/accounts/${accountId}`,
    {
      id: accountId,
      name: `Acme Robotics ${ALPHA_MARKER}`,
      domain: 'acme-robotics.com',
      country: 'US',
      owner: { kind: 'direct' },
    },
    201,
  );
  const dealIds = [alpha('deal-won'), alpha('deal-open')];
  const deal = {
    name: `Deal ${ALPHA_MARKER}`,
    accountId,
    amount: usd(2_500_000),
    products: ['platform'],
    createdAt: '2026-09-01T12:00:00.000Z',
    partnerId: goldPartnerId,
    partnerRole: 'sourced',
    registrationId: null,
  };
  await ok('POST', '/crm/deals/import', {
    deals: [
      { ...deal, id: dealIds[0], stage: 'won', closedOn: '2026-10-15' },
      { ...deal, id: dealIds[1], stage: 'open' },
    ],
  });

  // Leads, routed; one accepted; a conflict of interest.
  const leads = Object.values(PROSPECTS).map(alphaLead);
  await ok('POST', '/routing/leads/import', { leads });
  const routed = await ok('POST', '/routing/route', { leadIds: leads.map((lead) => lead.id) });
  const offeredToGold = (routed.assignments as Body[])
    .filter((record) => record.status === 'offered' && record.partnerId === goldPartnerId)
    .map((record) => record.leadId as string);
  if (offeredToGold.length < 2) throw new Error(`Alpha's gold partner was offered ${offeredToGold.length} leads.`);
  const [acceptedLeadId, offeredLeadId] = offeredToGold as [string, string];
  await ok('POST', `/routing/leads/${acceptedLeadId}/accept`, { partnerId: goldPartnerId });
  const conflicts = await ok('POST', '/routing/conflicts/import', {
    conflicts: [{ partnerId: silverPartnerId, accountId, reason: `Competes with it ${ALPHA_MARKER}` }],
  });
  const conflictId = keep((conflicts.conflicts as Body[])[0]!.id as string);

  // Registrations: a draft, a submitted one and an approved one.
  const registration = (customer: string) => ({
    partnerId: goldPartnerId,
    details: {
      customer: { name: `${customer} ${ALPHA_MARKER}`, country: 'US', domain: `${customer.toLowerCase()}.example` },
      contact: { name: 'Jane Doe', email: 'jane@example.com' },
      amount: usd(5_000_000),
      expectedCloseDate: '2027-02-15',
      products: ['platform'],
    },
  });
  const created = async (customer: string) =>
    keep((await ok('POST', '/registrations', registration(customer), 201)).registration.id as string);
  const draft = await created('Draftco');
  const submitted = await created('Submitco');
  await ok('POST', `/registrations/${submitted}/submit`, {});
  const approved = await created('Approvco');
  await ok('POST', `/registrations/${approved}/submit`, {});
  await ok('POST', `/registrations/${approved}/review`, { decision: { type: 'approve', by: 'manager-1' } });

  // MDF: exchange rates, a budget allocated by tier formula, requests, claims (one paid, one returned).
  await ok('PUT', '/mdf/exchange-rates', {
    table: { asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: '1.1' }] },
    expectedVersion: null,
  });
  const budget = await ok('POST', '/mdf/budgets', budgetDraft(3_000_000, `Q4 proposals ${ALPHA_MARKER}`), 201);
  const budgetId = keep(budget.budget.id as string);
  const allocation = await ok('POST', `/mdf/budgets/${budgetId}/allocations`, {
    order: { method: 'tier_formula', amount: usd(3_000_000) },
  });
  const allocationId = keep(
    (allocation.allocations as Body[]).find((found) => found.partnerId === goldPartnerId)!.id as string,
  );
  const request = async (title: string) =>
    keep(
      (
        await ok(
          'POST',
          '/mdf/requests',
          webinarDraft(allocationId, 800_000, { title: `${title} ${ALPHA_MARKER}` }),
          201,
        )
      ).request.id as string,
    );
  const submittedRequest = await request('Spring webinar');
  const approvedRequest = await request('Winter webinar');
  await ok('POST', `/mdf/requests/${approvedRequest}/approve`, { approver: DIRECTOR });
  await ok('POST', `/mdf/requests/${approvedRequest}/links`, { dealIds: [dealIds[0]] });
  server.clock.set('2026-12-21T15:00:00Z');
  const claim = async (amount: number) =>
    keep(
      (
        await ok(
          'POST',
          `/mdf/requests/${approvedRequest}/claims`,
          { amount: usd(amount), proofs: WEBINAR_PROOFS, filedBy: 'partner-user' },
          201,
        )
      ).claim.id as string,
    );
  const paidClaim = await claim(300_000);
  await ok('POST', `/mdf/claims/${paidClaim}/review`, { decision: { kind: 'approve', reviewedBy: 'dana' } });
  const returnedClaim = await claim(100_000);
  await ok('POST', `/mdf/claims/${returnedClaim}/review`, {
    decision: { kind: 'return', reviewedBy: 'dana', reason: `Unreadable invoice ${ALPHA_MARKER}` },
  });
  server.clock.set('2027-01-05T15:00:00Z');
  const batch = await ok(
    'POST',
    '/mdf/payment-batches',
    { claimIds: [paidClaim], reference: 'ACH-ALPHA', paidOn: '2027-01-05', createdBy: 'finance' },
    201,
  );
  const paymentBatchId = keep(batch.paymentBatch.id as string);
  server.clock.set(SEED_START);

  // Tiers: a pending upgrade (a deal in euros needs a person), an override, imported metrics.
  const euroPartnerId = alpha('p-euro');
  await seedPartner(tenant.store, {
    id: euroPartnerId,
    tierId: 'silver',
    certifications: [...certifications('sales-professional', 3), ...certifications('technical-specialist', 1)],
    deals: [
      { closedOn: '2026-06-01', dollars: 600_000 },
      { closedOn: '2026-06-02', dollars: 5_000, currency: 'EUR' },
    ],
  });
  const evaluated = await ok('POST', '/tiers/evaluations', { partnerIds: [euroPartnerId, goldPartnerId] });
  const proposalId = keep(
    (evaluated.proposals as Body[]).find((found) => found.partnerId === euroPartnerId)!.proposalId as string,
  );
  await ok('POST', `/tiers/partners/${silverPartnerId}/override`, {
    tierId: 'gold',
    expiresOn: '2027-06-01',
    reason: `Strategic ${ALPHA_MARKER}`,
    by: 'dana',
  });
  await ok('POST', '/tiers/satisfaction-scores', {
    scores: [{ id: alpha('csat-1'), partnerId: goldPartnerId, date: '2026-10-01', value: 91 }],
  });
  await ok('POST', '/tiers/custom-metrics', {
    values: [{ partnerId: goldPartnerId, key: 'alpha-metric', date: '2026-10-01', value: 7 }],
  });

  // Analytics: a touch on the won deal, an activity.
  await ok('POST', '/analytics/touches/import', {
    touches: [
      { id: alpha('touch-1'), dealId: dealIds[0], partnerId: silverPartnerId, kind: 'co_sell', on: '2026-09-10' },
    ],
  });
  await ok('POST', '/analytics/activities/import', {
    activities: [{ id: alpha('activity-1'), partnerId: goldPartnerId, kind: 'webinar', on: '2026-09-10', count: 2 }],
  });

  // A company applies, is approved and starts onboarding.
  const onboardingPartnerId = alpha('p-applicant');
  await ok(
    'POST',
    '/partners/applications',
    { partnerId: onboardingPartnerId, partnerName: `Newco ${ALPHA_MARKER}`, submittedBy: 'contact-1' },
    201,
  );
  await ok('POST', `/partners/${onboardingPartnerId}/lifecycle/approve`, { by: 'cm-1' });
  const onboarding = await ok('POST', `/partners/${onboardingPartnerId}/lifecycle/start_onboarding`, { by: 'cm-1' });
  const milestoneId = (onboarding.lifecycle.onboarding.milestones as Body[])[0]!.id as string;

  // A job run asked for, and a second version of the program.
  const run = await ok('POST', '/jobs/registration-expiry/runs', {}, 201);
  const jobRunId = keep(run.run.id as string);
  const program = (await ok('GET', '/program')).program as Body;
  const published = await ok(
    'PUT',
    '/program',
    { expectedVersion: 1, program: { ...program, name: `Alpha network ${ALPHA_MARKER}` } },
    201,
  );

  const partnerIds = [...partners.map((partner) => partner.id), euroPartnerId, onboardingPartnerId];
  const leadIds = leads.map((lead) => lead.id);
  return {
    tenant,
    partnerIds,
    goldPartnerId,
    silverPartnerId,
    euroPartnerId,
    onboardingPartnerId,
    milestoneId,
    accountId,
    dealIds,
    leadIds,
    offeredLeadId,
    acceptedLeadId,
    conflictId,
    registrationIds: { draft, submitted, approved },
    budgetId,
    allocationId,
    requestIds: { submitted: submittedRequest, approved: approvedRequest },
    claimIds: { paid: paidClaim, returned: returnedClaim },
    paymentBatchId,
    proposalId,
    jobRunId,
    programVersion: published.version as number,
    secrets: [ALPHA_MARKER, ...new Set([...partnerIds, accountId, ...dealIds, ...leadIds, ...generated])],
  };
}

/** Creates Beta (`t-beta`, the demo program) with two partners, a lead and a deal of its own. */
export async function seedBeta(server: TestServer): Promise<BetaData> {
  server.clock.set(SEED_START);
  const tenant = await server.tenant('t-beta');
  const partnerIds = ['beta-p-gold', 'beta-p-silver'];
  const partner = (id: string, tierId: string) => ({
    id,
    name: `Beta partner ${id}`,
    status: 'active',
    tierId,
    specializationIds: [],
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [],
  });
  await expectCall(
    server,
    tenant,
    'POST',
    '/crm/partners/import',
    { partners: [partner(partnerIds[0]!, 'gold'), partner(partnerIds[1]!, 'silver')] },
    200,
  );
  const leadId = 'beta-lead-1';
  await expectCall(
    server,
    tenant,
    'POST',
    '/routing/leads/import',
    {
      leads: [
        { id: leadId, createdAt: '2026-11-24T14:00:00Z', company: 'Beta prospect', country: 'US', product: 'edr' },
      ],
    },
    200,
  );
  const dealId = 'beta-deal-1';
  await expectCall(
    server,
    tenant,
    'PUT',
    `/crm/deals/${dealId}`,
    {
      id: dealId,
      name: 'Beta deal',
      accountId: 'beta-account',
      amount: usd(1_000_000),
      products: ['platform'],
      createdAt: '2026-09-01T12:00:00.000Z',
      partnerId: partnerIds[0],
      partnerRole: 'sourced',
      registrationId: null,
      stage: 'open',
    },
    201,
  );
  return { tenant, partnerIds, leadId, dealId };
}
