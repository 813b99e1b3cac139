import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import type { TierDecider } from '../standing/decider.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { applyTierProposal } from './apply-proposal.js';
import type { TierEffect } from './tier-effect.js';
import type { PendingTierProposal, TierProposalRecord } from './tier-proposal-record.js';
import { jsonEqual } from '../../common/json-equal.js';

/** The result of deciding a stored proposal: the record and standing to save, and the effects to perform. */
export interface TierProposalDecision {
  record: TierProposalRecord;
  standing: TierStanding;
  effects: TierEffect[];
}

function notPending(record: TierProposalRecord): Result<never> {
  return fail([
    issue(
      ['status'],
      'proposal_not_pending',
      `This proposal is already ${record.status}: only a pending proposal can be decided.`,
    ),
  ]);
}

/**
 * A new pending record for a proposal that waits for a channel manager, and the notification that
 * asks for a decision.
 *
 * @example pendingTierProposal('tier-proposal-1', proposal).record.status // 'pending'
 */
export function pendingTierProposal(
  id: string,
  proposal: TierProposal,
): { record: PendingTierProposal; effects: TierEffect[] } {
  return {
    record: {
      id,
      version: 0,
      proposal,
      createdOn: proposal.evaluatedOn,
      status: 'pending',
      decidedOn: null,
      decidedBy: null,
      note: null,
      supersededBy: null,
    },
    effects: [
      {
        kind: 'notify',
        partnerId: proposal.partnerId,
        event: 'proposal_awaiting_approval',
        message: `Awaiting approval: ${proposal.trace.summary}`,
      },
    ],
  };
}

/**
 * Approves a pending proposal and applies it to the partner's standing on `on` (see `applyTierProposal`).
 * Fails with `proposal_not_pending` when it was already decided, and with `proposal_stale` when the
 * standing changed since the evaluation.
 */
export function approveTierProposal(
  record: TierProposalRecord,
  standing: TierStanding,
  program: Program,
  decision: { on: CalendarDate; by: TierDecider; note?: string },
): Result<TierProposalDecision> {
  if (record.status !== 'pending') return notPending(record);
  const applied = applyTierProposal(standing, record.proposal, {
    program,
    appliedOn: decision.on,
    decidedBy: decision.by,
    proposalId: record.id,
  });
  if (!applied.success) return applied;
  return ok({
    record: {
      ...record,
      status: 'approved',
      decidedOn: decision.on,
      decidedBy: decision.by,
      note: decision.note ?? null,
    },
    standing: applied.data.next,
    effects: applied.data.effects,
  });
}

/**
 * Rejects a pending proposal with a reason: the standing does not change, and the partner is told.
 * The next evaluation may propose the same move again if nothing changed; an override settles it for a while.
 */
export function rejectTierProposal(
  record: TierProposalRecord,
  decision: { on: CalendarDate; by: TierDecider; reason: string },
): Result<{ record: TierProposalRecord; effects: TierEffect[] }> {
  if (record.status !== 'pending') return notPending(record);
  if (decision.reason.trim() === '') {
    return fail([issue(['reason'], 'blank', 'Say why the proposal is rejected: the reason must not be blank.')]);
  }
  return ok({
    record: { ...record, status: 'rejected', decidedOn: decision.on, decidedBy: decision.by, note: decision.reason },
    effects: [
      {
        kind: 'notify',
        partnerId: record.proposal.partnerId,
        event: 'proposal_rejected',
        message: `Rejected (${decision.reason}): ${record.proposal.trace.summary}`,
      },
    ],
  });
}

/** Marks a pending proposal as replaced by a later evaluation (by `supersededBy`, or by nothing to apply). */
export function supersedeTierProposal(
  record: PendingTierProposal,
  on: CalendarDate,
  supersededBy: string | null,
): TierProposalRecord {
  return { ...record, status: 'superseded', decidedOn: on, supersededBy };
}

/** Whether two proposals for a partner would do the same thing (a re-evaluation need not replace the first). */
export function sameTierProposal(a: TierProposal, b: TierProposal): boolean {
  return (
    a.partnerId === b.partnerId &&
    a.standingVersion === b.standingVersion &&
    a.kind === b.kind &&
    a.toTierId === b.toTierId &&
    a.effectiveOn === b.effectiveOn &&
    jsonEqual(a.plan, b.plan)
  );
}
