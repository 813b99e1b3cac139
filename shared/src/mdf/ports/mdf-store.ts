import type { RecordReader, RecordScanner } from '../../ports/repository.js';
import type { Result } from '../../result/result.js';
import type { MdfClaim } from '../claims/claim.js';
import type { MdfAllocation } from '../funds/allocation.js';
import type { MdfBudget } from '../funds/budget.js';
import type { MdfPosting, MdfPostingKind } from '../ledger/posting.js';
import type { PaymentBatch } from '../payments/payment-batch.js';
import type { MdfRequest } from '../requests/request.js';

/** Which budgets a scan returns; every field narrows, an empty query returns all. */
export interface MdfBudgetQuery {
  fundTypeIds?: readonly string[];
}

/** Which allocations a scan returns. */
export interface MdfAllocationQuery {
  partnerIds?: readonly string[];
  budgetIds?: readonly string[];
  fundTypeIds?: readonly string[];
  kinds?: readonly MdfAllocation['kind'][];
}

/** Which requests a scan returns. */
export interface MdfRequestQuery {
  partnerIds?: readonly string[];
  allocationIds?: readonly string[];
  statuses?: readonly MdfRequest['status'][];
}

/** Which claims a scan returns. */
export interface MdfClaimQuery {
  requestIds?: readonly string[];
  partnerIds?: readonly string[];
  statuses?: readonly MdfClaim['status'][];
}

/** Which postings a ledger scan returns, in the order they were appended. */
export interface MdfLedgerQuery {
  allocationIds?: readonly string[];
  budgetIds?: readonly string[];
  requestIds?: readonly string[];
  kinds?: readonly MdfPostingKind[];
}

/** Reading the append-only MDF ledger. */
export interface MdfLedgerReader {
  scan(query: MdfLedgerQuery): AsyncIterable<readonly MdfPosting[]>;
}

/**
 * One record to write and the version its writer read: `null` to create a record that must not exist
 * yet, otherwise the version read, so that a write based on a stale read is refused.
 */
export interface MdfRecordWrite<T> {
  record: T;
  expectedVersion: number | null;
}

/** Everything one MDF decision writes: its records with the versions read, and its ledger postings. */
export interface MdfChangeSet {
  budgets?: readonly MdfRecordWrite<MdfBudget>[];
  allocations?: readonly MdfRecordWrite<MdfAllocation>[];
  requests?: readonly MdfRecordWrite<MdfRequest>[];
  claims?: readonly MdfRecordWrite<MdfClaim>[];
  paymentBatches?: readonly MdfRecordWrite<PaymentBatch>[];
  postings?: readonly MdfPosting[];
}

/** The versions a commit stored, by record kind and id. */
export interface MdfCommitReceipt {
  versions: { kind: 'budget' | 'allocation' | 'request' | 'claim' | 'payment_batch'; id: string; version: number }[];
}

/**
 * Where MDF records and the ledger live (Salesforce custom objects; the server's PostgreSQL for HubSpot).
 *
 * `commit` is the one way to write, and it is atomic: either every record is stored (each with
 * `version = expectedVersion + 1`, or 1 when created) and every posting appended, or nothing is. An
 * adapter refuses the whole change set:
 * - with `stale_write` (path `[kind, id]`) when a record's stored version is not the one expected (or a
 *   record to create already exists): someone changed it since it was read; read again and decide again;
 * - with `duplicate_posting` when a posting id is already in the ledger (posting ids are idempotency keys);
 * - with `posting_unbalanced` when a posting does not balance (a bug upstream, refused all the same).
 * Because every posting that moves an allocation's money is committed with that allocation's expected
 * version, no interleaving of writers can commit the same money twice.
 */
export interface MdfStore {
  budgets: RecordReader<MdfBudget> & RecordScanner<MdfBudget, MdfBudgetQuery>;
  allocations: RecordReader<MdfAllocation> & RecordScanner<MdfAllocation, MdfAllocationQuery>;
  requests: RecordReader<MdfRequest> & RecordScanner<MdfRequest, MdfRequestQuery>;
  claims: RecordReader<MdfClaim> & RecordScanner<MdfClaim, MdfClaimQuery>;
  paymentBatches: RecordReader<PaymentBatch>;
  ledger: MdfLedgerReader;
  commit(changes: MdfChangeSet): Promise<Result<MdfCommitReceipt>>;
}
