import type { WriteExpectation } from '../../ports/repository.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { PartnerLifecycleQuery, PartnerLifecycleRepository } from '../ports.js';
import type { PartnerLifecycle } from '../record/partner-lifecycle.js';

/**
 * Lifecycles in memory, keyed by partner id, with optimistic concurrency as the port promises: a save
 * states the version it read (`null` to create) and gets the next one, or `stale_write`. Records are
 * copied in and out; scans come in pages of `pageSize`.
 */
export class InMemoryLifecycles implements PartnerLifecycleRepository {
  readonly #records = new Map<string, PartnerLifecycle>();
  /** Saves refused as stale, for tests that count them. */
  staleWrites = 0;

  constructor(
    records: readonly PartnerLifecycle[] = [],
    private readonly pageSize = 2,
  ) {
    for (const record of records) this.#records.set(record.partnerId, structuredClone(record));
  }

  async get(partnerId: string): Promise<PartnerLifecycle | undefined> {
    const record = this.#records.get(partnerId);
    return record && structuredClone(record);
  }

  async getMany(partnerIds: readonly string[]): Promise<PartnerLifecycle[]> {
    return partnerIds.flatMap((id) => {
      const record = this.#records.get(id);
      return record ? [structuredClone(record)] : [];
    });
  }

  async save(lifecycle: PartnerLifecycle, expectation: WriteExpectation): Promise<Result<{ version: number }>> {
    const stored = this.#records.get(lifecycle.partnerId);
    const storedVersion = stored ? stored.version : null;
    if (storedVersion !== expectation.expectedVersion) {
      this.staleWrites += 1;
      return fail([
        issue(
          ['expectedVersion'],
          'stale_write',
          `The lifecycle of ${lifecycle.partnerId} changed since it was read (version ${String(expectation.expectedVersion)}, now ${String(storedVersion)}).`,
        ),
      ]);
    }
    const version = (storedVersion ?? 0) + 1;
    this.#records.set(lifecycle.partnerId, structuredClone({ ...lifecycle, version }));
    return ok({ version });
  }

  async *scan(query: PartnerLifecycleQuery): AsyncIterable<readonly PartnerLifecycle[]> {
    const found = [...this.#records.values()].filter(
      (record) =>
        (query.statuses === undefined || query.statuses.includes(record.status)) &&
        (query.partnerIds === undefined || query.partnerIds.includes(record.partnerId)),
    );
    for (let start = 0; start < found.length; start += this.pageSize) {
      yield found.slice(start, start + this.pageSize).map((record) => structuredClone(record));
    }
  }

  /** Every stored lifecycle, for assertions. */
  all(): PartnerLifecycle[] {
    return [...this.#records.values()].map((record) => structuredClone(record));
  }
}
