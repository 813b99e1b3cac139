import type { Account, AccountOwner } from '@conduit/core';
import { drawIndustry } from '../catalog.js';
import type { City } from '../geography/cities.js';
import { postalCodeIn } from '../geography/postal-codes.js';
import { regionOfCountry, type DemoGeography } from '../geography/regions.js';
import type { CompanyNames } from '../names/company-names.js';
import type { DemoPartner } from '../partners/partners.js';
import type { DemoRandom } from '../random.js';

/** A generated end-customer account with what deals and leads need to know about it. */
export interface DemoAccount {
  record: Account;
  city: City;
  /** How big its deals are (enterprise, mid-market, small business). */
  dealSize: number;
  /** How often it buys, relative to other accounts. */
  dealWeight: number;
  /** The partner that owns it, for partner-owned accounts. */
  owner: DemoPartner | undefined;
}

const SEGMENTS = [
  { share: 0.15, dealSize: 2.4, dealWeight: 3 },
  { share: 0.45, dealSize: 1, dealWeight: 1.4 },
  { share: 0.4, dealSize: 0.45, dealWeight: 0.7 },
] as const;

/** The share of accounts a partner owns (the rest belong to direct sales). */
const PARTNER_OWNED = 0.22;
/** The share of accounts outside the program's territories. */
const BEYOND_TERRITORIES = 0.025;

/** Active partners that cover a country, for choosing account owners and deal partners. */
export function partnersCovering(partners: readonly DemoPartner[], country: string): DemoPartner[] {
  return partners.filter(
    (partner) => partner.record.status === 'active' && partner.record.coverage.countries.includes(country),
  );
}

/** A city for a company: mostly within the program's territories, weighted by business. */
export function drawCity(geography: DemoGeography, random: DemoRandom, beyondShare = BEYOND_TERRITORIES): City {
  if (geography.beyond.length > 0 && random.chance(beyondShare))
    return random.weighted(geography.beyond, (c) => c.weight);
  return random.weighted(geography.covered, (city) => city.weight);
}

/** Direct sales ownership: one of the regional account executives (`ae-dach-04`). */
export function directOwner(city: City, random: DemoRandom): AccountOwner {
  const region = regionOfCountry(city.country)?.id ?? 'international';
  return { kind: 'direct', userId: `ae-${region}-${String(random.int(1, 12)).padStart(2, '0')}` };
}

/** An account of a company in a city, owned as given. */
export function accountRecord(
  id: string,
  company: { name: string; domain: string | undefined },
  city: City,
  industry: string,
  owner: AccountOwner,
  random: DemoRandom,
): Account {
  return {
    id,
    name: company.name,
    ...(company.domain !== undefined && random.chance(0.93) ? { domain: company.domain } : {}),
    country: city.country,
    ...(random.chance(0.95) ? { subdivision: city.subdivision } : {}),
    ...(random.chance(0.92) ? { postalCode: postalCodeIn(city, random) } : {}),
    industry,
    owner,
    version: 0,
  };
}

/**
 * The CRM's end-customer accounts: `count` companies in the program's territories (a few beyond them),
 * of every industry and size, most owned by direct sales and about a fifth by an active partner that
 * covers their country (the partners that bring more business own more). Ids are `account-00001`, …
 * counted on from `numberedAfter`.
 */
export function generateAccounts(
  geography: DemoGeography,
  partners: readonly DemoPartner[],
  names: CompanyNames,
  count: number,
  random: DemoRandom,
  numberedAfter = 0,
): DemoAccount[] {
  const coveringByCountry = new Map<string, DemoPartner[]>();
  const accounts: DemoAccount[] = [];
  for (let index = 1; index <= count; index++) {
    const city = drawCity(geography, random);
    const industry = drawIndustry(random);
    const segment = random.weighted(SEGMENTS, (candidate) => candidate.share);
    let covering = coveringByCountry.get(city.country);
    if (!covering) {
      covering = partnersCovering(partners, city.country);
      coveringByCountry.set(city.country, covering);
    }
    const owner =
      covering.length > 0 && random.chance(PARTNER_OWNED)
        ? random.weighted(covering, (partner) => partner.dealWeight * (partner.city === city ? 3 : 1))
        : undefined;
    const record = accountRecord(
      `account-${String(numberedAfter + index).padStart(5, '0')}`,
      names.customer(city, industry),
      city,
      industry,
      owner ? { kind: 'partner', partnerId: owner.record.id } : directOwner(city, random),
      random,
    );
    accounts.push({ record, city, dealSize: segment.dealSize, dealWeight: segment.dealWeight, owner });
  }
  return accounts;
}
