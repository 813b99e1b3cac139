import type { Clock, Program } from '@conduit/core';
import type { TenantStore } from '../store/tenant-store.js';

/** What a job run did, by name: items looked at, changed, skipped (`{ due: 12, expired: 12 }`). */
export type JobCounts = Record<string, number>;

/**
 * Where a run keeps its counts as it goes. `add` is called inside the transaction of the item it counts,
 * with the store bound to that transaction, so a count lands with its item or not at all: a run killed
 * and resumed counts each item it changed exactly once.
 */
export interface JobProgress {
  add(store: TenantStore, counts: JobCounts): Promise<void>;
}

/** How a job runs: when to stop, where its counts go, and who its audit entries are recorded for. */
export interface JobOptions {
  /** Checked between items: once aborted, the job stops after the item in hand and throws the reason. */
  signal?: AbortSignal;
  progress?: JobProgress;
  /** The actor of the audit entries; `job:<name>` unless said. */
  actor?: string;
}

/**
 * A scheduled job: runs a core use case over the tenant's due records, page by page, one transaction per
 * item (never one for a batch), and returns what it did. Each item is processed at most once even when a
 * run is killed and run again: an item whose state changed since it was read is skipped (optimistic
 * versions), and the ids a job creates are derived from what they are about (MDF posting ids are
 * idempotency keys).
 */
export type JobRunner = (
  store: TenantStore,
  clock: Clock,
  program: Program,
  options?: JobOptions,
) => Promise<JobCounts>;

/** Adds `counts` into `into`. */
export function addCounts(into: JobCounts, counts: JobCounts): void {
  for (const [name, value] of Object.entries(counts)) into[name] = (into[name] ?? 0) + value;
}

/**
 * The counting of one job run. An item's counts are reported to the run's progress inside the item's
 * transaction (`report`), then added to this run's totals once that transaction has committed (`add`);
 * counts that belong to no item go both ways at once (`count`).
 */
export class JobTally {
  readonly totals: JobCounts;

  constructor(
    names: readonly string[],
    private readonly options: JobOptions,
  ) {
    this.totals = Object.fromEntries(names.map((name) => [name, 0]));
  }

  /** Reports an item's counts to the run's progress, inside the item's transaction. */
  async report(transaction: TenantStore, counts: JobCounts): Promise<void> {
    await this.options.progress?.add(transaction, counts);
  }

  /** Adds an item's counts to this run's totals, once its transaction has committed. */
  add(counts: JobCounts): void {
    addCounts(this.totals, counts);
  }

  /** Counts what belongs to no item's transaction (a refusal, a skip), reported at once. */
  async count(store: TenantStore, counts: JobCounts): Promise<void> {
    await this.report(store, counts);
    this.add(counts);
  }

  /** Throws the abort reason once the run was told to stop (checked between items). */
  checkStop(): void {
    this.options.signal?.throwIfAborted();
  }
}

/** The actor a job's audit entries are recorded for. */
export function jobActor(name: string, options: JobOptions): string {
  return options.actor ?? `job:${name}`;
}
