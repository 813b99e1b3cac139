import type { Issue } from '../../result/issue.js';
import { ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { settleDueTierChange } from '../applying/settle-due-change.js';
import type { TierEffect } from '../applying/tier-effect.js';
import { evaluatePartnerTierInputs } from '../evaluation/evaluate-partner-tier.js';
import { createTierEvaluator } from '../evaluation/tier-evaluator.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierProposalKind } from '../proposal/tier-proposal.js';
import { initialTierStanding } from '../standing/initial-standing.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { recordProposal, type TierPartnerOutcome, type TierPartnerOutcomeResult } from './record-proposal.js';
import { expectationFor, tierProgramToday, type TierDependencies } from './tier-dependencies.js';
import type { Program } from '../../program/schema/program.js';
import type { TierEvaluator } from '../evaluation/tier-evaluator.js';
import type { PendingTierProposal } from '../applying/tier-proposal-record.js';

/** Which partners a run evaluates: all of the program's partners when left out. */
export interface TierRunOptions {
  partnerIds?: readonly string[];
}

/** A run's totals: proposals by kind, outcomes by result, every effect to perform, and the partners with issues. */
export interface TierRunSummary {
  programId: string;
  evaluatedOn: CalendarDate;
  partners: number;
  byKind: Record<TierProposalKind, number>;
  byResult: Record<TierPartnerOutcomeResult, number>;
  effects: TierEffect[];
  issues: { partnerId: string; issues: Issue[] }[];
}

async function evaluateOne(
  deps: TierDependencies,
  program: Program,
  evaluator: TierEvaluator,
  inputs: PartnerTierInputs,
  stored: TierStanding | undefined,
  pending: PendingTierProposal | undefined,
): Promise<TierPartnerOutcome> {
  const today = evaluator.asOf;
  const effects: TierEffect[] = [];
  let standing = stored ?? initialTierStanding(inputs.partnerId, inputs.tierId, inputs.specializationIds, today);
  const due = settleDueTierChange(standing, today, program);
  const toSave = due ? due.next : stored ? undefined : standing;
  if (toSave) {
    const saved = await deps.standings.save(toSave, expectationFor(standing.version));
    if (!saved.success) {
      const proposal = evaluatePartnerTierInputs(evaluator, standing, inputs);
      return { proposal, result: 'failed', proposalId: null, effects: [], issues: saved.issues };
    }
    standing = { ...toSave, version: saved.data.version };
    if (due) effects.push(...due.effects);
  }
  const proposal = evaluatePartnerTierInputs(evaluator, standing, inputs);
  const outcome = await recordProposal(deps, program, standing, proposal, pending);
  return { ...outcome, effects: [...effects, ...outcome.effects] };
}

/**
 * Evaluates partners page by page as the inputs source streams them, and does what the program says
 * with each proposal (see `recordProposal`): a generator, so that a caller can forward each page's
 * outcomes and effects before the next page is read. Partners without a standing get one from their
 * record; scheduled changes that have come due take effect first.
 *
 * @example for await (const page of evaluatePartnersInPages(deps)) await perform(page.flatMap((o) => o.effects));
 */
export async function* evaluatePartnersInPages(
  deps: TierDependencies,
  options: TierRunOptions = {},
): AsyncGenerator<TierPartnerOutcome[], Result<{ programId: string; evaluatedOn: CalendarDate }>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const { program, today } = loaded.data;
  const evaluator = createTierEvaluator(program, today);
  const query = {
    from: evaluator.dataFrom,
    through: today,
    ...(options.partnerIds ? { partnerIds: options.partnerIds } : {}),
  };
  for await (const page of deps.inputs.scan(query)) {
    const ids = page.map((inputs) => inputs.partnerId);
    const standings = new Map((await deps.standings.getMany(ids)).map((standing) => [standing.partnerId, standing]));
    const pending = new Map(
      (await deps.proposals.pendingFor(ids)).map((record) => [record.proposal.partnerId, record]),
    );
    const outcomes: TierPartnerOutcome[] = [];
    for (const inputs of page) {
      outcomes.push(
        await evaluateOne(
          deps,
          program,
          evaluator,
          inputs,
          standings.get(inputs.partnerId),
          pending.get(inputs.partnerId),
        ),
      );
    }
    yield outcomes;
  }
  return ok({ programId: program.id, evaluatedOn: today });
}

/**
 * The scheduled batch: evaluates every partner (or `options.partnerIds`), applies what the program
 * approves automatically, queues the rest for approval, and returns the totals and every effect to
 * perform. Fails only when no program is published; a partner whose write is refused is counted as
 * `failed` with its issues, and the run goes on.
 */
export async function evaluateAllPartners(
  deps: TierDependencies,
  options: TierRunOptions = {},
): Promise<Result<TierRunSummary>> {
  const byKind: Record<TierProposalKind, number> = { upgrade: 0, downgrade: 0, hold_in_grace: 0, no_change: 0 };
  const byResult: Record<TierPartnerOutcomeResult, number> = {
    applied: 0,
    awaiting_approval: 0,
    already_awaiting: 0,
    unchanged: 0,
    failed: 0,
  };
  const effects: TierEffect[] = [];
  const issues: TierRunSummary['issues'] = [];
  let partners = 0;
  const pages = evaluatePartnersInPages(deps, options);
  for (;;) {
    const next = await pages.next();
    if (next.done) {
      if (!next.value.success) return next.value;
      return ok({ ...next.value.data, partners, byKind, byResult, effects, issues });
    }
    for (const outcome of next.value) {
      partners += 1;
      byKind[outcome.proposal.kind] += 1;
      byResult[outcome.result] += 1;
      effects.push(...outcome.effects);
      const found = [...outcome.proposal.issues, ...outcome.issues];
      if (found.length > 0) issues.push({ partnerId: outcome.proposal.partnerId, issues: found });
    }
  }
}
