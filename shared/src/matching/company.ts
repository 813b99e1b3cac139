import * as z from 'zod';
import { DisplayNameSchema, RecordIdSchema } from '../common/schemas.js';
import { CountryCodeSchema } from '../geo/schemas.js';
import { companyDomain, type RegistrableDomain } from './domain/registrable-domain.js';
import { normalizeCompanyName, type NormalizedName } from './normalize/normalize-company-name.js';

/**
 * A company as the matcher sees it: its name and, when known, its web address or an e-mail address of
 * someone who works there, its country and its postal code.
 */
export const CompanyDescriptionSchema = z.strictObject({
  name: DisplayNameSchema,
  domain: z.string().max(320).optional(),
  country: CountryCodeSchema.optional(),
  postalCode: z.string().max(20).optional(),
});
export type CompanyDescription = z.infer<typeof CompanyDescriptionSchema>;

/** A company in an index: a description with the id of the record it stands for. */
export const CompanyEntrySchema = CompanyDescriptionSchema.extend({ id: RecordIdSchema });
export type CompanyEntry = z.infer<typeof CompanyEntrySchema>;

/** A company prepared once for many comparisons. */
export interface PreparedCompany {
  name: string;
  normalized: NormalizedName;
  /** The key after the alias table: companies with equal identity keys are the same company. */
  identityKey: string;
  domain: RegistrableDomain | undefined;
  country: string | undefined;
  postalCode: string | undefined;
}

/** Names that denote one company, resolved to one identity key. */
export interface AliasTable {
  /** The identity key of a normalised key: its canonical company's key, or the key itself. */
  resolve(key: string): string;
  /** Every key that resolves to `identityKey` (the canonical name and its aliases). */
  keysOf(identityKey: string): readonly string[];
}

/** The alias table of a program's `registration.companyAliases` (each entry: a name and its aliases). */
export function buildAliasTable(entries: readonly { name: string; aliases: readonly string[] }[]): AliasTable {
  const canonicalOf = new Map<string, string>();
  const keysByCanonical = new Map<string, string[]>();
  for (const entry of entries) {
    const canonical = normalizeCompanyName(entry.name).key;
    const keys = [canonical, ...entry.aliases.map((alias) => normalizeCompanyName(alias).key)];
    for (const key of keys) {
      if (key === '' || canonicalOf.has(key)) continue;
      canonicalOf.set(key, canonical);
      keysByCanonical.set(canonical, [...(keysByCanonical.get(canonical) ?? []), key]);
    }
  }
  return {
    resolve: (key) => canonicalOf.get(key) ?? key,
    keysOf: (identityKey) => keysByCanonical.get(identityKey) ?? [identityKey],
  };
}

/** An alias table with no aliases. */
export const NO_ALIASES: AliasTable = buildAliasTable([]);

/** Postal codes compared without spaces, dashes or case: "SW1A 1AA" is "sw1a1aa". */
export function normalizePostalCode(postalCode: string | undefined): string | undefined {
  const normalized = postalCode?.toLowerCase().replace(/[\s-]/g, '');
  return normalized === '' ? undefined : normalized;
}

/** Normalises a company's name, domain and postal code once. */
export function prepareCompany(company: CompanyDescription, aliases: AliasTable = NO_ALIASES): PreparedCompany {
  const normalized = normalizeCompanyName(company.name);
  return {
    name: company.name,
    normalized,
    identityKey: aliases.resolve(normalized.key),
    domain: companyDomain(company.domain),
    country: company.country,
    postalCode: normalizePostalCode(company.postalCode),
  };
}
