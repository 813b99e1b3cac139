import type { Deal, Money, Partner } from '@conduit/core';
import type { TenantStore } from '../../tenant-store.js';

/*
 * Fixtures for the server's MDF tests, on the demo program (USD; proposal-mdf by tier formula, gold 2 %,
 * silver 1 %; webinar reimbursed at 75 % with an invoice and an attendee list; channel managers approve
 * up to $5,000.00, channel directors up to $25,000.00; 21 days of lead time; claims within 60 days) and
 * the test clock (2026-11-24T15:00Z, a Tuesday in New York).
 */

/** US dollars in cents. */
export const usd = (amount: number): Money => ({ amount, currency: 'USD' });

/** The fiscal quarter the test clock is in. */
export const QUARTER = { unit: 'quarter', start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' } as const;

/** Someone who may approve up to $25,000.00 of funds. */
export const DIRECTOR = { userId: 'dana', roles: ['channel-director'] };

/** An active partner of a tier, in the United States. */
export function partner(id: string, tierId: string): Partner {
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
    version: 0,
  };
}

/** A deal a partner sourced and won. */
export function wonDeal(id: string, partnerId: string, amount: Money, closedOn: string): Deal {
  return {
    id,
    name: `Deal ${id}`,
    accountId: `account-${id}`,
    amount,
    products: [],
    createdAt: `${closedOn}T00:00:00Z`,
    partnerId,
    partnerRole: 'sourced',
    registrationId: null,
    stage: 'won',
    closedOn,
    version: 0,
  };
}

/** Saves the partners the MDF tests allocate to: p-gold (gold) and p-silver (silver). */
export async function savePartners(store: TenantStore): Promise<void> {
  for (const [id, tier] of [
    ['p-gold', 'gold'],
    ['p-silver', 'silver'],
  ] as const) {
    const saved = await store.partners.save(partner(id, tier), { expectedVersion: null });
    if (!saved.success) throw new Error(saved.issues[0]!.message);
  }
}

/** A budget draft of proposal MDF for the quarter. */
export function budgetDraft(amount: number, name = 'Q4 proposals') {
  return {
    name,
    fundTypeId: 'proposal-mdf',
    period: QUARTER,
    scope: { kind: 'program' as const },
    amount: usd(amount),
  };
}

/**
 * A webinar request draft: `requested` is the spend MDF co-funds at 75 %, the partner pledging the rest,
 * so an approval commits three quarters of it (rounded down).
 */
export function webinarDraft(allocationId: string, requested: number, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Winter webinar',
    allocationId,
    activityId: 'webinar',
    startDate: '2026-12-20',
    endDate: '2026-12-20',
    requestedAmount: usd(requested),
    partnerContribution: usd(requested - Math.floor((requested * 3) / 4)),
    expected: { leads: 30, pipeline: usd(10_000_000) },
    submittedBy: 'partner-user',
    ...overrides,
  };
}

/** The proofs a webinar claim needs. */
export const WEBINAR_PROOFS = [
  { kindId: 'invoice', documentId: 'doc-invoice', name: 'Venue invoice' },
  { kindId: 'attendee-list', documentId: 'doc-attendees', name: 'Attendee list' },
];
