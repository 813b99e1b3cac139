/**
 * A small channel for the analytics tests, on the demo program (USD; fiscal year from February, named by
 * its end, in New York; position-based attribution 40/20/40 sourced by `sourced` and `registered` touches;
 * 48 hours to decide a registration), small enough that every KPI can be checked by hand over FY2027
 * (2026-02-01 to 2027-02-01): three partners, nine deals, four registrations and three leads' offers.
 */
import type { Account, Deal, LeadDistribution, Partner, Registration } from '@conduit/core';
import { RecordTable } from '../../records/record-table.js';
import { LEAD_DISTRIBUTIONS, type StoredDistributionRecord } from '../../routing/kinds.js';
import type { TenantStore } from '../../tenant-store.js';

function partner(id: string, tierId: string | null, status: Partner['status'], certifiedOn: string): Partner {
  return {
    id,
    name: `Partner ${id.slice(2)}`,
    status,
    tierId,
    specializationIds: [],
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [{ type: 'sales-professional', earnedOn: certifiedOn, expiresOn: null }],
    version: 0,
  };
}

/** Alpha (gold) and Beta (silver) are active; Gamma is onboarding, certified in FY2027 Q1. */
export const PARTNERS: Partner[] = [
  partner('p-alpha', 'gold', 'active', '2025-01-01'),
  partner('p-beta', 'silver', 'active', '2024-06-01'),
  partner('p-gamma', null, 'onboarding', '2026-04-15'),
];

function account(id: string, country: string, subdivision: string): Account {
  return { id, name: `Account ${id}`, country, subdivision, owner: { kind: 'direct' }, version: 0 };
}

export const ACCOUNTS: Account[] = [
  account('acc-ny', 'US', 'US-NY'),
  account('acc-ca', 'US', 'US-CA'),
  account('acc-by', 'DE', 'DE-BY'),
];

interface DealSpec {
  id: string;
  partner: [string, 'sourced' | 'influenced'] | null;
  createdOn: string;
  closed?: ['won' | 'lost', string];
  amount: number;
  currency?: string;
  accountId: string;
}

function deal(spec: DealSpec): Deal {
  const common = {
    id: spec.id,
    name: `Deal ${spec.id}`,
    accountId: spec.accountId,
    amount: { amount: spec.amount, currency: spec.currency ?? 'USD' },
    products: ['platform'],
    createdAt: `${spec.createdOn}T15:00:00Z`,
    partnerId: spec.partner?.[0] ?? null,
    partnerRole: spec.partner?.[1] ?? null,
    registrationId: null,
    version: 0,
  };
  return spec.closed ? { ...common, stage: spec.closed[0], closedOn: spec.closed[1] } : { ...common, stage: 'open' };
}

/** Amounts in cents. */
export const DEALS: Deal[] = [
  // FY2027 Q1 creations: Alpha sources $100,000 (won in Q2), influences $50,000 (won in Q3); a direct $30,000 won in Q1.
  deal({
    id: 'd-1',
    partner: ['p-alpha', 'sourced'],
    createdOn: '2026-03-10',
    closed: ['won', '2026-06-15'],
    amount: 10_000_000,
    accountId: 'acc-ny',
  }),
  deal({
    id: 'd-2',
    partner: ['p-alpha', 'influenced'],
    createdOn: '2026-04-01',
    closed: ['won', '2026-09-01'],
    amount: 5_000_000,
    accountId: 'acc-by',
  }),
  deal({
    id: 'd-4',
    partner: null,
    createdOn: '2026-02-15',
    closed: ['won', '2026-03-31'],
    amount: 3_000_000,
    accountId: 'acc-ny',
  }),
  // Beta sources $40,000 in Q2 (lost in Q3) and $20,000 in Q3 (open).
  deal({
    id: 'd-3',
    partner: ['p-beta', 'sourced'],
    createdOn: '2026-05-05',
    closed: ['lost', '2026-08-20'],
    amount: 4_000_000,
    accountId: 'acc-ca',
  }),
  deal({ id: 'd-5', partner: ['p-beta', 'sourced'], createdOn: '2026-10-01', amount: 2_000_000, accountId: 'acc-ca' }),
  // €10,000 sourced by Alpha in Q2: $11,000 at 1.1; £7,000 sourced by Beta, with no rate: left out.
  deal({
    id: 'd-6',
    partner: ['p-alpha', 'sourced'],
    createdOn: '2026-07-01',
    amount: 1_000_000,
    currency: 'EUR',
    accountId: 'acc-by',
  }),
  deal({
    id: 'd-7',
    partner: ['p-beta', 'sourced'],
    createdOn: '2026-07-01',
    amount: 700_000,
    currency: 'GBP',
    accountId: 'acc-ca',
  }),
  // Created before the year, won in its Q1 by Gamma ($5,000); and one entirely before it.
  deal({
    id: 'd-8',
    partner: ['p-gamma', 'sourced'],
    createdOn: '2025-12-01',
    closed: ['won', '2026-02-10'],
    amount: 500_000,
    accountId: 'acc-ny',
  }),
  deal({
    id: 'd-9',
    partner: ['p-alpha', 'sourced'],
    createdOn: '2025-01-01',
    closed: ['won', '2025-06-01'],
    amount: 9_900_000,
    accountId: 'acc-ny',
  }),
];

const details = {
  customer: { name: 'Customer', country: 'US' },
  contact: { name: 'Pat Buyer' },
  products: ['platform'],
};

function registration(
  id: string,
  partnerId: string,
  submittedAt: string,
  decision: ['approved' | 'rejected', string] | null,
): Registration {
  const submitted = {
    id,
    partnerId,
    details,
    opportunityId: null,
    createdAt: submittedAt,
    submittedAt,
    conflict: { verdict: 'clear' as const, checkedAt: submittedAt, matches: 0 },
    version: 0,
  };
  if (decision === null) return { ...submitted, status: 'submitted' };
  const [status, decidedAt] = decision;
  const decided = { ...submitted, decidedBy: 'manager-1', decidedAt };
  if (status === 'rejected') return { ...decided, status, reason: 'Already in our pipeline.' };
  const startsOn = decidedAt.slice(0, 10);
  return { ...decided, status, protection: { startsOn, endsOn: '2026-12-31', extensions: 0 } };
}

/** Approved in 24 hours (within the 48-hour SLA) and in 96 hours; one rejected; one waiting. */
export const REGISTRATIONS: Registration[] = [
  registration('r-1', 'p-alpha', '2026-03-01T14:00:00.000Z', ['approved', '2026-03-02T14:00:00.000Z']),
  registration('r-2', 'p-alpha', '2026-05-01T12:00:00.000Z', ['approved', '2026-05-05T12:00:00.000Z']),
  registration('r-3', 'p-beta', '2026-06-01T12:00:00.000Z', ['rejected', '2026-06-02T12:00:00.000Z']),
  registration('r-4', 'p-beta', '2026-11-20T12:00:00.000Z', null),
];

const offered = (partnerId: string, offeredAt: string, dueAt: string) => ({
  partnerId,
  attempt: 1,
  via: 'strategy' as const,
  offeredAt,
  dueAt,
});

/**
 * Lead 1: Alpha accepts in 6 hours (within its SLA). Lead 2: Beta declines, Alpha holds the open offer.
 * Lead 3: Gamma lets the offer expire, Beta accepts after 48 hours, a day past its SLA.
 */
export const DISTRIBUTIONS: LeadDistribution[] = [
  {
    leadId: 'lead-1',
    accountId: null,
    attempts: 1,
    history: [],
    status: 'accepted',
    partnerId: 'p-alpha',
    via: 'strategy',
    manual: null,
    offeredAt: '2026-03-05T10:00:00.000Z',
    dueAt: '2026-03-06T10:00:00.000Z',
    acceptedAt: '2026-03-05T16:00:00.000Z',
  },
  {
    leadId: 'lead-2',
    accountId: null,
    attempts: 2,
    history: [
      {
        kind: 'declined',
        ...offered('p-beta', '2026-05-10T10:00:00.000Z', '2026-05-11T10:00:00.000Z'),
        at: '2026-05-10T12:00:00.000Z',
        reason: 'No capacity',
      },
    ],
    status: 'offered',
    partnerId: 'p-alpha',
    via: 'strategy',
    manual: null,
    offeredAt: '2026-05-10T13:00:00.000Z',
    dueAt: '2026-05-11T13:00:00.000Z',
  },
  {
    leadId: 'lead-3',
    accountId: null,
    attempts: 2,
    history: [
      {
        kind: 'expired',
        ...offered('p-gamma', '2026-08-01T10:00:00.000Z', '2026-08-02T10:00:00.000Z'),
        at: '2026-08-02T11:00:00.000Z',
      },
    ],
    status: 'accepted',
    partnerId: 'p-beta',
    via: 'strategy',
    manual: null,
    offeredAt: '2026-08-02T12:00:00.000Z',
    dueAt: '2026-08-03T12:00:00.000Z',
    acceptedAt: '2026-08-04T12:00:00.000Z',
  },
];

/** Writes the channel's partners, accounts, deals, registrations and lead distributions to a tenant's store. */
export async function seedAnalyticsChannel(store: TenantStore): Promise<void> {
  const must = (saved: { success: boolean }, what: string) => {
    if (!saved.success) throw new Error(`Could not seed ${what}.`);
  };
  const created = { expectedVersion: null };
  for (const record of PARTNERS) must(await store.partners.save(record, created), record.id);
  for (const record of ACCOUNTS) must(await store.accounts.save(record, created), record.id);
  for (const record of DEALS) must(await store.deals.save(record, created), record.id);
  for (const record of REGISTRATIONS) must(await store.registrations.save(record, created), record.id);
  const distributions = new RecordTable<StoredDistributionRecord>(store.db, store.tenantId, LEAD_DISTRIBUTIONS);
  for (const record of DISTRIBUTIONS)
    must(await distributions.save({ ...record, id: record.leadId, version: 0 }, created), record.leadId);
}
