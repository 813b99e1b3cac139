import type { Issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { Program } from '../../program/schema/program.js';
import { applyTierProposal } from '../applying/apply-proposal.js';
import { pendingTierProposal, sameTierProposal, supersedeTierProposal } from '../applying/decide-proposal.js';
import type { TierEffect } from '../applying/tier-effect.js';
import type { PendingTierProposal } from '../applying/tier-proposal-record.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import { AUTOMATIC_TIER_DECISION } from '../standing/decider.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { expectationFor, type TierDependencies } from './tier-dependencies.js';

/**
 * What a batch evaluation did with one partner's proposal:
 * - `applied`: applied automatically, as the program allows;
 * - `awaiting_approval`: stored as pending for a channel manager (replacing an older pending one);
 * - `already_awaiting`: the same proposal was already pending;
 * - `unchanged`: nothing to apply (an older pending proposal, now obsolete, is superseded);
 * - `failed`: a write was refused (another change got there first); the partner is evaluated again next run.
 */
export type TierPartnerOutcomeResult = 'applied' | 'awaiting_approval' | 'already_awaiting' | 'unchanged' | 'failed';

/** One partner's evaluation in a batch run: the proposal, what became of it, and the effects to perform. */
export interface TierPartnerOutcome {
  proposal: TierProposal;
  result: TierPartnerOutcomeResult;
  /** The stored proposal's id, when one was stored. */
  proposalId: string | null;
  effects: TierEffect[];
  /** Why a write failed. Data issues are in `proposal.issues`. */
  issues: Issue[];
}

async function supersede(
  deps: TierDependencies,
  pending: PendingTierProposal | undefined,
  on: CalendarDate,
  by: string | null,
) {
  if (!pending) return { success: true as const };
  const saved = await deps.proposals.save(supersedeTierProposal(pending, on, by), { expectedVersion: pending.version });
  return saved.success ? { success: true as const } : saved;
}

/**
 * Does with a fresh proposal what the program says: applies it automatically and records it as
 * approved, stores it as pending for approval, or does nothing; an older pending proposal of the
 * partner is superseded unless it proposes the same.
 */
export async function recordProposal(
  deps: TierDependencies,
  program: Program,
  standing: TierStanding,
  proposal: TierProposal,
  pending: PendingTierProposal | undefined,
): Promise<TierPartnerOutcome> {
  const on = proposal.evaluatedOn;
  const failed = (issues: Issue[]): TierPartnerOutcome => ({
    proposal,
    result: 'failed',
    proposalId: null,
    effects: [],
    issues,
  });
  switch (proposal.action) {
    case 'none': {
      const superseded = await supersede(deps, pending, on, null);
      if (!superseded.success) return failed(superseded.issues);
      return { proposal, result: 'unchanged', proposalId: null, effects: [], issues: [] };
    }
    case 'apply_automatically': {
      const id = deps.ids.next('tier-proposal');
      const applied = applyTierProposal(standing, proposal, {
        program,
        appliedOn: on,
        decidedBy: AUTOMATIC_TIER_DECISION,
        proposalId: id,
      });
      if (!applied.success) return failed(applied.issues);
      const saved = await deps.standings.save(applied.data.next, expectationFor(standing.version));
      if (!saved.success) return failed(saved.issues);
      const record = { ...pendingTierProposal(id, proposal).record };
      const stored = await deps.proposals.save(
        { ...record, status: 'approved', decidedOn: on, decidedBy: AUTOMATIC_TIER_DECISION, note: null },
        { expectedVersion: null },
      );
      if (!stored.success) return failed(stored.issues);
      const superseded = await supersede(deps, pending, on, id);
      if (!superseded.success) return failed(superseded.issues);
      return { proposal, result: 'applied', proposalId: id, effects: applied.data.effects, issues: [] };
    }
    case 'await_approval': {
      if (pending && sameTierProposal(pending.proposal, proposal)) {
        return { proposal, result: 'already_awaiting', proposalId: pending.id, effects: [], issues: [] };
      }
      const id = deps.ids.next('tier-proposal');
      const created = pendingTierProposal(id, proposal);
      const stored = await deps.proposals.save(created.record, { expectedVersion: null });
      if (!stored.success) return failed(stored.issues);
      const superseded = await supersede(deps, pending, on, id);
      if (!superseded.success) return failed(superseded.issues);
      return { proposal, result: 'awaiting_approval', proposalId: id, effects: created.effects, issues: [] };
    }
  }
}
