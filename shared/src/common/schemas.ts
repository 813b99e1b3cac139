import * as z from 'zod';

/**
 * An identifier an admin gives to something in the program (a tier, a routing step, a fund type):
 * lowercase letters, digits, `-` and `_`, starting with a letter. Stable across renames of the
 * display name, so records can refer to it.
 */
export const IdentifierSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, {
  error:
    'must start with a lowercase letter and hold only lowercase letters, digits, "-" or "_" (at most 63 characters)',
});

/** A name shown to people: not blank, at most 120 characters. */
export const DisplayNameSchema = z
  .string()
  .max(120)
  .refine((text) => text.trim() !== '', { error: 'must not be blank', params: { code: 'blank' } });

/** The id of a record in a CRM or the store (Salesforce 18-character id, HubSpot numeric id, UUID). */
export const RecordIdSchema = z.string().min(1).max(255);

/** A code from an admin's own catalogue (product SKU, certification type, industry): not blank, no edge spaces. */
export const CatalogCodeSchema = z
  .string()
  .min(1)
  .max(80)
  .refine((text) => text.trim() === text, {
    error: 'must not start or end with a space',
    params: { code: 'untrimmed' },
  });

/** A percentage from 0 to 100 with at most two decimals, such as 12.5. */
export const PercentSchema = z.number().min(0).max(100).multipleOf(0.01);

/** A web domain such as `acme.com` or `www.acme.co.uk`, without scheme or path. */
export const DomainSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
    error: 'must be a lowercase web domain such as acme.com, without scheme or path',
  });

/** An ISO 639 language code, such as `en` or `de`. */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, {
  error: 'must be an ISO 639 language code in lowercase, such as en or de',
});

/** A list whose items must be unique, reporting each repeat at its own index. */
export function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z.array(item).superRefine((items, context) => {
    const seen = new Set<string>();
    items.forEach((value, index) => {
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `repeats "${value}", which is already in the list`,
          params: { code: 'duplicate_value' },
          input: value,
        });
      }
      seen.add(value);
    });
  });
}
