import { traceStep } from '../../trace/decision-trace.js';
import { levelName, levelTierId, type CompiledProgram } from '../evaluation/compiled-program.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { belowTierMovement } from './below-tier-movement.js';
import { effectiveDate } from './effective-date.js';
import { staying, type TierMovement } from './movement.js';
import { moveSteps } from './movement-steps.js';
import { overrideMovement } from './override-movement.js';

function unknownTierMovement(compiled: CompiledProgram, unknownId: string, qualifyingLevel: number): TierMovement {
  const { asOf, program } = compiled;
  const qualifying = levelName(compiled, qualifyingLevel);
  const direction = qualifyingLevel > 0 ? 'upgrade' : 'downgrade';
  const step = traceStep(
    'movement',
    'fail',
    qualifyingLevel > 0
      ? `Its tier "${unknownId}" is not in the program "${program.name}": it moves to the tier it qualifies for, ${qualifying}.`
      : `Its tier "${unknownId}" is not in the program "${program.name}", and it qualifies for no tier: it leaves the tier.`,
    { tierId: unknownId, qualifyingTierId: levelTierId(compiled, qualifyingLevel) },
  );
  return {
    kind: direction,
    fromLevel: 0,
    toLevel: qualifyingLevel,
    plan: {
      change: 'move',
      direction,
      reason: 'qualification',
      toTierId: levelTierId(compiled, qualifyingLevel),
      effectiveOn: asOf,
      graceSinceAfter: null,
    },
    effectiveOn: asOf,
    steps: [step],
    summary: `Move from "${unknownId}", a tier the program does not have, to ${qualifying} on ${asOf}`,
  };
}

function upgradeMovement(compiled: CompiledProgram, currentLevel: number, qualifyingLevel: number): TierMovement {
  const { asOf, periods, program } = compiled;
  const on = effectiveDate(program.tierPolicy.upgrades.effective, asOf, periods);
  const current = levelName(compiled, currentLevel);
  const qualifying = levelName(compiled, qualifyingLevel);
  const toTierId = levelTierId(compiled, qualifyingLevel);
  return {
    kind: 'upgrade',
    fromLevel: currentLevel,
    toLevel: qualifyingLevel,
    plan: {
      change: 'move',
      direction: 'upgrade',
      reason: 'qualification',
      toTierId,
      effectiveOn: on,
      graceSinceAfter: null,
    },
    effectiveOn: on,
    steps: [
      traceStep('movement', 'pass', `Qualifies for ${qualifying}, above its current tier (${current}): upgrade.`, {
        fromTierId: levelTierId(compiled, currentLevel),
        toTierId,
      }),
      ...moveSteps(program.tierPolicy, 'upgrade', on),
    ],
    summary: `Upgrade from ${current} to ${qualifying} on ${on}: it meets the criteria of ${qualifying}`,
  };
}

function atTierMovement(compiled: CompiledProgram, standing: TierStanding, level: number): TierMovement {
  const current = levelName(compiled, level);
  if (standing.status === 'in_grace') {
    const step = traceStep(
      'grace_period',
      'pass',
      `Meets the criteria of ${current} again: the grace period that began on ${standing.grace.since} ends.`,
      { tierId: standing.tier.tierId, graceSince: standing.grace.since },
    );
    return staying(
      'no_change',
      level,
      { change: 'end_grace' },
      [step],
      `Keep ${current}: it meets its criteria again, so its grace period ends`,
    );
  }
  if (level === 0) {
    const entry = levelName(compiled, 1);
    const step = traceStep(
      'movement',
      'info',
      `Holds no tier and does not meet the criteria of the entry tier, ${entry}.`,
      {},
    );
    return staying(
      'no_change',
      0,
      { change: 'none' },
      [step],
      `Stay without a tier: it does not meet the criteria of the entry tier, ${entry}`,
    );
  }
  const top = level === compiled.tiers.length ? ', and it is the highest tier' : '';
  const step = traceStep('movement', 'pass', `Meets the criteria of its current tier, ${current}.`, {
    tierId: levelTierId(compiled, level),
  });
  return staying('no_change', level, { change: 'none' }, [step], `Keep ${current}: it meets its criteria${top}`);
}

/**
 * Applies the program's movement rules to a partner whose qualifying tier is known:
 * - an override in force keeps its tier; an expired one gives way to the qualifying tier (see `overrideMovement`);
 * - a change already scheduled is left to take effect, and the partner is evaluated again after it;
 * - above its tier: upgrade to the qualifying tier, effective and approved as the program says;
 * - at its tier: no change (a running grace period ends);
 * - below its tier: probation, grace, then one rank or straight down (see `belowTierMovement`).
 *
 * `currentLevel` is `undefined` when the partner's tier is not in the program: it then moves to the
 * tier it qualifies for.
 */
export function decideMovement(
  compiled: CompiledProgram,
  standing: TierStanding,
  currentLevel: number | undefined,
  qualifyingLevel: number,
): TierMovement {
  if (currentLevel === undefined) return unknownTierMovement(compiled, standing.tier?.tierId ?? '', qualifyingLevel);
  if (standing.status === 'overridden')
    return overrideMovement(compiled, standing.override, currentLevel, qualifyingLevel);
  if (standing.scheduled) {
    const scheduled = standing.scheduled;
    const to =
      scheduled.toTierId === null ? 'no tier' : levelName(compiled, compiled.levelOf.get(scheduled.toTierId) ?? 0);
    const step = traceStep(
      'scheduled_change',
      'info',
      `A ${scheduled.direction} to ${to} decided on ${scheduled.decidedOn} takes effect on ${scheduled.effectiveOn}: the partner is evaluated again once it has.`,
      {
        direction: scheduled.direction,
        toTierId: scheduled.toTierId,
        effectiveOn: scheduled.effectiveOn,
        decidedOn: scheduled.decidedOn,
      },
    );
    return staying(
      'no_change',
      currentLevel,
      { change: 'none' },
      [step],
      `No new proposal: the ${scheduled.direction} to ${to} on ${scheduled.effectiveOn} is already scheduled`,
    );
  }
  if (qualifyingLevel > currentLevel) return upgradeMovement(compiled, currentLevel, qualifyingLevel);
  if (qualifyingLevel === currentLevel || standing.status === 'untiered')
    return atTierMovement(compiled, standing, currentLevel);
  return belowTierMovement(compiled, standing, currentLevel, qualifyingLevel);
}
