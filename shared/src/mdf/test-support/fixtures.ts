import type { Deal } from '../../entities/deal.js';
import type { Partner } from '../../entities/partner.js';
import type { ExchangeRateTable } from '../../money/exchange.js';
import type { CurrencyCode, Money } from '../../money/money.js';
import { parseProgram } from '../../program/parse-program.js';
import type { Program } from '../../program/schema/program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { BudgetedAllocation } from '../funds/allocation.js';
import { allocationAccount, budgetAccount } from '../ledger/account.js';
import { applyToAllocation, emptyAllocationBalances } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';

/*
 * Fixtures for MDF tests, on the repository's demo program: USD, fiscal year from February named by its
 * end, America/New_York; fund types proposal-mdf (tier formula: event, webinar, digital-campaign,
 * content-syndication), co-op (accrual at the tier rate on sourced revenue, 365 days) and
 * strategic-initiatives (manual: event, training, digital-campaign); event 50 %, webinar 75 %,
 * print-advertising 25 %, training 100 %; approval levels channel-manager ≤ $5,000, channel-director
 * ≤ $25,000, vp-partnerships above; lead time 21 days; claims within 60 days of the activity's end;
 * EUR, GBP, CAD and AUD allowed besides USD.
 */

/** The demo program, parsed. */
export function demoProgram(): Program {
  const parsed = parseProgram(demoProgramInput());
  if (!parsed.success) throw new Error('The demo program must parse.');
  return parsed.data;
}

/** Money in minor units. */
export function usd(amount: number): Money {
  return { amount, currency: 'USD' };
}

export function eur(amount: number): Money {
  return { amount, currency: 'EUR' };
}

/** An instant in the middle of a program day (15:00 UTC is 10:00 or 11:00 in New York). */
export function at(date: string): Date {
  return new Date(`${date}T15:00:00Z`);
}

/** The rates in force in the tests: €1 = $1.0845, £1 = $1.27. */
export const testRates: ExchangeRateTable = {
  asOf: '2026-11-24',
  rates: [
    { from: 'EUR', to: 'USD', rate: '1.0845' },
    { from: 'USD', to: 'EUR', rate: '0.9221' },
    { from: 'GBP', to: 'USD', rate: '1.27' },
  ],
};

/** An active partner of a tier. */
export function partner(id: string, tierId: string | null, overrides: Partial<Partner> = {}): Partner {
  return {
    id,
    name: `Partner ${id}`,
    status: 'active',
    tierId,
    specializationIds: [],
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [],
    version: 1,
    ...overrides,
  };
}

function dealFields(id: string, partnerId: string, amount: Money, role: 'sourced' | 'influenced', createdOn: string) {
  return {
    id,
    name: `Deal ${id}`,
    accountId: `account-${id}`,
    amount,
    products: [],
    createdAt: `${createdOn}T00:00:00Z`,
    partnerId,
    partnerRole: role,
    registrationId: null,
    version: 1,
  };
}

/** A won deal of a partner. */
export function wonDeal(
  id: string,
  partnerId: string,
  amount: Money,
  closedOn: string,
  role: 'sourced' | 'influenced' = 'sourced',
): Deal {
  return { ...dealFields(id, partnerId, amount, role, closedOn), stage: 'won', closedOn };
}

/**
 * A partner's allocation of proposal MDF holding `available`, as if allocated from budget `budget-1`,
 * with the posting that put the money there.
 */
export function fundedAllocation(
  available: number,
  options: { id?: string; partnerId?: string; currency?: CurrencyCode; fundTypeId?: string } = {},
): { allocation: BudgetedAllocation; postings: MdfPosting[] } {
  const id = options.id ?? 'budget-1:partner-1';
  const currency = options.currency ?? 'USD';
  const posting: MdfPosting = {
    id: `${id}:allocate:v0`,
    kind: 'allocate',
    budgetId: 'budget-1',
    allocationId: id,
    postedAt: '2026-11-01T15:00:00Z',
    currency,
    memo: 'Allocated for the test.',
    lines: linesOf([
      { from: budgetAccount('budget-1', 'unallocated'), to: allocationAccount(id, 'available'), amount: available },
    ]),
  };
  const allocation: BudgetedAllocation = {
    id,
    kind: 'budgeted',
    partnerId: options.partnerId ?? 'partner-1',
    fundTypeId: options.fundTypeId ?? 'proposal-mdf',
    budgetId: 'budget-1',
    period: { unit: 'quarter', start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' },
    method: 'tier_formula',
    currency,
    balances: applyToAllocation(emptyAllocationBalances(currency), id, [posting]),
    createdAt: '2026-11-01T15:00:00Z',
    version: 1,
  };
  return { allocation, postings: [posting] };
}

/** A partner deal still open (no close date). */
export function openDeal(
  id: string,
  partnerId: string,
  amount: Money,
  role: 'sourced' | 'influenced' = 'sourced',
): Deal {
  return { ...dealFields(id, partnerId, amount, role, '2026-01-01'), stage: 'open' };
}

/** A partner deal closed lost. */
export function lostDeal(
  id: string,
  partnerId: string,
  amount: Money,
  closedOn: string,
  role: 'sourced' | 'influenced' = 'sourced',
): Deal {
  return { ...dealFields(id, partnerId, amount, role, closedOn), stage: 'lost', closedOn };
}
