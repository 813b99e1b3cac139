import * as z from 'zod';

/**
 * Data a report could not use, counted by kind: a stable code, how many records, and what they are, e.g.
 * `{ code: 'unknown_partner', count: 3, message: '3 deals name a partner that is not in the report.' }`.
 */
export const DataIssueSchema = z.strictObject({
  code: z.string().min(1),
  count: z.int().min(1),
  message: z.string().min(1),
});
export type DataIssue = z.infer<typeof DataIssueSchema>;

/** Counts data issues by code while a report runs, then lists them in a stable order (by code). */
export class DataIssueTally {
  readonly #counts = new Map<string, { count: number; one: string; many: string }>();

  /**
   * `count` more records with this problem; `one` and `many` complete "1 …" and "N …", e.g.
   * `deal names a partner that is not in the report` and `deals name a partner that is not in the report`.
   */
  add(code: string, one: string, many: string, count = 1): void {
    const entry = this.#counts.get(code);
    if (entry) entry.count += count;
    else this.#counts.set(code, { count, one, many });
  }

  list(): DataIssue[] {
    return [...this.#counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, { count, one, many }]) => ({ code, count, message: `${count} ${count === 1 ? one : many}.` }));
  }
}
