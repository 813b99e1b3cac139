import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, DomainSchema, RecordIdSchema } from '../common/schemas.js';
import { CountryCodeSchema, SubdivisionCodeSchema } from '../geo/schemas.js';

/** Who owns an account: the vendor's direct sales team, or a partner. */
export const AccountOwnerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct'), userId: RecordIdSchema.optional() }),
  z.strictObject({ kind: z.literal('partner'), partnerId: RecordIdSchema }),
]);
export type AccountOwner = z.infer<typeof AccountOwnerSchema>;

/** An end-customer company in the CRM. Registrations are matched against these to find channel conflict. */
export const AccountSchema = z.strictObject({
  id: RecordIdSchema,
  name: DisplayNameSchema,
  domain: DomainSchema.optional(),
  country: CountryCodeSchema.optional(),
  subdivision: SubdivisionCodeSchema.optional(),
  postalCode: z.string().min(1).max(12).optional(),
  industry: CatalogCodeSchema.optional(),
  owner: AccountOwnerSchema,
  version: z.int().min(0),
});
export type Account = z.infer<typeof AccountSchema>;
