/**
 * Where the core gets ids for the records it creates (registrations, offers, ledger entries).
 * Adapters use the CRM's ids or UUIDs; tests use a counter so that results are reproducible.
 */
export interface IdGenerator {
  /** A new id, unique within the tenant, for a record of the given kind (e.g. `registration`). */
  next(kind: string): string;
}

/** Ids `kind-1`, `kind-2`, … counted per kind: deterministic, for tests and the demo data. */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(kind) {
      const count = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, count);
      return `${kind}-${count}`;
    },
  };
}
