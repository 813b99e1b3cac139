import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { explainCriteria } from '../criteria/criteria-steps.js';
import { describeVerdict } from '../criteria/criteria-verdict.js';
import { joinAnd } from '../criteria/criteria-gap.js';
import { levelName, type CompiledProgram } from '../evaluation/compiled-program.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';
import { countGrace, gracePeriodsOf } from '../movement/grace.js';
import type { SpecializationPlan } from '../proposal/tier-plan.js';
import type { TierStanding } from '../standing/tier-standing.js';

/** The verdict on a partner's specializations: the plan, the steps that explain it and its changes in words. */
export interface SpecializationOutcome {
  plan: SpecializationPlan;
  steps: TraceStep[];
  /** "awards Cloud Migration and removes Security", or `undefined` when nothing is awarded or removed. */
  changes: string | undefined;
}

function specializationNames(compiled: CompiledProgram, ids: readonly string[]): string[] {
  return ids.map((id) => compiled.program.specializations.find((candidate) => candidate.id === id)?.name ?? `"${id}"`);
}

/**
 * Decides each specialization on its own criteria, next to the tier: awarded when its criteria hold
 * and the partner's tier (`tierLevel`, the tier it will hold) is at least the specialization's minimum;
 * a held one whose criteria no longer hold is kept for its grace period (its own, or the policy's)
 * counted like a tier's, then removed; one whose minimum tier the partner no longer reaches, or that
 * the program no longer has, is removed at once.
 */
export function decideSpecializations(
  compiled: CompiledProgram,
  standing: TierStanding,
  tally: TierMetricTally,
  tierLevel: number,
): SpecializationOutcome {
  const { asOf, periods, program } = compiled;
  const plan: SpecializationPlan = { award: [], remove: [], startGrace: [], endGrace: [] };
  const steps: TraceStep[] = [];
  const held = new Map(standing.specializations.map((entry) => [entry.specializationId, entry]));

  for (const compiledSpecialization of compiled.specializations) {
    const { specialization, owner, criteria, minimumLevel } = compiledSpecialization;
    const explained = explainCriteria(owner, criteria, tally);
    const verdict = describeVerdict(explained, criteria.kind);
    const holding = held.get(specialization.id);
    held.delete(specialization.id);
    const eligible = tierLevel >= minimumLevel;
    const facts = { specializationId: specialization.id, held: holding !== undefined, criteriaMet: explained.met };
    const minimum = levelName(compiled, minimumLevel);
    let verdictStep;
    if (!holding) {
      if (explained.met && eligible) {
        plan.award.push(specialization.id);
        verdictStep = traceStep('specialization', 'pass', `Awarded ${owner.name}: ${verdict}.`, facts);
      } else if (explained.met) {
        verdictStep = traceStep(
          'specialization',
          'fail',
          `Meets the criteria of ${owner.name}, which requires at least ${minimum}: not awarded.`,
          { ...facts, minimumTierId: specialization.minimumTierId ?? null },
        );
      } else {
        verdictStep = traceStep('specialization', 'fail', `Does not qualify for ${owner.name}: ${verdict}.`, facts);
      }
    } else if (!eligible) {
      plan.remove.push(specialization.id);
      verdictStep = traceStep('specialization', 'fail', `Loses ${owner.name}, which requires at least ${minimum}.`, {
        ...facts,
        minimumTierId: specialization.minimumTierId ?? null,
      });
    } else if (explained.met) {
      if (holding.graceSince !== null) {
        plan.endGrace.push(specialization.id);
        verdictStep = traceStep(
          'specialization',
          'pass',
          `Keeps ${owner.name}: ${verdict} again, so its grace period that began on ${holding.graceSince} ends.`,
          facts,
        );
      } else {
        verdictStep = traceStep('specialization', 'pass', `Keeps ${owner.name}: ${verdict}.`, facts);
      }
    } else {
      const allowed = gracePeriodsOf(specialization.gracePeriods, program.tierPolicy);
      const grace = countGrace(holding.graceSince ?? undefined, asOf, allowed, periods);
      const graceFacts = { ...facts, graceSince: grace.since, periodsSpent: grace.periodsSpent, gracePeriods: allowed };
      if (grace.kept) {
        if (holding.graceSince === null) plan.startGrace.push(specialization.id);
        verdictStep = traceStep(
          'specialization',
          'info',
          `Keeps ${owner.name} in grace (evaluation period ${grace.periodsSpent} of ${allowed}): ${verdict}.`,
          graceFacts,
        );
      } else {
        plan.remove.push(specialization.id);
        verdictStep = traceStep(
          'specialization',
          'fail',
          allowed === 0
            ? `Loses ${owner.name}, which has no grace period: ${verdict}.`
            : `Loses ${owner.name}: below its criteria for ${grace.periodsSpent} evaluation periods, longer than its grace period of ${allowed}.`,
          graceFacts,
        );
      }
    }
    steps.push(verdictStep, ...explained.steps);
  }

  for (const stale of held.keys()) {
    plan.remove.push(stale);
    steps.push(
      traceStep('specialization', 'fail', `Loses "${stale}": the program has no such specialization.`, {
        specializationId: stale,
        held: true,
        criteriaMet: false,
      }),
    );
  }

  const words: string[] = [];
  if (plan.award.length > 0) words.push(`awards ${joinAnd(specializationNames(compiled, plan.award))}`);
  if (plan.remove.length > 0) words.push(`removes ${joinAnd(specializationNames(compiled, plan.remove))}`);
  return { plan, steps, changes: words.length > 0 ? words.join(' and ') : undefined };
}
