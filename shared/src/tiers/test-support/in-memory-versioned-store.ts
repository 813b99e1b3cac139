import type { WriteExpectation } from '../../ports/repository.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';

/**
 * A map of records with optimistic concurrency, as the repositories promise: a save states the
 * version it read (`null` to create) and gets the next one, or `stale_write`. Records are copied in
 * and out, so no caller can change what is stored behind its back.
 */
export class InMemoryVersionedStore<T extends { version: number }> {
  readonly #records = new Map<string, T>();
  /** Saves refused as stale, for tests that count them. */
  staleWrites = 0;

  constructor(private readonly keyOf: (record: T) => string) {}

  get(key: string): T | undefined {
    const record = this.#records.get(key);
    return record && structuredClone(record);
  }

  all(): T[] {
    return [...this.#records.values()].map((record) => structuredClone(record));
  }

  save(record: T, expectation: WriteExpectation): Result<{ version: number }> {
    const key = this.keyOf(record);
    const stored = this.#records.get(key);
    const storedVersion = stored ? stored.version : null;
    if (storedVersion !== expectation.expectedVersion) {
      this.staleWrites += 1;
      return fail([
        issue(
          [key],
          'stale_write',
          stored
            ? `Record ${key} changed since it was read (version ${expectation.expectedVersion ?? 'none'}, now ${stored.version}).`
            : `Record ${key} does not exist yet, but version ${expectation.expectedVersion} was expected.`,
        ),
      ]);
    }
    const version = (storedVersion ?? 0) + 1;
    this.#records.set(key, structuredClone({ ...record, version }));
    return ok({ version });
  }
}

/** Splits a list into pages, as a scan returns them. */
export async function* inPages<T>(items: readonly T[], pageSize: number): AsyncIterable<readonly T[]> {
  for (let start = 0; start < items.length; start += pageSize) yield items.slice(start, start + pageSize);
}
