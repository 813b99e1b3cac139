import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { decisionTrace } from '../../trace/decision-trace.js';
import { criteriaMet } from '../criteria/criterion-reading.js';
import { MeasureTally, type TierMetricTally } from '../metrics/metric-tally.js';
import { decideMovement } from '../movement/decide-movement.js';
import { tierProposalAction } from '../proposal/proposal-action.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import { decideSpecializations } from '../specializations/decide-specializations.js';
import { settleScheduledTierChange } from '../standing/settle-scheduled-change.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { compileProgram, levelTierId, type CompiledProgram } from './compiled-program.js';
import { foreignCurrencyIssues } from './data-issues.js';
import { explainGap, explainTiers } from './explain-tiers.js';

/**
 * A program ready to evaluate partners on one date. Build it once per run, then stream each partner's
 * data into a tally and evaluate: nothing of a partner is kept once its proposal is returned.
 *
 * @example
 * const evaluator = createTierEvaluator(program, '2026-11-24');
 * const tally = evaluator.newTally();
 * for (const partner of partners) {
 *   tally.reset();
 *   for (const deal of dealsOf(partner)) tally.addWonDeal(deal.role, deal.closedOnDay, deal.amount, deal.currency);
 *   const proposal = evaluator.evaluate(standingOf(partner), tally);
 * }
 */
export interface TierEvaluator {
  readonly program: Program;
  /** The evaluation date, a day of the program's calendar. */
  readonly asOf: CalendarDate;
  /** The earliest day a window reads: deals, registrations, scores and windowed custom values before it change nothing. */
  readonly dataFrom: CalendarDate;
  /** A tally for one partner's data; reset it between partners. */
  newTally(): TierMetricTally;
  /** The proposal for a partner from its standing and its tallied data. Pure. */
  evaluate(standing: TierStanding, tally: TierMetricTally): TierProposal;
}

/** Prepares a validated program for evaluations on `asOf` (windows resolved, criteria bound to measures). */
export function createTierEvaluator(program: Program, asOf: CalendarDate): TierEvaluator {
  const compiled = compileProgram(program, asOf);
  return {
    program,
    asOf,
    dataFrom: compiled.dataFrom,
    newTally: () => new MeasureTally(compiled.catalog.measures, program.currency, compiled.asOfDay),
    evaluate: (standing, tally) => evaluateWith(compiled, standing, tally),
  };
}

function qualifyingLevelOf(compiled: CompiledProgram, tally: TierMetricTally): number {
  for (let index = compiled.tiers.length - 1; index >= 0; index--) {
    if (criteriaMet(compiled.tiers[index]!.criteria, tally)) return index + 1;
  }
  return 0;
}

function levelOfTier(compiled: CompiledProgram, tierId: string | null): number {
  return tierId === null ? 0 : (compiled.levelOf.get(tierId) ?? 0);
}

function evaluateWith(compiled: CompiledProgram, stored: TierStanding, tally: TierMetricTally): TierProposal {
  const { program, asOf } = compiled;
  const { standing } = settleScheduledTierChange(stored, asOf);
  const fromTierId = standing.tier === null ? null : standing.tier.tierId;
  const currentLevel = fromTierId === null ? 0 : compiled.levelOf.get(fromTierId);
  const { issues, steps } = foreignCurrencyIssues(tally, program.currency);
  if (currentLevel === undefined) {
    issues.push(
      issue(
        ['tierId'],
        'unknown_tier',
        `The partner's tier "${fromTierId}" is not in the program "${program.name}": it moves to the tier it qualifies for.`,
      ),
    );
  }
  const qualifyingLevel = qualifyingLevelOf(compiled, tally);
  const movement = decideMovement(compiled, standing, currentLevel, qualifyingLevel);
  // Specializations are judged against the tier the partner is heading to: a scheduled one, or this proposal's.
  const heading = standing.scheduled === null ? movement.toLevel : levelOfTier(compiled, standing.scheduled.toTierId);
  const specializations = decideSpecializations(compiled, standing, tally, heading);
  const plan = { tier: movement.plan, specializations: specializations.plan };

  const level = currentLevel ?? 0;
  steps.push(
    ...explainTiers(compiled, level, movement.toLevel, qualifyingLevel, tally),
    ...movement.steps,
    explainGap(compiled, movement.toLevel, qualifyingLevel, tally),
    ...specializations.steps,
  );
  const summary = `${movement.summary}${specializations.changes ? `; ${specializations.changes}` : ''}.`;
  const toTierId =
    movement.toLevel === movement.fromLevel && currentLevel !== undefined
      ? fromTierId
      : levelTierId(compiled, movement.toLevel);
  return {
    partnerId: stored.partnerId,
    programId: program.id,
    evaluatedOn: asOf,
    standingVersion: stored.version,
    kind: movement.kind,
    fromTierId,
    toTierId,
    qualifyingTierId: levelTierId(compiled, qualifyingLevel),
    effectiveOn: movement.effectiveOn,
    action: tierProposalAction(plan, program.tierPolicy, issues.length > 0),
    plan,
    issues,
    trace: decisionTrace('tiers.proposal', { type: 'partner', id: stored.partnerId }, movement.kind, summary, steps),
  };
}
