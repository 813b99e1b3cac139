import { createHash } from 'node:crypto';
import type { ConflictOfInterest, LeadDistribution, RoutingState } from '@conduit/core';
import type { RecordKind } from '../records/record-table.js';

/** The id of a tenant's one routing state record. */
export const ROUTING_STATE_ID = 'current';

/** The routing state as the `records` table keeps it: one record per tenant, id `current`. */
export type StoredRoutingStateRecord = RoutingState & { id: string; version: number };

/** The tenant's routing state (round-robin weights, loads, sticky entries): no lifted columns. */
export const ROUTING_STATES: RecordKind<StoredRoutingStateRecord> = {
  name: 'routing_state',
  columns: () => ({}),
};

/** A lead's distribution as the `records` table keeps it: its id is the lead's id. */
export type StoredDistributionRecord = LeadDistribution & { id: string; version: number };

/** The instant a distribution entered its current status. */
function enteredAt(record: LeadDistribution): string {
  switch (record.status) {
    case 'offered':
      return record.offeredAt;
    case 'accepted':
      return record.acceptedAt;
    case 'rerouting':
      return record.since;
    case 'queued':
      return record.queuedAt;
  }
}

/**
 * Lead distributions (the offers), one per lead (id = lead id): `status` is the distribution's status,
 * `partner_id` the partner holding the current offer (offered or accepted), `account_id` the lead's
 * account, `due_at` the SLA deadline of an open offer only (so that the offers due by an instant are one
 * range of the `(tenant, kind, due_at)` index), `created_at` when the lead entered its current status.
 */
export const LEAD_DISTRIBUTIONS: RecordKind<StoredDistributionRecord> = {
  name: 'lead_distribution',
  columns: (record) => ({
    status: record.status,
    partnerId: record.status === 'offered' || record.status === 'accepted' ? record.partnerId : null,
    accountId: record.accountId,
    dueAt: record.status === 'offered' ? record.dueAt : null,
    createdAt: enteredAt(record),
  }),
};

/** Whether a conflict of interest is in force or was withdrawn by a person. */
export type ConflictStatus = 'active' | 'withdrawn';

/** A conflict of interest as the `records` table keeps it, with its id and status. */
export type StoredConflictRecord = ConflictOfInterest & { id: string; status: ConflictStatus; version: number };

/**
 * Conflicts of interest: `status` (active or withdrawn), `partner_id` the excluded partner, `account_id`
 * the account it is excluded from (the lead, when named, is read from the document).
 */
export const CONFLICTS_OF_INTEREST: RecordKind<StoredConflictRecord> = {
  name: 'conflict_of_interest',
  columns: (record) => ({ status: record.status, partnerId: record.partnerId, accountId: record.accountId ?? null }),
};

/**
 * The id of a conflict of interest: a digest of the partner and what it is excluded from, so that
 * importing the same conflict again updates it (its reason) instead of adding a second one.
 *
 * @example conflictIdOf({ partnerId: 'p-7', accountId: 'acc-3', reason: '…' }) // 'coi_5f0c…'
 */
export function conflictIdOf(conflict: Pick<ConflictOfInterest, 'partnerId' | 'accountId' | 'leadId'>): string {
  const identity = JSON.stringify([conflict.partnerId, conflict.accountId ?? null, conflict.leadId ?? null]);
  return `coi_${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
}
