import * as z from 'zod';
import {
  CatalogCodeSchema,
  DisplayNameSchema,
  DomainSchema,
  IdentifierSchema,
  LanguageCodeSchema,
  RecordIdSchema,
} from '../common/schemas.js';
import { CountryCodeSchema, GeoPointSchema, SubdivisionCodeSchema } from '../geo/schemas.js';
import { CalendarDateSchema } from '../time/calendar-date.js';

/**
 * Where a partner stands in its lifecycle: applicant → approved | rejected → onboarding → active →
 * suspended → active again | offboarded. Only active partners register deals and receive leads
 * (onboarding ones too where the program allows it).
 */
export const PartnerStatusSchema = z.enum([
  'applicant',
  'approved',
  'rejected',
  'onboarding',
  'active',
  'suspended',
  'offboarded',
]);
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

/** A certification a partner holds: its type, optionally the product it covers, and its validity. */
export const CertificationSchema = z.strictObject({
  type: CatalogCodeSchema,
  product: CatalogCodeSchema.optional(),
  earnedOn: CalendarDateSchema,
  expiresOn: CalendarDateSchema.nullable(),
});
export type Certification = z.infer<typeof CertificationSchema>;

/** The territories a partner covers for lead distribution. */
export const CoverageSchema = z.strictObject({
  countries: z.array(CountryCodeSchema),
  subdivisions: z.array(SubdivisionCodeSchema),
  postalPrefixes: z.array(z.string().min(1).max(12)),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/**
 * A partner company: a reseller, referral partner or system integrator in the channel.
 * `version` increases with every saved change (optimistic concurrency).
 */
export const PartnerSchema = z.strictObject({
  id: RecordIdSchema,
  name: DisplayNameSchema,
  status: PartnerStatusSchema,
  tierId: IdentifierSchema.nullable(),
  specializationIds: z.array(IdentifierSchema),
  domain: DomainSchema.optional(),
  country: CountryCodeSchema.optional(),
  subdivision: SubdivisionCodeSchema.optional(),
  postalCode: z.string().min(1).max(12).optional(),
  location: GeoPointSchema.optional(),
  coverage: CoverageSchema,
  industries: z.array(CatalogCodeSchema),
  languages: z.array(LanguageCodeSchema),
  certifications: z.array(CertificationSchema),
  performanceScore: z.number().min(0).max(1).optional(),
  version: z.int().min(0),
});
export type Partner = z.infer<typeof PartnerSchema>;
