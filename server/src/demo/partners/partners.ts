import type { Coverage, Partner, PartnerStatus, Program } from '@conduit/core';
import { apportion, demoProducts, drawIndustry, tierProfile, tiersByRank } from '../catalog.js';
import type { City } from '../geography/cities.js';
import { postalCodeIn } from '../geography/postal-codes.js';
import { cityInRegion, pointNear, type DemoGeography, type DemoRegion } from '../geography/regions.js';
import type { CompanyNames } from '../names/company-names.js';
import type { DemoRandom } from '../random.js';
import { certificationPlan, certificationsOf } from './certifications.js';

/** A generated partner with what the rest of the demo needs to know about it. */
export interface DemoPartner {
  record: Partner;
  city: City;
  region: DemoRegion;
  /** The 0-based position of its tier among the program's tiers, `null` without a tier. */
  tierPosition: number | null;
  /** How much business it brings, relative to other partners. */
  dealWeight: number;
  /** How big its deals are, relative to the channel's typical deal. */
  dealSize: number;
}

/** How the demo's partners spread over the lifecycle: most active, some joining, a few leaving. */
const STATUS_SHARES: readonly [PartnerStatus, number][] = [
  ['active', 0.85],
  ['onboarding', 0.04],
  ['approved', 0.013],
  ['applicant', 0.04],
  ['rejected', 0.01],
  ['suspended', 0.027],
  ['offboarded', 0.02],
];

/** Chance of holding a specialization, by tier position. */
const SPECIALIZATION_CHANCE = [0.06, 0.22, 0.4, 0.62];

function padded(index: number, width: number): string {
  return String(index).padStart(width, '0');
}

function coverageOf(
  city: City,
  region: DemoRegion,
  geography: DemoGeography,
  position: number | null,
  random: DemoRandom,
): Coverage {
  const neighbours = region.countries.filter((country) => country !== city.country);
  const reach = position === null ? 0.1 : [0.15, 0.25, 0.4, 0.6][Math.min(position, 3)]!;
  const countries = [city.country, ...neighbours.filter(() => random.chance(reach))];
  const subdivisionsOfCountry = [
    ...new Set((geography.citiesByCountry.get(city.country) ?? []).map((other) => other.subdivision)),
  ].filter((subdivision) => subdivision !== city.subdivision);
  const subdivisions = random.chance(0.25)
    ? []
    : [city.subdivision, ...random.sample(subdivisionsOfCountry, random.int(0, 3))].sort();
  const postalPrefixes = random.chance(0.35) ? [...city.postal] : [];
  return { countries, subdivisions, postalPrefixes };
}

function languagesOf(city: City, random: DemoRandom): string[] {
  const languages = [...city.languages];
  if (!languages.includes('en') && random.chance(0.7)) languages.push('en');
  return languages;
}

/**
 * The channel's partners: `count` of them spread over the regions by their share, with the lifecycle
 * statuses of a live program, the program's tiers (lowest most common; every tier in every region that
 * has enough partners), a base city (subdivision, postal code, location), the territories they cover,
 * industries, languages, specializations with the certifications behind them and a performance score.
 * Ids are `partner-0001`, … in region order.
 */
export function generatePartners(
  program: Program,
  geography: DemoGeography,
  names: CompanyNames,
  today: number,
  count: number,
  random: DemoRandom,
): DemoPartner[] {
  const tiers = tiersByRank(program);
  const insightsProduct = demoProducts(program).includes('insights') ? 'insights' : undefined;
  const perRegion = apportion(
    count,
    geography.regions.map((region) => region.share),
  );
  const statusCounts = apportion(
    count,
    STATUS_SHARES.map(([, share]) => share),
  );
  const statuses = random.sample(
    STATUS_SHARES.flatMap(([status], index) => Array.from({ length: statusCounts[index]! }, () => status)),
    count,
  );
  const partners: DemoPartner[] = [];
  let next = 0;
  geography.regions.forEach((region, regionIndex) => {
    const regional = statuses.slice(next, next + perRegion[regionIndex]!);
    const tiered = regional.filter(
      (status) => status === 'active' || status === 'suspended' || status === 'offboarded',
    );
    const tierCounts = apportion(
      tiered.length,
      tiers.map((_, position) => tierProfile(position).share),
    );
    const tierQueue = random.sample(
      tierCounts.flatMap((tierCount, position) => Array.from({ length: tierCount }, () => position)),
      tiered.length,
    );
    for (const status of regional) {
      next += 1;
      const position =
        status === 'applicant' || status === 'rejected'
          ? null
          : status === 'onboarding' || status === 'approved'
            ? 0
            : tierQueue.pop()!;
      const city = cityInRegion(geography, region, random);
      const { name, domain } = names.partner(city);
      const specializations = program.specializations
        .filter((specialization) => {
          if (position === null) return false;
          const minimum = tiers.findIndex((tier) => tier.id === specialization.minimumTierId);
          return position >= minimum && random.chance(SPECIALIZATION_CHANCE[Math.min(position, 3)]!);
        })
        .map((specialization) => specialization.id);
      const profile = tierProfile(position ?? 0);
      const performance = Math.min(0.99, Math.max(0.05, random.normal(profile.performance, 0.1)));
      const record: Partner = {
        id: `partner-${padded(next, 4)}`,
        name,
        status,
        tierId: position === null ? null : tiers[position]!.id,
        specializationIds: specializations,
        ...(domain === undefined ? {} : { domain }),
        country: city.country,
        subdivision: city.subdivision,
        postalCode: postalCodeIn(city, random),
        location: pointNear(city, random),
        coverage: coverageOf(city, region, geography, position, random),
        industries: [...new Set(Array.from({ length: random.int(1, 4) }, () => drawIndustry(random)))].sort(),
        languages: languagesOf(city, random),
        certifications: certificationsOf(
          certificationPlan(position, new Set(specializations), random),
          today,
          random,
          insightsProduct,
        ),
        performanceScore: Math.round(performance * 100) / 100,
        version: 0,
      };
      partners.push({
        record,
        city,
        region,
        tierPosition: position,
        dealWeight: profile.dealWeight * (0.5 + performance),
        dealSize: profile.dealSize,
      });
    }
  });
  return partners;
}
