import * as z from 'zod';

/**
 * Where in a document an issue lies: object keys and array indexes from the root,
 * e.g. `['tiers', 1, 'benefits', 'discountPercent']`.
 */
export const IssuePathSchema = z.array(z.union([z.string(), z.int().min(0)]));
export type IssuePath = z.infer<typeof IssuePathSchema>;

/**
 * One expected business failure: what is wrong (`code`, stable and machine-readable), where (`path`)
 * and a sentence a person understands (`message`).
 *
 * @example
 * { path: ['tiers', 1, 'rank'], code: 'tier_rank_duplicate', message: 'Tier "Gold" has rank 2, …' }
 */
export const IssueSchema = z.strictObject({
  path: IssuePathSchema,
  code: z.string().min(1),
  message: z.string().min(1),
});
export type Issue = z.infer<typeof IssueSchema>;

/** Builds an issue; a small helper so that call sites read as sentences. */
export function issue(path: IssuePath, code: string, message: string): Issue {
  return { path: [...path], code, message };
}

/**
 * Renders a path as an admin reads it in a JSON file: `tiers[1].benefits.discountPercent`.
 * The empty path is the document itself.
 *
 * @example formatPath(['tiers', 1, 'rank']) // 'tiers[1].rank'
 */
export function formatPath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? 'the document' : text;
}
