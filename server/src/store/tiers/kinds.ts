import type {
  TierCustomMetricValue,
  TierProposalRecord,
  TierSatisfactionScore,
  TierStanding,
  VersionedRecord,
} from '@conduit/core';
import type { RecordKind } from '../records/record-table.js';

/** A tier standing as the `records` table keeps it: its id is the partner's id (one standing per partner). */
export type StoredTierStanding = TierStanding & { id: string };

/**
 * Tier standings, one per partner (id = partner id): filtered by status and partner, and by the day a
 * scheduled change takes effect (`due_on`), which the settling job reads.
 */
export const TIER_STANDINGS: RecordKind<StoredTierStanding> = {
  name: 'tier_standing',
  columns: (standing) => ({
    status: standing.status,
    partnerId: standing.partnerId,
    dueOn: standing.scheduled === null ? null : standing.scheduled.effectiveOn,
  }),
};

/**
 * Tier proposals: filtered by workflow status (the approval queue reads `pending`) and partner; `due_on`
 * holds the day the proposed move takes effect and `closed_on` the day the proposal was decided.
 */
export const TIER_PROPOSALS: RecordKind<TierProposalRecord> = {
  name: 'tier_proposal',
  columns: (record) => ({
    status: record.status,
    partnerId: record.proposal.partnerId,
    dueOn: record.proposal.effectiveOn,
    closedOn: record.decidedOn,
  }),
};

/**
 * A customer-satisfaction score as imported: the score and the id it has in its source (a survey
 * response), so that importing the same response again replaces it instead of counting it twice.
 */
export type StoredSatisfactionScore = TierSatisfactionScore & VersionedRecord;

/** Satisfaction scores: filtered by partner and by the day they are dated (`closed_on`). */
export const SATISFACTION_SCORES: RecordKind<StoredSatisfactionScore> = {
  name: 'satisfaction_score',
  columns: (score) => ({ partnerId: score.partnerId, closedOn: score.date }),
};

/**
 * A custom metric value as imported. A partner has one value of a metric per day, so the id is made of
 * the metric key, the day and the partner (`customMetricValueId`): importing a day again replaces it.
 */
export type StoredCustomMetricValue = TierCustomMetricValue & VersionedRecord;

/** Custom metric values: filtered by metric key (`status`), partner and the day they are dated (`closed_on`). */
export const CUSTOM_METRIC_VALUES: RecordKind<StoredCustomMetricValue> = {
  name: 'custom_metric_value',
  columns: (value) => ({ status: value.key, partnerId: value.partnerId, closedOn: value.date }),
};

/**
 * The id of a partner's value of a metric on a day. The key (an identifier, without ":") and the day
 * (fixed width) come first, so the partner id, which may hold any character, cannot make two ids meet.
 *
 * @example customMetricValueId({ partnerId: 'p-1', key: 'nps', date: '2026-10-31' }) // 'nps:2026-10-31:p-1'
 */
export function customMetricValueId(value: Pick<TierCustomMetricValue, 'partnerId' | 'key' | 'date'>): string {
  return `${value.key}:${value.date}:${value.partnerId}`;
}
