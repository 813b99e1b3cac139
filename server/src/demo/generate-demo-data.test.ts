import { createHash } from 'node:crypto';
import {
  AccountSchema,
  CertificationSchema,
  DealSchema,
  LeadSchema,
  MdfAllocationSchema,
  MdfBudgetSchema,
  MdfClaimSchema,
  MdfPostingSchema,
  MdfRequestSchema,
  PartnerSchema,
  PaymentBatchSchema,
  RegistrationSchema,
  isBalancedPosting,
  mdfAccountBalances,
  reconcileAllocation,
  reconcileBudget,
  type Deal,
  type Registration,
} from '@conduit/core';
import type * as z from 'zod';
import { InMemoryMdfStore } from '../../../shared/src/mdf/test-support/in-memory-mdf-store.js';
import { demoProgram } from '../test-support/test-server.js';
import { DEMO_SCALE, generateDemoData, type DemoData } from './generate-demo-data.js';
import { DEMO_REGIONS, demoGeography, regionOfCountry } from './geography/regions.js';

const program = demoProgram();
const TODAY = '2026-11-25';

let data: DemoData;
beforeAll(async () => {
  data = await generateDemoData({ program, today: TODAY });
}, 120_000);

const digest = (value: DemoData): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The records a schema refuses, with the first issue of each (none expected). */
function refused<T>(schema: z.ZodType, records: readonly T[]): string[] {
  return records.flatMap((record, index) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? [] : [`#${index}: ${JSON.stringify(parsed.error.issues[0])}`];
  });
}

const tally = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
    {},
  );

describe('the demo data generator', () => {
  it('gives the same data, byte for byte, for the same seed and day, and other data for another seed', async () => {
    const again = await generateDemoData({ program, today: TODAY });
    expect(digest(again)).toBe(digest(data));
    const other = await generateDemoData({ program, today: TODAY, seed: 'another-demo' });
    expect(digest(other)).not.toBe(digest(data));
    expect(other.partners.map((partner) => partner.name)).not.toEqual(data.partners.map((partner) => partner.name));
    expect(other.registrations.length).toBe(data.registrations.length);
  }, 240_000);

  it('has the size of a real channel', () => {
    expect({
      partners: data.partners.length,
      accounts: data.accounts.length,
      deals: data.deals.length,
      leads: data.leads.length,
      registrations: data.registrations.length,
    }).toEqual(DEMO_SCALE);
    expect(data.mdf.records.requests.length).toBeGreaterThan(500);
    expect(data.mdf.records.claims.length).toBeGreaterThan(300);
    for (const list of [data.partners, data.accounts, data.deals, data.leads, data.registrations]) {
      expect(new Set(list.map((record) => record.id)).size).toBe(list.length);
    }
    expect(new Set(data.partners.map((partner) => partner.name)).size).toBe(data.partners.length);
    const domains = [...data.partners, ...data.accounts].flatMap((company) => (company.domain ? [company.domain] : []));
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('makes every record one its core schema accepts', () => {
    expect(refused(PartnerSchema, data.partners)).toEqual([]);
    expect(
      refused(
        CertificationSchema,
        data.partners.flatMap((partner) => partner.certifications),
      ),
    ).toEqual([]);
    expect(refused(AccountSchema, data.accounts)).toEqual([]);
    expect(refused(DealSchema, data.deals)).toEqual([]);
    expect(refused(LeadSchema, data.leads)).toEqual([]);
    expect(refused(RegistrationSchema, data.registrations)).toEqual([]);
    const { budgets, allocations, requests, claims, paymentBatches, postings } = data.mdf.records;
    expect(refused(MdfBudgetSchema, budgets)).toEqual([]);
    expect(refused(MdfAllocationSchema, allocations)).toEqual([]);
    expect(refused(MdfRequestSchema, requests)).toEqual([]);
    expect(refused(MdfClaimSchema, claims)).toEqual([]);
    expect(refused(PaymentBatchSchema, paymentBatches)).toEqual([]);
    expect(refused(MdfPostingSchema, postings)).toEqual([]);
  });

  it('spreads partners over every tier and every region of the program, and tiers over every region', () => {
    const { regions } = demoGeography(program);
    expect(regions.map((region) => region.id)).toEqual(DEMO_REGIONS.map((region) => region.id));
    for (const region of regions) {
      const regional = data.partners.filter((partner) => regionOfCountry(partner.country)?.id === region.id);
      expect([region.id, new Set(regional.map((partner) => partner.tierId).filter((tier) => tier !== null))]).toEqual([
        region.id,
        new Set(program.tiers.map((tier) => tier.id)),
      ]);
    }
    expect(new Set(data.partners.map((partner) => partner.status))).toEqual(
      new Set(['active', 'onboarding', 'approved', 'applicant', 'rejected', 'suspended', 'offboarded']),
    );
    const certifications = data.partners.flatMap((partner) => partner.certifications);
    expect(
      certifications.some((certification) => certification.expiresOn !== null && certification.expiresOn < TODAY),
    ).toBe(true);
    expect(
      certifications.some((certification) => certification.expiresOn === null || certification.expiresOn >= TODAY),
    ).toBe(true);
    expect(
      data.partners.every((partner) => partner.location && partner.coverage.countries.includes(partner.country!)),
    ).toBe(true);
  });

  it('has registrations in every state of their lifecycle, with every conflict verdict', () => {
    const statuses = RegistrationSchema.options.map((option) => option.shape.status.value);
    expect(Object.keys(tally(data.registrations, (registration) => registration.status)).sort()).toEqual(
      [...statuses].sort(),
    );
    const verdicts = data.registrations.flatMap((registration) =>
      'conflict' in registration ? [registration.conflict.verdict] : [],
    );
    expect(new Set(verdicts)).toEqual(new Set(['clear', 'review', 'conflict']));
    const withdrawnFrom = data.registrations.flatMap((registration) =>
      registration.status === 'withdrawn' ? [registration.withdrawnFrom] : [],
    );
    expect(new Set(withdrawnFrom).size).toBeGreaterThanOrEqual(5);
  });

  it('keeps registrations, their opportunities, accounts and partners consistent', () => {
    const deals = new Map(data.deals.map((deal) => [deal.id, deal]));
    const accounts = new Set(data.accounts.map((account) => account.id));
    const partners = new Map(data.partners.map((partner) => [partner.id, partner]));
    const registrations = new Map(data.registrations.map((registration) => [registration.id, registration]));
    const problems: string[] = [];
    for (const registration of data.registrations) {
      if (partners.get(registration.partnerId)?.status !== 'active')
        problems.push(`${registration.id}: partner not active`);
      if (registration.opportunityId === null) continue;
      const deal = deals.get(registration.opportunityId);
      if (
        !deal ||
        deal.registrationId !== registration.id ||
        deal.partnerId !== registration.partnerId ||
        deal.partnerRole !== 'sourced'
      )
        problems.push(`${registration.id}: opportunity ${registration.opportunityId} does not point back`);
      else if (
        (registration.status === 'won' || registration.status === 'lost') &&
        (deal.stage !== registration.status || deal.closedOn !== registration.closedOn)
      )
        problems.push(`${registration.id}: closed ${registration.status} but its deal is ${deal.stage}`);
    }
    for (const deal of data.deals) {
      if (!accounts.has(deal.accountId)) problems.push(`${deal.id}: no account ${deal.accountId}`);
      if (deal.partnerId !== null && !partners.has(deal.partnerId))
        problems.push(`${deal.id}: no partner ${deal.partnerId}`);
      if (deal.registrationId !== null && registrations.get(deal.registrationId)?.opportunityId !== deal.id)
        problems.push(`${deal.id}: registration ${deal.registrationId} does not point back`);
    }
    for (const account of data.accounts) {
      if (account.owner.kind === 'partner' && !partners.has(account.owner.partnerId))
        problems.push(`${account.id}: no owner`);
    }
    for (const lead of data.leads) {
      if (lead.accountId !== undefined && !accounts.has(lead.accountId))
        problems.push(`${lead.id}: no account ${lead.accountId}`);
    }
    expect(problems).toEqual([]);
  });

  it('places every record before the reference instant, protection as the program has it', () => {
    const now = data.window.now.getTime();
    const instants = (registration: Registration): string[] =>
      Object.entries(registration).flatMap(([key, value]) =>
        key.endsWith('At') && typeof value === 'string' ? [value] : [],
      );
    const late = [
      ...data.registrations.flatMap(instants),
      ...data.deals.map((deal) => deal.createdAt),
      ...data.leads.map((lead) => lead.createdAt),
      ...data.mdf.records.postings.map((posting) => posting.postedAt),
    ].filter((instant) => Date.parse(instant) > now);
    expect(late).toEqual([]);
    for (const registration of data.registrations) {
      if (registration.status === 'approved' || registration.status === 'extension_requested')
        expect(registration.protection.endsOn >= TODAY).toBe(true);
      if (registration.status === 'expired') expect(registration.expiredOn <= TODAY).toBe(true);
    }
    expect(data.window.start).toBe('2025-02-01');
  });

  it('has deals over both fiscal years: open, won and lost, sourced, influenced and direct, in whole minor units', () => {
    const closed = (deal: Deal): string | undefined => (deal.stage === 'open' ? undefined : deal.closedOn);
    expect(tally(data.deals, (deal) => deal.stage)).toEqual({
      open: expect.any(Number),
      won: expect.any(Number),
      lost: expect.any(Number),
    });
    expect(new Set(data.deals.map((deal) => deal.partnerRole))).toEqual(new Set(['sourced', 'influenced', null]));
    expect(data.deals.some((deal) => deal.createdAt < '2026-02-01')).toBe(true);
    expect(data.deals.some((deal) => (closed(deal) ?? '') >= '2026-02-01')).toBe(true);
    expect(data.deals.every((deal) => Number.isSafeInteger(deal.amount.amount) && deal.amount.amount > 0)).toBe(true);
    const amounts = data.deals.map((deal) => deal.amount.amount).sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)]!;
    expect(median).toBeGreaterThan(1_000_000);
    expect(amounts[amounts.length - 1]!).toBeGreaterThan(median * 10);
  });

  it('has leads from accounts and prospects, within the territories and beyond, with what routing reads', () => {
    const fromAccounts = data.leads.filter((lead) => lead.accountId !== undefined).length;
    expect(fromAccounts / data.leads.length).toBeGreaterThan(0.2);
    expect(fromAccounts / data.leads.length).toBeLessThan(0.3);
    expect(data.leads.some((lead) => lead.country !== undefined && regionOfCountry(lead.country) === undefined)).toBe(
      true,
    );
    for (const field of ['location', 'postalCode', 'industry', 'product', 'language', 'specializationId'] as const) {
      expect([field, data.leads.some((lead) => lead[field] !== undefined)]).toEqual([field, true]);
    }
  });

  it('has MDF in every state: budgets per region, allocations, requests, claims and payments', () => {
    const { budgets, allocations, requests, claims, paymentBatches } = data.mdf.records;
    expect(new Set(budgets.map((budget) => budget.fundTypeId))).toEqual(
      new Set(['proposal-mdf', 'strategic-initiatives']),
    );
    expect(new Set(allocations.map((allocation) => allocation.kind))).toEqual(new Set(['budgeted', 'accrual']));
    expect(Object.keys(tally(requests, (request) => request.status)).sort()).toEqual([
      'approved',
      'closed',
      'lapsed',
      'rejected',
      'submitted',
      'withdrawn',
    ]);
    expect(Object.keys(tally(claims, (claim) => claim.status)).sort()).toEqual(
      MdfClaimSchema.options.map((option) => option.shape.status.value).sort(),
    );
    expect(paymentBatches.length).toBeGreaterThan(12);
    expect(data.audit.length).toBeGreaterThan(data.registrations.length);
  });

  it('keeps the MDF ledger balanced: the core in-memory store takes the whole history and every total reconciles', async () => {
    const store = new InMemoryMdfStore();
    for (const changes of data.mdf.commits) expect((await store.commit(changes)).success).toBe(true);
    expect(store.staleWrites).toBe(0);
    const postings = store.postings;
    expect(postings.length).toBe(data.mdf.records.postings.length);
    expect(postings.every(isBalancedPosting)).toBe(true);
    expect([...mdfAccountBalances(postings).values()].reduce((sum, balance) => sum + balance, 0)).toBe(0);
    const mismatches = [
      ...[...store.rows.allocation.values()].flatMap((allocation) => reconcileAllocation(allocation, postings)),
      ...[...store.rows.budget.values()].flatMap((budget) => reconcileBudget(budget, postings)),
    ];
    expect(mismatches).toEqual([]);
    expect([...store.rows.allocation.values()]).toEqual(data.mdf.records.allocations);
    expect([...store.rows.request.values()]).toEqual(data.mdf.records.requests);
    const negative = [...store.rows.allocation.values()].filter(({ balances }) =>
      (['available', 'committed', 'claimed'] as const).some((bucket) => balances[bucket].amount < 0),
    );
    expect(negative).toEqual([]);
  });

  it('places everything before any reference date it is given, not the wall clock', async () => {
    const small = { partners: 40, accounts: 300, deals: 600, leads: 500, registrations: 150 };
    const later = await generateDemoData({ program, today: '2028-03-10', scale: small });
    expect(later.window.start).toBe('2027-02-01');
    const latest = [...later.deals.map((deal) => deal.createdAt), ...later.leads.map((lead) => lead.createdAt)]
      .sort()
      .pop()!;
    expect(latest < '2028-03-10T11:00:00.000Z').toBe(true);
    expect(latest > '2028-02-01').toBe(true);
  }, 120_000);
});
