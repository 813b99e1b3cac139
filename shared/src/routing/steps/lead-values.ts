import type { Lead } from '../../entities/lead.js';

/** The fields of a lead that routing reads (any `Lead` has them). */
export type LeadFacts = Pick<
  Lead,
  | 'id'
  | 'country'
  | 'subdivision'
  | 'postalCode'
  | 'location'
  | 'industry'
  | 'product'
  | 'language'
  | 'specializationId'
  | 'accountId'
>;

/** The lead's country: its own, or the one its subdivision lies in (`US-CA` → `US`). */
export function leadCountry(lead: Pick<LeadFacts, 'country' | 'subdivision'>): string | undefined {
  if (lead.country !== undefined) return lead.country;
  return lead.subdivision === undefined ? undefined : lead.subdivision.slice(0, lead.subdivision.indexOf('-'));
}
