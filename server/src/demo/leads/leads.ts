import type { Lead, Program } from '@conduit/core';
import { drawCity, type DemoAccount } from '../accounts/accounts.js';
import { drawIndustry } from '../catalog.js';
import { momentOf, type DemoWindow, type LocalMoment, type LocalTime } from '../demo-calendar.js';
import { businessMoment, growingWeekday } from '../deals/deals.js';
import type { City } from '../geography/cities.js';
import { postalCodeIn } from '../geography/postal-codes.js';
import { pointNear, type DemoGeography } from '../geography/regions.js';
import type { CompanyNames } from '../names/company-names.js';
import type { DemoRandom } from '../random.js';

/** A company that is not (yet) a customer: where leads mostly come from. */
interface Prospect {
  name: string;
  domain: string | undefined;
  city: City;
  industry: string;
  /** How many leads it tends to produce, relative to other prospects. */
  weight: number;
}

/** Which specialization a lead interested in a product needs, for the demo program's products. */
const SPECIALIZATION_OF_PRODUCT: Readonly<Record<string, string>> = {
  insights: 'data-analytics',
  'secure-edge': 'security',
  'migration-services': 'cloud-migration',
};

/** The share of leads from existing accounts (the rest are prospects). */
const FROM_ACCOUNTS = 0.25;

function leadFields(
  company: { name: string; domain: string | undefined; city: City; industry: string },
  program: Program,
  products: readonly string[],
  random: DemoRandom,
): Omit<Lead, 'id' | 'createdAt' | 'version' | 'accountId'> {
  const { city } = company;
  const product = random.chance(0.88)
    ? random.weighted(products, (candidate) => (candidate === products[0] ? 4 : 1))
    : undefined;
  const specializations = new Set(program.specializations.map((specialization) => specialization.id));
  const specializationId = product === undefined ? undefined : SPECIALIZATION_OF_PRODUCT[product];
  return {
    company: company.name,
    ...(company.domain !== undefined && random.chance(0.9) ? { domain: company.domain } : {}),
    country: city.country,
    ...(random.chance(0.9) ? { subdivision: city.subdivision } : {}),
    ...(random.chance(0.88) ? { postalCode: postalCodeIn(city, random) } : {}),
    ...(random.chance(0.8) ? { location: pointNear(city, random) } : {}),
    ...(random.chance(0.85) ? { industry: company.industry } : {}),
    ...(product === undefined ? {} : { product }),
    ...(random.chance(0.85) ? { language: city.languages[0]! } : {}),
    ...(specializationId !== undefined && specializations.has(specializationId) && random.chance(0.35)
      ? { specializationId }
      : {}),
  };
}

/**
 * The leads of the demo window: `count` of them, more lately, a quarter from existing accounts (linked
 * to them) and the rest from prospects (some prospects send many), mostly within the program's
 * territories; with what routing reads (country, subdivision, postal code, location, industry, product,
 * language, specialization) filled in as often as web forms and enrichment manage. Business-hour leads
 * from sales and events, others from web forms at any hour. Ids `lead-00001`, … follow creation.
 */
export function generateLeads(
  program: Program,
  products: readonly string[],
  window: DemoWindow,
  geography: DemoGeography,
  accounts: readonly DemoAccount[],
  names: CompanyNames,
  count: number,
  time: LocalTime,
  random: DemoRandom,
): Lead[] {
  const prospects: Prospect[] = Array.from({ length: Math.max(1, Math.round(count / 5)) }, () => {
    const city = drawCity(geography, random, 0.04);
    const industry = drawIndustry(random);
    return { ...names.customer(city, industry), city, industry, weight: random.logNormal(1, 0.9) };
  });
  const drawAccount = random.drawer(accounts, (candidate) => candidate.dealWeight);
  const drawProspect = random.drawer(prospects, (candidate) => candidate.weight);
  const drafts: { lead: Omit<Lead, 'id'>; at: LocalMoment }[] = [];
  for (let index = 0; index < count; index++) {
    const day = growingWeekday(window.startNumber, window.todayNumber - 1, 2, random);
    const at = random.chance(0.3) ? momentOf(day, 4, random.int(0, 1199)) : businessMoment(day, random);
    if (random.chance(FROM_ACCOUNTS)) {
      const account = drawAccount();
      const fields = leadFields(
        {
          name: account.record.name,
          domain: account.record.domain,
          city: account.city,
          industry: account.record.industry ?? drawIndustry(random),
        },
        program,
        products,
        random,
      );
      drafts.push({ lead: { ...fields, createdAt: time.iso(at), accountId: account.record.id, version: 0 }, at });
    } else {
      const prospect = drawProspect();
      drafts.push({
        lead: { ...leadFields(prospect, program, products, random), createdAt: time.iso(at), version: 0 },
        at,
      });
    }
  }
  drafts.sort((a, b) => a.at - b.at);
  return drafts.map(({ lead }, index) => ({ id: `lead-${String(index + 1).padStart(5, '0')}`, ...lead }));
}
