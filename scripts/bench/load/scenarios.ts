/**
 * The load benchmark's scenarios over the demo tenant. The reads: `/health` as the floor of the stack, a
 * registration, a page of registrations, a CRM partner, a partner's tier standing, an MDF allocation and the
 * yearly KPI report (on fewer connections), each request for another record, in a seeded random order. The
 * writes, each request with its own body: draft registrations, the submission of each draft once, lead
 * routing, CRM deal upserts and MDF fund requests, each checked for having done what it was asked.
 */
import { seededRandom } from '../../eval/seeded-random.js';
import type { Scenario } from './autocannon.js';
import { daysFromNow, REQUESTED_AMOUNT, type Tenant } from './demo-tenant.js';

/** The KPI report takes seconds a request, a submission hundreds of milliseconds: fewer connections. */
const KPI_CONNECTIONS = 2;
const SUBMIT_CONNECTIONS = 8;

/** The items in a seeded random order, handed out one after the other, round and round. */
function cycle<T>(items: readonly T[], seed: number): () => T {
  if (items.length === 0) throw new Error('The demo tenant has none of the records a scenario needs.');
  const random = seededRandom(seed);
  const order = [...items];
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  let next = 0;
  return () => order[next++ % order.length]!;
}

/** Items handed out once each, in order; past the end, the last one again (its repeat fails the check). */
function once<T>(items: readonly T[]): { next: () => T } {
  let next = 0;
  return { next: () => items[Math.min(next++, items.length - 1)]! };
}

const encode = encodeURIComponent;

/** The KPI report of the fiscal year under way, by quarter (under `/api/v1`). */
export const kpiRoute = ({ fiscalYear: { from, to } }: Tenant) => `/analytics/kpis?from=${from}&to=${to}&unit=quarter`;

/** The read scenarios, each request for another record of the demo tenant. */
export function readScenarios(tenant: Tenant): Scenario[] {
  const registration = cycle(tenant.registrationIds, 1);
  // A client paging through every registration, 100 at a time: the first page, then the page after each 100th.
  const cursors = [undefined, ...tenant.registrationIds.filter((_, index) => index % 100 === 99)];
  let page = 0;
  const partner = cycle(tenant.partnerIds, 2);
  const standing = cycle(tenant.partnerIds, 3);
  const allocation = cycle(tenant.allocationIds, 4);
  return [
    { label: 'GET /health', method: 'GET', next: () => ({ path: '/health' }) },
    {
      label: 'GET /api/v1/registrations/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/registrations/${encode(registration())}` }),
    },
    {
      label: 'GET /api/v1/registrations?limit=100',
      method: 'GET',
      next: () => {
        const after = cursors[page++ % cursors.length];
        return { path: `/api/v1/registrations?limit=100${after === undefined ? '' : `&after=${encode(after)}`}` };
      },
    },
    {
      label: 'GET /api/v1/crm/partners/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/crm/partners/${encode(partner())}` }),
    },
    {
      label: 'GET /api/v1/tiers/partners/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/tiers/partners/${encode(standing())}` }),
    },
    {
      label: 'GET /api/v1/mdf/allocations/:id',
      method: 'GET',
      next: () => ({ path: `/api/v1/mdf/allocations/${encode(allocation())}` }),
    },
    {
      label: `GET /api/v1/analytics/kpis (FY by quarter, ${KPI_CONNECTIONS} connections)`,
      method: 'GET',
      next: () => ({ path: `/api/v1${kpiRoute(tenant)}` }),
      connections: KPI_CONNECTIONS,
      warmup: false,
      timeoutSeconds: 120,
    },
  ];
}

/** A new draft registration for an eligible account, by an active partner, with its own contact and amount. */
function draftRegistrations(tenant: Tenant): () => object {
  // Drafts past the partners' room (thousands) are created but never submitted: submissions are far slower.
  const partner = once(tenant.draftPartnerIds);
  const account = cycle(tenant.eligibleAccounts, 6);
  const closeDate = daysFromNow(60);
  let serial = 0;
  return () => {
    const { name, domain, country, subdivision } = account();
    serial++;
    return {
      partnerId: partner.next(),
      details: {
        customer: { name, country, ...(domain ? { domain } : {}), ...(subdivision ? { subdivision } : {}) },
        contact: { name: `Buyer ${serial}`, email: `buyer.${serial}@${domain ?? 'customer.example'}` },
        amount: { amount: 2_500_000 + (serial % 100) * 10_000, currency: 'USD' },
        expectedCloseDate: closeDate,
        products: serial % 3 === 0 ? ['platform', 'insights'] : ['platform'],
      },
    };
  };
}

/**
 * The write scenarios, in order: draft registrations, then the submission of each draft once (so the drafts
 * must be created first: `drafts` fills while the first scenario runs), lead routing, deal upserts and MDF
 * fund requests.
 */
export function writeScenarios(tenant: Tenant, drafts: string[]): Scenario[] {
  const draft = draftRegistrations(tenant);
  const submission = once(drafts);
  const lead = once(tenant.leadIds);
  const deal = cycle(tenant.deals, 7);
  let change = 0;
  const allocation = cycle(tenant.requestAllocations, 8);
  let request = 0;
  return [
    {
      label: 'POST /api/v1/registrations (draft)',
      method: 'POST',
      next: () => ({ path: '/api/v1/registrations', body: draft() }),
      check: (body) => {
        const created = body.registration as { id?: string; status?: string } | undefined;
        if (created?.status !== 'draft' || !created.id) return false;
        drafts.push(created.id);
        return true;
      },
    },
    {
      label: `POST /api/v1/registrations/:id/submit (${SUBMIT_CONNECTIONS} connections)`,
      method: 'POST',
      next: () => ({ path: `/api/v1/registrations/${encode(submission.next())}/submit`, body: {} }),
      check: (body) => (body.registration as { status?: string } | undefined)?.status === 'submitted',
      // Hundreds of milliseconds a submission (it reads the tenant's accounts, open deals and registrations):
      // fewer connections, no warm-up (the drafts outnumber the submissions many times over).
      connections: SUBMIT_CONNECTIONS,
      warmup: false,
      timeoutSeconds: 120,
    },
    {
      label: 'POST /api/v1/routing/route (1 lead)',
      method: 'POST',
      next: () => ({ path: '/api/v1/routing/route', body: { leadIds: [lead.next()] } }),
      // One assignment per lead routed; a lead routed before (all 50,000 used up) gets none.
      check: (body) => (body.assignments as unknown[] | undefined)?.length === 1,
    },
    {
      label: 'PUT /api/v1/crm/deals/:id',
      method: 'PUT',
      next: () => {
        // The deal as read, without its version (no stale-write check), with another amount each time.
        const { version: _version, ...fields } = deal();
        change++;
        return {
          path: `/api/v1/crm/deals/${encode(fields.id)}`,
          body: { ...fields, amount: { ...fields.amount, amount: fields.amount.amount + change * 100 } },
        };
      },
      check: (body) => body.outcome === 'updated',
    },
    {
      label: 'POST /api/v1/mdf/requests',
      method: 'POST',
      next: () => {
        const { id, currency, activityId, reimbursementPercent } = allocation();
        request++;
        return {
          path: '/api/v1/mdf/requests',
          body: {
            title: `Load test campaign ${request}`,
            allocationId: id,
            activityId,
            ...tenant.requestDates,
            requestedAmount: { amount: REQUESTED_AMOUNT, currency },
            partnerContribution: { amount: (REQUESTED_AMOUNT * (100 - reimbursementPercent)) / 100, currency },
            expected: { leads: 40, pipeline: { amount: 5_000_000, currency } },
            submittedBy: `load-test-${request % 50}`,
          },
        };
      },
      check: (body) => (body.request as { status?: string } | undefined)?.status === 'submitted',
    },
  ];
}
