import type { Lead, LeadDistribution, OfferedLead, Partner } from '@conduit/core';
import type { TenantStore } from '../../tenant-store.js';

const EDR = { type: 'technical', product: 'edr', earnedOn: '2025-03-01', expiresOn: null };

function channelPartner(
  fields: Pick<Partner, 'id' | 'name' | 'tierId' | 'coverage'> & Partial<Omit<Partner, 'version'>>,
): Partner {
  return {
    status: 'active',
    specializationIds: [],
    country: 'US',
    industries: [],
    languages: ['en'],
    certifications: [EDR],
    version: 0,
    ...fields,
  };
}

/**
 * A small but realistic channel for the demo program's routing (active partners, country required,
 * region, postal area, distance, industry, specialization optional, product certification required,
 * silver and above preferred): West Coast, national, New York and German resellers, a suspended one and an
 * onboarding one that never receive leads.
 */
export const CHANNEL: readonly Partner[] = [
  channelPartner({
    id: 'p-northwind',
    name: 'Northwind Security Partners',
    tierId: 'gold',
    subdivision: 'US-CA',
    postalCode: '94105',
    location: { lat: 37.7897, lon: -122.3942 },
    coverage: { countries: [], subdivisions: ['US-CA', 'US-OR', 'US-WA'], postalPrefixes: ['94', '95'] },
    industries: ['software', 'healthcare'],
    specializationIds: ['security'],
  }),
  channelPartner({
    id: 'p-contoso',
    name: 'Contoso Cloud Services',
    tierId: 'silver',
    subdivision: 'US-IL',
    postalCode: '60606',
    location: { lat: 41.8827, lon: -87.6376 },
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: ['manufacturing'],
    languages: ['en', 'es'],
    certifications: [EDR, { type: 'technical', product: 'siem', earnedOn: '2025-06-01', expiresOn: '2027-06-01' }],
  }),
  channelPartner({
    id: 'p-fabrikam',
    name: 'Fabrikam Solutions',
    tierId: 'platinum',
    subdivision: 'US-NY',
    postalCode: '10018',
    location: { lat: 40.7549, lon: -73.984 },
    coverage: { countries: [], subdivisions: ['US-NY', 'US-NJ'], postalPrefixes: ['100', '101', '102'] },
    industries: ['financial-services'],
  }),
  channelPartner({
    id: 'p-tailspin',
    name: 'Tailspin Systems',
    tierId: 'registered',
    subdivision: 'US-TX',
    postalCode: '78701',
    location: { lat: 30.2672, lon: -97.7431 },
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
  }),
  channelPartner({
    id: 'p-adatum',
    name: 'Adatum GmbH',
    tierId: 'gold',
    country: 'DE',
    subdivision: 'DE-BE',
    postalCode: '10117',
    location: { lat: 52.52, lon: 13.405 },
    coverage: { countries: ['DE', 'AT'], subdivisions: [], postalPrefixes: [] },
    languages: ['de', 'en'],
  }),
  channelPartner({
    id: 'p-litware',
    name: 'Litware Inc.',
    tierId: 'gold',
    status: 'suspended',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
  }),
  channelPartner({
    id: 'p-proseware',
    name: 'Proseware Partners',
    tierId: null,
    status: 'onboarding',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
  }),
];

/** A lead as a CRM hands it over (no version), created on the test clock's day. */
export function prospect(id: string, fields: Partial<Omit<Lead, 'id' | 'version'>> = {}): Omit<Lead, 'version'> {
  return { id, createdAt: '2026-11-24T14:00:00Z', company: `Company ${id}`, country: 'US', product: 'edr', ...fields };
}

/** Leads across the channel's territories, each routed by different steps. */
export const PROSPECTS = {
  /** San Francisco, software: the West Coast partner by region and postal area. */
  acmeSf: prospect('lead-acme-sf', {
    company: 'Acme Robotics',
    domain: 'acme-robotics.com',
    subdivision: 'US-CA',
    postalCode: '94107',
    location: { lat: 37.7749, lon: -122.4194 },
    industry: 'software',
    accountId: 'acc-acme',
  }),
  /** Los Angeles, the same account: sticks to the partner of the account's last lead. */
  acmeLa: prospect('lead-acme-la', {
    company: 'Acme Robotics',
    createdAt: '2026-11-24T14:05:00Z',
    subdivision: 'US-CA',
    postalCode: '90012',
    location: { lat: 34.0537, lon: -118.2428 },
    accountId: 'acc-acme',
  }),
  /** New York, finance: the New York partner by region. */
  globexNyc: prospect('lead-globex-nyc', {
    company: 'Globex Corporation',
    subdivision: 'US-NY',
    postalCode: '10001',
    location: { lat: 40.7506, lon: -73.9972 },
    industry: 'financial-services',
  }),
  /** Chicago: no partner covers Illinois by region or postal area; the nearby step finds Contoso. */
  umbrellaChicago: prospect('lead-umbrella-chi', {
    company: 'Umbrella Logistics',
    subdivision: 'US-IL',
    postalCode: '60601',
    location: { lat: 41.8858, lon: -87.6181 },
  }),
  /** Berlin: the German partner by country. */
  initechBerlin: prospect('lead-initech-ber', {
    company: 'Initech GmbH',
    country: 'DE',
    subdivision: 'DE-BE',
    postalCode: '10115',
    location: { lat: 52.532, lon: 13.3849 },
    language: 'de',
  }),
  /** Tokyo: no partner covers Japan, so the lead waits in the channel desk's queue. */
  hooliTokyo: prospect('lead-hooli-tyo', {
    company: 'Hooli KK',
    country: 'JP',
    location: { lat: 35.6762, lon: 139.6503 },
  }),
} as const;

/** Saves the channel's partners in a tenant's store. */
export async function saveChannel(store: TenantStore): Promise<void> {
  for (const partner of CHANNEL) {
    const saved = await store.partners.save(partner, { expectedVersion: null });
    if (!saved.success) throw new Error(saved.issues[0]!.message);
  }
}

/** An open offer to a partner, due at an instant (for store tests). */
export function offered(leadId: string, partnerId: string, dueAt: string, attempts = 1): OfferedLead {
  return {
    status: 'offered',
    leadId,
    accountId: null,
    attempts,
    history: [],
    partnerId,
    via: 'strategy',
    manual: null,
    offeredAt: '2026-11-24T15:00:00.000Z',
    dueAt,
  };
}

/** A lead waiting in a queue for a person (for store tests). */
export function queued(leadId: string): LeadDistribution {
  return {
    status: 'queued',
    leadId,
    accountId: null,
    attempts: 0,
    history: [],
    queueId: 'channel-desk',
    reason: 'no_eligible_partner',
    queuedAt: '2026-11-24T15:00:00.000Z',
  };
}
