import * as z from 'zod';
import { isCountryCode, isSubdivisionCode, isTerritoryCode } from './territory-codes.js';

/** An ISO 3166-1 alpha-2 country code in capitals, such as `DE`. */
export const CountryCodeSchema = z.string().refine(isCountryCode, {
  error: 'must be an ISO 3166-1 alpha-2 country code in capitals, such as DE',
  params: { code: 'unknown_country' },
});

/** An ISO 3166-2 subdivision code, such as `US-CA`. */
export const SubdivisionCodeSchema = z.string().refine(isSubdivisionCode, {
  error: 'must be an ISO 3166-2 subdivision code, such as US-CA',
  params: { code: 'unknown_subdivision' },
});

/** A country or a subdivision: what territory lists in policies hold. */
export const TerritoryCodeSchema = z.string().refine(isTerritoryCode, {
  error: 'must be an ISO 3166 country (such as FR) or subdivision (such as FR-IDF) code',
  params: { code: 'unknown_territory' },
});

/** A point on Earth in decimal degrees (WGS 84). */
export const GeoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;
