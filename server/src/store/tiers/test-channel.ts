/**
 * Realistic partner data for the tier tests: a partner record with its certifications, its deals (won,
 * lost, open; sourced or influenced; in any currency) and its approved deal registrations, written to a
 * tenant's store the way the CRM adapters and the registration workflow write them.
 */
import {
  addDays,
  type Certification,
  type Deal,
  type Partner,
  type PartnerStatus,
  type Registration,
} from '@conduit/core';
import type { TenantStore } from '../tenant-store.js';

/** A deal of a partner: won unless said otherwise, sourced, in US dollars. */
export interface DealSpec {
  closedOn: string;
  dollars: number;
  stage?: 'won' | 'lost' | 'open';
  role?: 'sourced' | 'influenced';
  currency?: string;
}

/** A partner of the test channel and what it has done. */
export interface PartnerSpec {
  id: string;
  tierId: string | null;
  status?: PartnerStatus;
  specializationIds?: string[];
  certifications?: Certification[];
  deals?: DealSpec[];
  /** The days its registrations were approved (protection started). */
  approvedRegistrations?: string[];
}

/** `count` certifications of a type, earned on a day (valid until `expiresOn`, or for good). */
export function certifications(
  type: string,
  count: number,
  earnedOn = '2025-06-01',
  expiresOn: string | null = null,
): Certification[] {
  return Array.from({ length: count }, () => ({ type, earnedOn, expiresOn }));
}

/** A partner record. */
export function partnerRecord(spec: PartnerSpec): Partner {
  return {
    id: spec.id,
    name: `Partner ${spec.id}`,
    status: spec.status ?? 'active',
    tierId: spec.tierId,
    specializationIds: spec.specializationIds ?? [],
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: spec.certifications ?? [],
    version: 0,
  };
}

function dealRecord(partnerId: string, index: number, spec: DealSpec): Deal {
  const common = {
    id: `deal-${partnerId}-${index}`,
    name: `Deal ${index} of ${partnerId}`,
    accountId: `account-${partnerId}-${index}`,
    amount: { amount: Math.round(spec.dollars * 100), currency: spec.currency ?? 'USD' },
    products: ['platform'],
    createdAt: `${addDays(spec.closedOn, -60)}T12:00:00Z`,
    partnerId,
    partnerRole: spec.role ?? ('sourced' as const),
    registrationId: null,
    version: 0,
  };
  const stage = spec.stage ?? 'won';
  return stage === 'open' ? { ...common, stage } : { ...common, stage, closedOn: spec.closedOn };
}

function approvedRegistration(partnerId: string, index: number, approvedOn: string): Registration {
  return {
    id: `registration-${partnerId}-${index}`,
    partnerId,
    status: 'approved',
    details: {
      customer: { name: `Customer ${index} of ${partnerId}`, country: 'US' },
      contact: { name: 'Pat Buyer' },
      products: ['platform'],
    },
    opportunityId: null,
    createdAt: `${addDays(approvedOn, -3)}T14:00:00Z`,
    submittedAt: `${addDays(approvedOn, -2)}T14:00:00Z`,
    conflict: { verdict: 'clear', checkedAt: `${addDays(approvedOn, -2)}T14:00:00Z`, matches: 0 },
    decidedBy: 'manager-1',
    decidedAt: `${approvedOn}T16:00:00Z`,
    protection: { startsOn: approvedOn, endsOn: addDays(approvedOn, 89), extensions: 0 },
    version: 0,
  };
}

/** Writes a partner, its deals and its approved registrations to a tenant's store. */
export async function seedPartner(store: TenantStore, spec: PartnerSpec): Promise<void> {
  const must = (saved: { success: boolean }, what: string) => {
    if (!saved.success) throw new Error(`Could not seed ${what} of ${spec.id}.`);
  };
  must(await store.partners.save(partnerRecord(spec), { expectedVersion: null }), 'the partner');
  for (const [index, deal] of (spec.deals ?? []).entries())
    must(await store.deals.save(dealRecord(spec.id, index + 1, deal), { expectedVersion: null }), 'a deal');
  for (const [index, day] of (spec.approvedRegistrations ?? []).entries()) {
    must(
      await store.registrations.save(approvedRegistration(spec.id, index + 1, day), { expectedVersion: null }),
      'a registration',
    );
  }
}
