import type {
  MdfAllocation,
  MdfBudget,
  MdfChangeSet,
  MdfClaim,
  MdfPosting,
  MdfRequest,
  PaymentBatch,
} from '@conduit/core';
import type { DemoRegion } from '../geography/regions.js';
import type { DemoAuditEntry } from '../audit-entry.js';
import { scheduleMdf } from './mdf-funds.js';
import { MdfSimulation, type MdfSimulationInput } from './mdf-simulation.js';

/** The demo's MDF records as they stand at the reference instant, and the ledger. */
export interface MdfRecords {
  budgets: MdfBudget[];
  allocations: MdfAllocation[];
  requests: MdfRequest[];
  claims: MdfClaim[];
  paymentBatches: PaymentBatch[];
  postings: MdfPosting[];
}

/**
 * The demo's MDF history: every change set the core's MDF use cases committed, in order (what seeding
 * replays through a tenant's `MdfStore`), the records and ledger they add up to, and the decisions'
 * traces for the audit log.
 */
export interface MdfHistory {
  commits: MdfChangeSet[];
  records: MdfRecords;
  audit: DemoAuditEntry[];
}

/**
 * Makes the MDF history of the demo window by running the core's MDF use cases (budgets, allocations,
 * co-op accruals and expiry, requests, approvals, claims, reviews, payments, closing and lapsing) day by
 * day against an in-memory store, so that every record and posting is what the core itself decided and
 * the ledger balances by construction.
 */
export async function generateMdfHistory(
  input: MdfSimulationInput,
  regions: readonly DemoRegion[],
): Promise<MdfHistory> {
  const simulation = new MdfSimulation(input);
  scheduleMdf(simulation, regions);
  await simulation.run();
  const { rows, postings, commits } = simulation.store;
  return {
    commits,
    records: {
      budgets: [...rows.budget.values()],
      allocations: [...rows.allocation.values()],
      requests: [...rows.request.values()],
      claims: [...rows.claim.values()],
      paymentBatches: [...rows.payment_batch.values()],
      postings,
    },
    audit: simulation.audit,
  };
}
