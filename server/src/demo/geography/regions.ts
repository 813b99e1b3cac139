import { countryOfTerritory, type GeoPoint, type Program } from '@conduit/core';
import type { DemoRandom } from '../random.js';
import { CITIES, type City } from './cities.js';

/** A sales region of the demo channel: a group of countries with its own partners and MDF budgets. */
export interface DemoRegion {
  id: string;
  name: string;
  countries: readonly string[];
  /** The share of the channel's partners based in the region. */
  share: number;
}

/** The regions the demo program's territories fall into. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { id: 'north-america', name: 'North America', countries: ['US', 'CA'], share: 0.36 },
  { id: 'uk-ireland', name: 'UK & Ireland', countries: ['GB', 'IE'], share: 0.15 },
  { id: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'], share: 0.19 },
  { id: 'france-benelux', name: 'France & Benelux', countries: ['FR', 'NL', 'BE'], share: 0.19 },
  { id: 'anz', name: 'Australia & New Zealand', countries: ['AU', 'NZ'], share: 0.11 },
];

/** The region a country belongs to, if it is in one. */
export function regionOfCountry(country: string | undefined): DemoRegion | undefined {
  return country === undefined ? undefined : DEMO_REGIONS.find((region) => region.countries.includes(country));
}

/**
 * The geography of the demo for one program: its regions (countries it lets partners register in) with
 * their cities, and the cities beyond them (accounts and leads the program does not cover).
 */
export interface DemoGeography {
  regions: readonly DemoRegion[];
  /** Cities within the program's territories, by country. */
  citiesByCountry: ReadonlyMap<string, readonly City[]>;
  /** Every city within the program's territories. */
  covered: readonly City[];
  /** Cities outside them. */
  beyond: readonly City[];
}

/** The demo geography of a program: the regions and cities of its eligible territories. */
export function demoGeography(program: Program): DemoGeography {
  const territories = program.registration.eligibleTerritories;
  const eligible = new Set(
    territories === 'all' ? DEMO_REGIONS.flatMap((region) => region.countries) : territories.map(countryOfTerritory),
  );
  const regions = DEMO_REGIONS.map((region) => ({
    ...region,
    countries: region.countries.filter((country) => eligible.has(country)),
  })).filter((region) => region.countries.length > 0);
  const covered = CITIES.filter((city) => regions.some((region) => region.countries.includes(city.country)));
  if (covered.length === 0) throw new Error('The demo needs a program whose territories include demo countries.');
  const citiesByCountry = new Map<string, City[]>();
  for (const city of covered) citiesByCountry.set(city.country, [...(citiesByCountry.get(city.country) ?? []), city]);
  const beyond = CITIES.filter((city) => !eligible.has(city.country));
  return { regions, citiesByCountry, covered, beyond };
}

/** A city of a region, drawn by the weight of its business. */
export function cityInRegion(geography: DemoGeography, region: DemoRegion, random: DemoRandom): City {
  const cities = region.countries.flatMap((country) => geography.citiesByCountry.get(country) ?? []);
  return random.weighted(cities, (city) => city.weight);
}

/** A point near a city's centre (within about 8 km), rounded to five decimals (about a metre). */
export function pointNear(city: City, random: DemoRandom): GeoPoint {
  const round = (value: number): number => Math.round(value * 100_000) / 100_000;
  return { lat: round(city.lat + random.normal(0, 0.03)), lon: round(city.lon + random.normal(0, 0.045)) };
}
