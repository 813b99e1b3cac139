import type { CalendarDate } from '../../time/calendar-date.js';
import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { levelName, levelTierId, type CompiledProgram } from '../evaluation/compiled-program.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { effectiveDate } from './effective-date.js';
import { countGrace, gracePeriodsOf } from './grace.js';
import { periodsWord, staying, type TierMovement } from './movement.js';
import { moveSteps } from './movement-steps.js';
import { probationLeft } from './probation.js';

function downgrade(
  compiled: CompiledProgram,
  currentLevel: number,
  targetLevel: number,
  reason: 'grace_over' | 'probation',
  graceSinceAfter: CalendarDate | null,
  steps: TraceStep[],
  why: string,
): TierMovement {
  const { asOf, periods, program } = compiled;
  const policy = program.tierPolicy;
  const on = effectiveDate(policy.downgrades.effective, asOf, periods);
  const current = levelName(compiled, currentLevel);
  const target = levelName(compiled, targetLevel);
  const stepRule = traceStep(
    'downgrade_step',
    'info',
    policy.downgrades.step === 'one_rank'
      ? `Downgrades go one rank at a time: from ${current} to ${target}.`
      : `Downgrades go straight to the tier the partner qualifies for: from ${current} to ${target}.`,
    {
      step: policy.downgrades.step,
      fromTierId: levelTierId(compiled, currentLevel),
      toTierId: levelTierId(compiled, targetLevel),
    },
  );
  return {
    kind: 'downgrade',
    fromLevel: currentLevel,
    toLevel: targetLevel,
    plan: {
      change: 'move',
      direction: 'downgrade',
      reason,
      toTierId: levelTierId(compiled, targetLevel),
      effectiveOn: on,
      graceSinceAfter,
    },
    effectiveOn: on,
    steps: [...steps, stepRule, ...moveSteps(policy, 'downgrade', on)],
    summary: `Downgrade from ${current} to ${target} on ${on}: ${why}`,
  };
}

/**
 * A partner that no longer qualifies for the tier it holds:
 * - on probation (just upgraded): downgrade at once, without grace;
 * - within its grace period (the tier's own, or the policy's; counted in evaluation periods, the one
 *   of the first shortfall included): keep the tier, and start the grace clock if it is not running;
 * - grace over: downgrade one rank, or straight to the qualifying tier, as the policy says. A one-rank
 *   descent goes one rank per evaluation period and keeps the grace clock running, so a partner far
 *   below its tier drops a rank at each following evaluation period.
 *
 * A downgrade that leaves the partner short of its new tier keeps (or, after a probation cut, starts)
 * the grace clock, so that evaluating again with the same data proposes nothing more.
 */
export function belowTierMovement(
  compiled: CompiledProgram,
  standing: Extract<TierStanding, { status: 'tiered' | 'in_grace' }>,
  currentLevel: number,
  qualifyingLevel: number,
): TierMovement {
  const { asOf, periods, program } = compiled;
  const policy = program.tierPolicy;
  const placement = standing.tier;
  const current = levelName(compiled, currentLevel);
  const qualifies =
    qualifyingLevel === 0 ? 'qualifies for no tier' : `qualifies for ${levelName(compiled, qualifyingLevel)}`;
  const targetLevel = policy.downgrades.step === 'one_rank' ? currentLevel - 1 : qualifyingLevel;

  const probation = probationLeft(placement, asOf, policy.probationPeriods, periods);
  if (probation > 0) {
    const step = traceStep(
      'probation',
      'fail',
      `On probation since its upgrade to ${current} on ${placement.since}, for ${probation === 1 ? '1 more evaluation period' : `${probation} more evaluation periods`}: no grace period applies, and it ${qualifies}.`,
      {
        tierId: placement.tierId,
        since: placement.since,
        periodsLeft: probation,
        probationPeriods: policy.probationPeriods,
      },
    );
    // Still short after the cut: the grace clock of the lower tier starts with it.
    const graceSinceAfter = targetLevel > qualifyingLevel ? asOf : null;
    return downgrade(
      compiled,
      currentLevel,
      targetLevel,
      'probation',
      graceSinceAfter,
      [step],
      `it fell short of ${current} during its probation and ${qualifies}`,
    );
  }

  const allowed = gracePeriodsOf(compiled.tiers[currentLevel - 1]?.tier.gracePeriods, policy);
  const grace = countGrace(standing.status === 'in_grace' ? standing.grace.since : undefined, asOf, allowed, periods);
  const graceFacts = {
    tierId: placement.tierId,
    graceSince: grace.since,
    periodsSpent: grace.periodsSpent,
    gracePeriods: allowed,
  };
  if (grace.kept) {
    const step = traceStep(
      'grace_period',
      'info',
      `Below ${current} since ${grace.since}: evaluation period ${grace.periodsSpent} of ${allowed} of its grace period, so it keeps ${current}.`,
      graceFacts,
    );
    return staying(
      'hold_in_grace',
      currentLevel,
      standing.status === 'in_grace' ? { change: 'none' } : { change: 'start_grace' },
      [step],
      `Hold ${current} in grace (evaluation period ${grace.periodsSpent} of ${allowed}): it ${qualifies}`,
    );
  }

  const graceStep = traceStep(
    'grace_period',
    'fail',
    allowed === 0
      ? `Below ${current}, which has no grace period: it moves down as soon as it falls short.`
      : `Below ${current} since ${grace.since}, for ${periodsWord(grace.periodsSpent)}: longer than its grace period of ${periodsWord(allowed)}.`,
    graceFacts,
  );
  if (
    policy.downgrades.step === 'one_rank' &&
    placement.reachedBy === 'downgrade' &&
    periods.between(placement.decidedOn, asOf) === 0
  ) {
    const period = periods.containing(asOf).label;
    const step = traceStep(
      'downgrade_step',
      'info',
      `Already moved down to ${current} by a decision of ${placement.decidedOn}, in this evaluation period (${period}): it moves down one rank per evaluation period.`,
      { step: 'one_rank', decidedOn: placement.decidedOn, period },
    );
    return staying(
      'no_change',
      currentLevel,
      { change: 'none' },
      [graceStep, step],
      `Keep ${current} until the next evaluation period: it already moved down one rank in ${period}`,
    );
  }
  return downgrade(
    compiled,
    currentLevel,
    targetLevel,
    'grace_over',
    targetLevel > qualifyingLevel ? grace.since : null,
    [graceStep],
    allowed === 0
      ? `it ${qualifies} and ${current} has no grace period`
      : `it has been below ${current} for longer than its grace period of ${periodsWord(allowed)} and ${qualifies}`,
  );
}
