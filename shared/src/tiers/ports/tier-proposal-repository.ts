import type { WriteExpectation } from '../../ports/repository.js';
import type { Result } from '../../result/result.js';
import type { PendingTierProposal, TierProposalRecord } from '../applying/tier-proposal-record.js';

/** Which proposals a scan returns: the queue of pending ones, or a partner's past ones. */
export interface TierProposalQuery {
  statuses?: readonly TierProposalRecord['status'][];
  partnerIds?: readonly string[];
}

/**
 * Where tier proposals wait for a channel manager and stay for audit, with optimistic concurrency
 * (`stale_write` on a stale save). A partner has at most one pending proposal at a time.
 */
export interface TierProposalRepository {
  get(id: string): Promise<TierProposalRecord | undefined>;
  /** The pending proposals of these partners (at most one each). */
  pendingFor(partnerIds: readonly string[]): Promise<PendingTierProposal[]>;
  save(record: TierProposalRecord, expectation: WriteExpectation): Promise<Result<{ version: number }>>;
  scan(query: TierProposalQuery): AsyncIterable<readonly TierProposalRecord[]>;
}
