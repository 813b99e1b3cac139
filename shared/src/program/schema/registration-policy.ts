import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, uniqueList } from '../../common/schemas.js';
import { TerritoryCodeSchema } from '../../geo/schemas.js';
import { NonNegativeMoneySchema } from '../../money/money.js';

/** The fields of a deal registration a policy can make mandatory. */
export const RegistrationFieldSchema = z.enum([
  'customerName',
  'customerDomain',
  'customerCountry',
  'customerSubdivision',
  'customerPostalCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'amount',
  'expectedCloseDate',
  'products',
  'description',
]);
export type RegistrationField = z.infer<typeof RegistrationFieldSchema>;

/** `"all"`, or a non-empty list of codes without repeats. */
function allOrList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.union([z.literal('all'), uniqueList(item).min(1)], {
    error: `must be "all" or a non-empty list of ${what}`,
  });
}

/** Who wins when two partners register the same customer. */
export const PrecedenceRuleSchema = z.enum(['first_registered', 'highest_tier', 'manual_review']);

/**
 * How registrations are checked against each other and the CRM: the company-match scores from which a
 * match is `same` or `possible`, the precedence rule between partners, what a match with direct sales
 * means, how far back the same partner's closed registrations count as duplicates, and whether
 * `acme.com` and `acme.co.uk` count as the same owner.
 */
export const ConflictPolicySchema = z.strictObject({
  matchThresholds: z.strictObject({
    same: z.number().gt(0).max(1),
    possible: z.number().gt(0).max(1),
  }),
  precedence: PrecedenceRuleSchema,
  directSales: z.enum(['conflict', 'review']),
  duplicateLookbackDays: z.int().min(0).max(3650),
  sameOwnerAcrossPublicSuffixes: z.boolean(),
});
export type ConflictPolicy = z.infer<typeof ConflictPolicySchema>;

/** Names that denote the same company for matching ("IBM" for "International Business Machines"). */
export const CompanyAliasSchema = z.strictObject({
  name: DisplayNameSchema,
  aliases: z.array(DisplayNameSchema).min(1),
});

/** A product that only partners holding a certification type may register. */
export const CertificationRequirementSchema = z.strictObject({
  product: CatalogCodeSchema,
  certificationType: CatalogCodeSchema,
});

/**
 * The deal registration policy: what a registration must contain, which deals qualify, how long an
 * approved registration is protected and extended, how many may be open, and how conflicts are found.
 */
export const RegistrationPolicySchema = z.strictObject({
  requiredFields: uniqueList(RegistrationFieldSchema),
  minimumAmount: NonNegativeMoneySchema.nullable(),
  eligibleProducts: allOrList(CatalogCodeSchema, 'product codes'),
  eligibleTerritories: allOrList(TerritoryCodeSchema, 'ISO 3166 country or subdivision codes'),
  protectionDays: z.int().min(1).max(730),
  extensions: z.strictObject({
    maxCount: z.int().min(0).max(10),
    days: z.int().min(1).max(365),
    /** How many days before protection ends a partner may ask for an extension. */
    requestWindowDays: z.int().min(1).max(365),
  }),
  /** Most open registrations one partner may hold, whatever its tier; `null` for none beyond the tier cap. */
  maxOpenPerPartner: z.int().min(1).nullable(),
  allowOnboardingPartners: z.boolean(),
  certificationRequirements: z.array(CertificationRequirementSchema).default([]),
  conflicts: ConflictPolicySchema,
  companyAliases: z.array(CompanyAliasSchema).default([]),
});
export type RegistrationPolicy = z.infer<typeof RegistrationPolicySchema>;
