import type {
  Issue,
  MdfChangeSet,
  MdfCommitReceipt,
  MdfStore,
  RecordReader,
  Result,
  VersionedRecord,
} from '@conduit/core';
import type { MdfRecordKindName } from './commit.js';

/**
 * A version a client says it based its action on: the record of `kind` (with `id`, or whichever of that
 * kind the use case reads when the client does not know the id) must still be at `version`. `field` names
 * the request field it came from, for the refusal.
 */
export interface SnapshotExpectation {
  kind: Exclude<MdfRecordKindName, 'payment_batch'>;
  id?: string;
  version: number;
  field: string;
}

/** A use case read a record at another version than the client's snapshot: answered 409, nothing decided. */
export class StaleSnapshotError extends Error {
  readonly issue: Issue;
  constructor(expectation: SnapshotExpectation, id: string, stored: number) {
    const what = `The ${expectation.kind.replace('_', ' ')} ${id}`;
    super(`${what} is at version ${stored}, not version ${expectation.version} as read: reload it and try again.`);
    this.issue = { path: [expectation.field], code: 'stale_write', message: this.message };
  }
}

/**
 * An `MdfStore` for one use case run on behalf of a client: the records the client names are read only at
 * the versions it read (otherwise `StaleSnapshotError` is thrown before anything is decided), so the
 * commit, made with the versions read, succeeds only if nothing changed since the client's snapshot; and
 * the versions each commit stored are kept, so the answer can show them.
 */
export class SnapshotStore implements MdfStore {
  private readonly receipts: MdfCommitReceipt[] = [];
  readonly budgets: MdfStore['budgets'];
  readonly allocations: MdfStore['allocations'];
  readonly requests: MdfStore['requests'];
  readonly claims: MdfStore['claims'];
  readonly paymentBatches: MdfStore['paymentBatches'];
  readonly ledger: MdfStore['ledger'];

  constructor(
    private readonly inner: MdfStore,
    private readonly expectations: readonly SnapshotExpectation[] = [],
  ) {
    this.budgets = this.guarded('budget', inner.budgets);
    this.allocations = this.guarded('allocation', inner.allocations);
    this.requests = this.guarded('request', inner.requests);
    this.claims = this.guarded('claim', inner.claims);
    this.paymentBatches = inner.paymentBatches;
    this.ledger = inner.ledger;
  }

  private check(kind: SnapshotExpectation['kind'], record: VersionedRecord): void {
    for (const expectation of this.expectations) {
      if (expectation.kind !== kind || (expectation.id !== undefined && expectation.id !== record.id)) continue;
      if (record.version !== expectation.version) throw new StaleSnapshotError(expectation, record.id, record.version);
    }
  }

  /** The reader with its reads checked; other members (scans) are the reader's own (plain objects, no `this`). */
  private guarded<T extends VersionedRecord, R extends RecordReader<T>>(
    kind: SnapshotExpectation['kind'],
    reader: R,
  ): R {
    return {
      ...reader,
      get: async (id: string) => {
        const record = await reader.get(id);
        if (record) this.check(kind, record);
        return record;
      },
      getMany: async (ids: readonly string[]) => {
        const found = await reader.getMany(ids);
        for (const record of found) this.check(kind, record);
        return found;
      },
    };
  }

  async commit(changes: MdfChangeSet): Promise<Result<MdfCommitReceipt>> {
    const committed = await this.inner.commit(changes);
    if (committed.success) this.receipts.push(committed.data);
    return committed;
  }

  /** The version a commit of this run stored for a record, if one wrote it. */
  storedVersion(kind: MdfRecordKindName, id: string): number | undefined {
    let version: number | undefined;
    for (const receipt of this.receipts)
      for (const entry of receipt.versions) if (entry.kind === kind && entry.id === id) version = entry.version;
    return version;
  }

  /** The record as stored by this run: with the version its commit gave it (unchanged when not written). */
  stored<T extends VersionedRecord>(kind: MdfRecordKindName, record: T): T {
    const version = this.storedVersion(kind, record.id);
    return version === undefined ? record : { ...record, version };
  }
}
