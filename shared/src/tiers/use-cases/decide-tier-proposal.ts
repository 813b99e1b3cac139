import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { approveTierProposal, rejectTierProposal } from '../applying/decide-proposal.js';
import type { TierEffect } from '../applying/tier-effect.js';
import type { TierProposalRecord } from '../applying/tier-proposal-record.js';
import { tierProgramToday, type TierDependencies } from './tier-dependencies.js';

/** A channel manager's decision on a pending proposal. */
export type TierProposalDecisionRequest =
  | { proposalId: string; decision: 'approve'; by: string; note?: string }
  | { proposalId: string; decision: 'reject'; by: string; reason: string };

/**
 * Approves (and applies, today) or rejects a pending tier proposal, saving the standing and the record
 * and returning the effects to perform. Fails with `unknown_proposal`, `proposal_not_pending`,
 * `proposal_stale` (the standing changed since: the next evaluation proposes afresh), `unknown_tier`,
 * `blank` (a rejection without a reason) or `stale_write` (someone decided at the same time).
 */
export async function decideTierProposal(
  deps: Pick<TierDependencies, 'programs' | 'clock' | 'standings' | 'proposals'>,
  request: TierProposalDecisionRequest,
): Promise<Result<{ record: TierProposalRecord; effects: TierEffect[] }>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const { program, today } = loaded.data;
  const record = await deps.proposals.get(request.proposalId);
  if (!record)
    return fail([issue(['proposalId'], 'unknown_proposal', `There is no tier proposal "${request.proposalId}".`)]);
  const by = { kind: 'user' as const, userId: request.by };

  if (request.decision === 'reject') {
    const rejected = rejectTierProposal(record, { on: today, by, reason: request.reason });
    if (!rejected.success) return rejected;
    const saved = await deps.proposals.save(rejected.data.record, { expectedVersion: record.version });
    if (!saved.success) return saved;
    return ok({ record: { ...rejected.data.record, version: saved.data.version }, effects: rejected.data.effects });
  }

  const standing = await deps.standings.get(record.proposal.partnerId);
  if (!standing) {
    return fail([
      issue(['proposalId'], 'proposal_stale', 'The partner has no tier standing any more: evaluate it again.'),
    ]);
  }
  const approved = approveTierProposal(record, standing, program, {
    on: today,
    by,
    ...(request.note ? { note: request.note } : {}),
  });
  if (!approved.success) return approved;
  const savedStanding = await deps.standings.save(approved.data.standing, { expectedVersion: standing.version });
  if (!savedStanding.success) return savedStanding;
  const savedRecord = await deps.proposals.save(approved.data.record, { expectedVersion: record.version });
  if (!savedRecord.success) return savedRecord;
  return ok({ record: { ...approved.data.record, version: savedRecord.data.version }, effects: approved.data.effects });
}
