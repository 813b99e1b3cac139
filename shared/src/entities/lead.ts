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
import { InstantSchema } from '../time/instant.js';

/**
 * A prospect to hand to a partner: the company it belongs to, where it is and what it wants.
 * Routing steps filter partners on these fields.
 */
export const LeadSchema = z.strictObject({
  id: RecordIdSchema,
  createdAt: InstantSchema,
  company: DisplayNameSchema,
  domain: DomainSchema.optional(),
  country: CountryCodeSchema.optional(),
  subdivision: SubdivisionCodeSchema.optional(),
  postalCode: z.string().min(1).max(12).optional(),
  location: GeoPointSchema.optional(),
  industry: CatalogCodeSchema.optional(),
  product: CatalogCodeSchema.optional(),
  language: LanguageCodeSchema.optional(),
  specializationId: IdentifierSchema.optional(),
  accountId: RecordIdSchema.optional(),
  version: z.int().min(0),
});
export type Lead = z.infer<typeof LeadSchema>;
