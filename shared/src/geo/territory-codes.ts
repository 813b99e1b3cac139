import { iso31661 } from 'iso-3166/1.js';
import { SUBDIVISION_CODES_BY_COUNTRY } from './subdivision-codes.generated.js';

const COUNTRY_CODES: ReadonlySet<string> = new Set(iso31661.map((entry) => entry.alpha2));
const SUBDIVISION_CODES: ReadonlySet<string> = new Set(
  SUBDIVISION_CODES_BY_COUNTRY.split('|').flatMap((entry) => {
    const [country, codes] = entry.split(':') as [string, string];
    return codes.split(' ').map((code) => `${country}-${code}`);
  }),
);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code, such as `DE`. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** Whether `code` is an ISO 3166-2 subdivision code, such as `US-CA` or `DE-BY`. */
export function isSubdivisionCode(code: string): boolean {
  return SUBDIVISION_CODES.has(code);
}

/**
 * Whether `code` names a territory a policy can list: a country (`FR`) or a subdivision (`FR-IDF`).
 *
 * @example isTerritoryCode('US-CA') // true
 */
export function isTerritoryCode(code: string): boolean {
  return isCountryCode(code) || isSubdivisionCode(code);
}

/** The country a territory code belongs to: `US` for both `US` and `US-CA`. */
export function countryOfTerritory(code: string): string {
  return code.slice(0, 2);
}
