import type { Result } from '../result/result.js';

/** A stored record: an id and a version that increases with each saved change. */
export interface VersionedRecord {
  id: string;
  version: number;
}

/**
 * How a write states what it expects to find: `null` to create a record that must not exist yet,
 * or the version it read, so that a write based on a stale read is refused (issue code
 * `stale_write`) instead of silently overwriting someone else's change.
 */
export interface WriteExpectation {
  expectedVersion: number | null;
}

/** Reading records by id. A missing record is `undefined`, not an error. */
export interface RecordReader<T extends VersionedRecord> {
  get(id: string): Promise<T | undefined>;
  /** The records found among `ids`, in no particular order; missing ids are left out. */
  getMany(ids: readonly string[]): Promise<T[]>;
}

/**
 * Writing records with optimistic concurrency. On success the record is stored with
 * `version = expectedVersion + 1` (or 1 when created) and that version is returned.
 */
export interface RecordWriter<T extends VersionedRecord> {
  save(record: T, expectation: WriteExpectation): Promise<Result<{ version: number }>>;
}

/**
 * Reading many records as pages, so that batch work (tier evaluation over every partner, KPI runs)
 * streams instead of loading a whole tenant in memory.
 */
export interface RecordScanner<T, Query> {
  scan(query: Query): AsyncIterable<readonly T[]>;
}
