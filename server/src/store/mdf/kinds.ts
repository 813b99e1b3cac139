import {
  addDays,
  calendarDateIn,
  type ExchangeRateTable,
  type MdfAllocation,
  type MdfBudget,
  type MdfClaim,
  type MdfRequest,
  type PaymentBatch,
} from '@conduit/core';
import type { RecordKind } from '../records/record-table.js';

/**
 * The MDF record kinds in the `records` table and what their lifted columns mean. The ledger is not a
 * record kind: its postings live in `ledger_postings`.
 */

/** Budgets: `status` holds the fund type (budgets have no status; they are listed by fund type). */
export const MDF_BUDGETS: RecordKind<MdfBudget> = {
  name: 'mdf_budget',
  columns: (budget) => ({ status: budget.fundTypeId, createdAt: budget.createdAt }),
};

/**
 * Allocations: `status` holds the kind (`budgeted` or `accrual`), `partner_id` the partner and
 * `account_id` the budget a budgeted allocation draws on (null for co-op allocations).
 */
export const MDF_ALLOCATIONS: RecordKind<MdfAllocation> = {
  name: 'mdf_allocation',
  columns: (allocation) => ({
    status: allocation.kind,
    partnerId: allocation.partnerId,
    accountId: allocation.kind === 'budgeted' ? allocation.budgetId : null,
    createdAt: allocation.createdAt,
  }),
};

/** The UTC day of an instant, for the `closed_on` column. */
function utcDay(instant: string): string {
  return calendarDateIn(new Date(instant), 'UTC');
}

/**
 * The first day a request may lapse: a submitted one on the day its activity starts, an approved one the
 * day after its claim deadline; null once it has ended.
 */
export function requestLapsesOn(request: MdfRequest): string | null {
  if (request.status === 'submitted') return request.startDate;
  if (request.status === 'approved') return addDays(request.terms.claimDeadline, 1);
  return null;
}

/** The UTC day a request ended (rejected, withdrawn, lapsed or closed), or null while it is open. */
export function requestEndedOn(request: MdfRequest): string | null {
  switch (request.status) {
    case 'submitted':
    case 'approved':
      return null;
    case 'rejected':
      return utcDay(request.decision.decidedAt);
    case 'withdrawn':
      return utcDay(request.withdrawnAt);
    case 'lapsed':
      return utcDay(request.lapsedAt);
    case 'closed':
      return utcDay(request.closedAt);
  }
}

/**
 * Requests: `status`, `partner_id`, `account_id` the allocation they draw on, `due_on` the first day they
 * may lapse (for the lapse job), `closed_on` the day they ended, `created_at` when they were submitted.
 */
export const MDF_REQUESTS: RecordKind<MdfRequest> = {
  name: 'mdf_request',
  columns: (request) => ({
    status: request.status,
    partnerId: request.partnerId,
    accountId: request.allocationId,
    dueOn: requestLapsesOn(request),
    closedOn: requestEndedOn(request),
    createdAt: request.submittedAt,
  }),
};

/** Claims: `status`, `partner_id`, `account_id` the request claimed against, `created_at` when filed. */
export const MDF_CLAIMS: RecordKind<MdfClaim> = {
  name: 'mdf_claim',
  columns: (claim) => ({
    status: claim.status,
    partnerId: claim.partnerId,
    accountId: claim.requestId,
    createdAt: claim.filedAt,
  }),
};

/** Payment batches: `status` (always `paid`), `closed_on` the day they pay, `created_at`. */
export const MDF_PAYMENT_BATCHES: RecordKind<PaymentBatch> = {
  name: 'mdf_payment_batch',
  columns: (batch) => ({ status: batch.status, closedOn: batch.paidOn, createdAt: batch.createdAt }),
};

/** The id of a tenant's one exchange-rate record. */
export const EXCHANGE_RATES_ID = 'current';

/**
 * The exchange rates MDF converts with (the program holds none): one record per tenant, id `current`,
 * replaced as a whole when finance publishes new rates; its version guards concurrent replacements.
 */
export interface ExchangeRatesRecord {
  id: string;
  table: ExchangeRateTable;
  updatedBy: string | null;
  version: number;
}

/** Exchange rates: `due_on` holds the day the table is in force from (`asOf`). */
export const MDF_EXCHANGE_RATES: RecordKind<ExchangeRatesRecord> = {
  name: 'mdf_exchange_rates',
  columns: (record) => ({ dueOn: record.table.asOf }),
};
