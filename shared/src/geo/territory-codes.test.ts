import { countryOfTerritory, isCountryCode, isSubdivisionCode, isTerritoryCode } from './territory-codes.js';

describe('territory codes', () => {
  it('accepts ISO 3166-1 alpha-2 countries and ISO 3166-2 subdivisions', () => {
    expect(['US', 'DE', 'JP', 'BR'].every(isCountryCode)).toBe(true);
    expect(['US-CA', 'DE-BY', 'GB-ENG', 'FR-IDF', 'CA-QC'].every(isSubdivisionCode)).toBe(true);
    expect(['US', 'US-CA'].every(isTerritoryCode)).toBe(true);
  });

  it('refuses codes that are not assigned or not in the right form', () => {
    expect(['USA', 'us', 'UK', 'XX', ''].some(isCountryCode)).toBe(false);
    expect(['US-ZZ', 'CA', 'us-ca'].some(isSubdivisionCode)).toBe(false);
  });

  it('finds the country of a territory', () => {
    expect([countryOfTerritory('US-CA'), countryOfTerritory('DE')]).toEqual(['US', 'DE']);
  });
});
