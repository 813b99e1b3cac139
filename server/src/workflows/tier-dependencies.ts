import {
  decisionTrace,
  evaluatePartnersInPages,
  traceStep,
  type CalendarDate,
  type Clock,
  type DecisionTrace,
  type Issue,
  type Result,
  type TierDependencies,
  type TierEffect,
  type TierPartnerOutcomeResult,
  type TierProposalKind,
  type TierProposalRecord,
  type TierRunOptions,
  type TierStanding,
} from '@conduit/core';
import type { UseCaseResult } from '../http/answer.js';
import type { TenantStore } from '../store/tenant-store.js';
import { applyPartnerTierEffects } from '../store/tiers/index.js';
import { uuidIds } from './ids.js';

/** The tier use cases' ports over a tenant's store (or a transaction's). */
export function tierDependencies(store: TenantStore, clock: Clock): TierDependencies {
  return {
    programs: store.programs,
    standings: store.tiers.standings,
    proposals: store.tiers.proposals,
    inputs: store.tiers.inputs,
    clock,
    ids: uuidIds,
  };
}

/** What a tier mutation did: its result, the decisions to record in the audit log, and the effects to perform. */
export interface TierMutation<T> {
  result: UseCaseResult<T>;
  traces?: readonly DecisionTrace[];
  effects?: readonly TierEffect[];
}

/**
 * Records decisions in the audit log and performs the effects on the partner records at once, inside
 * the mutation's transaction: a batch calls it page by page, so that it never holds a whole run's traces.
 */
export type TierRecorder = (traces: readonly DecisionTrace[], effects: readonly TierEffect[]) => Promise<void>;

class RolledBack extends Error {
  constructor(readonly result: UseCaseResult<never>) {
    super('The tier mutation was refused and rolled back.');
  }
}

/**
 * Runs a tier mutation in one transaction holding the tenant's tier lock: on success the partner records
 * take the tier effects that concern them (`applyPartnerTierEffects`) and the decisions go to the audit
 * log (at `at`, on behalf of `actor`), all committed together; on a refusal every write it made is
 * rolled back, so a use case that failed halfway (a stale second write) leaves nothing behind. `work`
 * may record as it goes with the recorder it is given; what it returns is recorded at the end.
 */
export async function inTierTransaction<T>(
  store: TenantStore,
  at: Date,
  actor: string | null,
  work: (store: TenantStore, record: TierRecorder) => Promise<TierMutation<T>>,
): Promise<UseCaseResult<T>> {
  try {
    return await store.transaction(async (transaction) => {
      await transaction.tiers.lock();
      const record: TierRecorder = async (traces, effects) => {
        await applyPartnerTierEffects(transaction.partners, effects);
        await transaction.audit.record(traces, at, actor);
      };
      const { result, traces = [], effects = [] } = await work(transaction, record);
      if (!result.success) throw new RolledBack(result);
      await record(traces, effects);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}

/** A proposal a batch run stored (queued for approval, or applied at once), for the run's answer. */
export interface TierRunProposal {
  proposalId: string;
  partnerId: string;
  result: Extract<TierPartnerOutcomeResult, 'applied' | 'awaiting_approval'>;
  kind: TierProposalKind;
  fromTierId: string | null;
  toTierId: string | null;
  effectiveOn: CalendarDate | null;
  summary: string;
}

/** A batch run's answer: the counts, the proposals it stored, every effect, and the partners with issues. */
export interface TierRunReport {
  programId: string;
  evaluatedOn: CalendarDate;
  partners: number;
  byKind: Record<TierProposalKind, number>;
  byResult: Record<TierPartnerOutcomeResult, number>;
  proposals: TierRunProposal[];
  effects: TierEffect[];
  issues: { partnerId: string; issues: Issue[] }[];
}

/**
 * Evaluates the partners page by page (`evaluatePartnersInPages`), doing with each proposal what the
 * program says, and reports the run with the proposals it stored. After each page, `record` receives
 * the page's effects and the traces of the proposals that were applied, queued or could not be saved;
 * an evaluation that changed nothing (or found the same proposal already waiting) adds nothing to the
 * audit log.
 */
export async function evaluatePartnersReport(
  deps: TierDependencies,
  options: TierRunOptions,
  record: TierRecorder,
): Promise<Result<TierRunReport>> {
  const byKind: Record<TierProposalKind, number> = { upgrade: 0, downgrade: 0, hold_in_grace: 0, no_change: 0 };
  const byResult: Record<TierPartnerOutcomeResult, number> = {
    applied: 0,
    awaiting_approval: 0,
    already_awaiting: 0,
    unchanged: 0,
    failed: 0,
  };
  const proposals: TierRunProposal[] = [];
  const effects: TierEffect[] = [];
  const issues: TierRunReport['issues'] = [];
  let partners = 0;
  const pages = evaluatePartnersInPages(deps, options);
  for (;;) {
    const next = await pages.next();
    if (next.done) {
      if (!next.value.success) return next.value;
      return { success: true, data: { ...next.value.data, partners, byKind, byResult, proposals, effects, issues } };
    }
    const traces: DecisionTrace[] = [];
    const pageEffects: TierEffect[] = [];
    for (const { proposal, result, proposalId, effects: own, issues: failures } of next.value) {
      partners += 1;
      byKind[proposal.kind] += 1;
      byResult[result] += 1;
      pageEffects.push(...own);
      const found = [...proposal.issues, ...failures];
      if (found.length > 0) issues.push({ partnerId: proposal.partnerId, issues: found });
      if (result === 'applied' || result === 'awaiting_approval' || result === 'failed') traces.push(proposal.trace);
      if ((result === 'applied' || result === 'awaiting_approval') && proposalId !== null) {
        proposals.push({
          proposalId,
          partnerId: proposal.partnerId,
          result,
          kind: proposal.kind,
          fromTierId: proposal.fromTierId,
          toTierId: proposal.toTierId,
          effectiveOn: proposal.effectiveOn,
          summary: proposal.trace.summary,
        });
      }
    }
    await record(traces, pageEffects);
    effects.push(...pageEffects);
  }
}

const partnerSubject = (partnerId: string) => ({ type: 'partner', id: partnerId });

/**
 * The audit entry of a channel manager's decision on a proposal (the proposal's own trace was recorded
 * when the evaluation made it): who decided, how, and what the proposal was.
 */
export function proposalDecisionTrace(record: TierProposalRecord): DecisionTrace {
  const { proposal } = record;
  const by =
    record.decidedBy === null ? 'nobody' : record.decidedBy.kind === 'user' ? record.decidedBy.userId : 'the program';
  const verb = record.status === 'rejected' ? 'rejected' : 'approved';
  return decisionTrace(
    'tiers.proposal_decision',
    partnerSubject(proposal.partnerId),
    record.status,
    `${by} ${verb} the tier proposal ${record.id}: ${proposal.trace.summary}`,
    [
      traceStep('manual_decision', 'info', `The proposal was ${verb} on ${record.decidedOn ?? 'an unknown day'}.`, {
        proposalId: record.id,
        decidedBy: by,
        note: record.note,
        kind: proposal.kind,
        fromTierId: proposal.fromTierId,
        toTierId: proposal.toTierId,
        effectiveOn: proposal.effectiveOn,
        evaluatedOn: proposal.evaluatedOn,
      }),
    ],
  );
}

/** The audit entry of an override set or ended by hand, from the standing it left. */
export function overrideTrace(standing: TierStanding, action: 'set' | 'ended', by: string): DecisionTrace {
  const override = standing.override;
  const facts = {
    by,
    tierId: standing.tier === null ? null : standing.tier.tierId,
    setOn: override?.setOn ?? null,
    expiresOn: override?.expiresOn ?? null,
    reason: override?.reason ?? null,
  };
  const summary =
    action === 'set'
      ? `${by} set the tier to ${facts.tierId} until ${facts.expiresOn}: ${facts.reason}`
      : `${by} ended the override to ${facts.tierId} on ${facts.expiresOn}; the next evaluation returns the partner to the tier it qualifies for.`;
  return decisionTrace('tiers.override', partnerSubject(standing.partnerId), action, summary, [
    traceStep('manual_override', 'info', summary, facts),
  ]);
}

/** The audit entries of scheduled tier changes put into effect, one per partner, from their effects. */
export function settlementTraces(effects: readonly TierEffect[]): DecisionTrace[] {
  return effects.flatMap((effect) => {
    if (effect.kind !== 'notify' || (effect.event !== 'tier_upgraded' && effect.event !== 'tier_downgraded')) return [];
    return [
      decisionTrace('tiers.scheduled_change', partnerSubject(effect.partnerId), 'settled', effect.message, [
        traceStep('scheduled_change_due', 'pass', effect.message, { event: effect.event }),
      ]),
    ];
  });
}
