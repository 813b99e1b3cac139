import type {
  MdfAllocation,
  MdfAllocationQuery,
  MdfBudget,
  MdfBudgetQuery,
  MdfClaim,
  MdfClaimQuery,
  MdfRequest,
  MdfRequestQuery,
  MdfStore,
  PaymentBatch,
  RecordReader,
  RecordScanner,
  VersionedRecord,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { RecordTable, type RecordKind, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { commitMdfChanges } from './commit.js';
import { exchangeRates, type ExchangeRatesStore } from './exchange-rates.js';
import { MDF_ALLOCATIONS, MDF_BUDGETS, MDF_CLAIMS, MDF_PAYMENT_BATCHES, MDF_REQUESTS } from './kinds.js';
import { mdfLedger, type MdfLedgerStore } from './ledger.js';
import { narrowAllocations, narrowBudgets, narrowClaims, narrowRequests } from './queries.js';

/** A page of records in id order: those after `after` (an id), at most `limit`. */
export interface RecordPageRequest {
  after?: string | undefined;
  limit: number;
}

/** MDF records of one kind: read by id, scanned in pages for the core, paged by cursor for the API. */
export interface MdfRecords<T extends VersionedRecord, Query> extends RecordReader<T>, RecordScanner<T, Query> {
  page(query: Query, page: RecordPageRequest): Promise<T[]>;
}

/**
 * The core's `MdfStore` over the tenant's `records` and `ledger_postings`, with what the API needs besides:
 * pages by cursor, the ledger with its sequence numbers, and the exchange rates MDF converts with.
 */
export interface ServerMdfStore extends MdfStore {
  budgets: MdfRecords<MdfBudget, MdfBudgetQuery>;
  allocations: MdfRecords<MdfAllocation, MdfAllocationQuery>;
  requests: MdfRecords<MdfRequest, MdfRequestQuery>;
  claims: MdfRecords<MdfClaim, MdfClaimQuery>;
  paymentBatches: RecordReader<PaymentBatch>;
  ledger: MdfLedgerStore;
  exchangeRates: ExchangeRatesStore;
}

function records<T extends VersionedRecord, Query>(
  table: RecordTable<T>,
  narrow: (query: RecordQuery, filter: Query) => RecordQuery,
): MdfRecords<T, Query> {
  return {
    get: (id) => table.get(id),
    getMany: (ids) => table.getMany(ids),
    scan: (filter) => table.scan((query) => narrow(query, filter)),
    async page(filter, { after, limit }) {
      const pages = table.scan((query) => {
        const narrowed = narrow(query, filter);
        return after === undefined ? narrowed : narrowed.where('id', '>', after);
      }, limit);
      for await (const first of pages) return first;
      return [];
    },
  };
}

function table<T extends VersionedRecord>(db: Kysely<Database>, tenantId: string, kind: RecordKind<T>) {
  return new RecordTable<T>(db, tenantId, kind);
}

/** Reads only: MDF records are written by `commit` alone. */
function readOnly<T extends VersionedRecord>(records: RecordTable<T>): RecordReader<T> {
  return { get: (id) => records.get(id), getMany: (ids) => records.getMany(ids) };
}

/**
 * The tenant's MDF store. Bound to a transaction (a tenant store's `transaction`), its commit joins that
 * transaction and is undone to a savepoint when refused; otherwise each commit is its own transaction.
 */
export function mdfStore(db: Kysely<Database>, tenantId: string): ServerMdfStore {
  return {
    budgets: records(table(db, tenantId, MDF_BUDGETS), narrowBudgets),
    allocations: records(table(db, tenantId, MDF_ALLOCATIONS), narrowAllocations),
    requests: records(table(db, tenantId, MDF_REQUESTS), narrowRequests),
    claims: records(table(db, tenantId, MDF_CLAIMS), narrowClaims),
    paymentBatches: readOnly(table(db, tenantId, MDF_PAYMENT_BATCHES)),
    ledger: mdfLedger(db, tenantId),
    exchangeRates: exchangeRates(db, tenantId),
    commit: (changes) => commitMdfChanges(db, tenantId, changes),
  };
}
