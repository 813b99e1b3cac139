import type { Program } from '../../program/schema/program.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import { initialTierStanding } from '../standing/initial-standing.js';
import type { TierStanding } from '../standing/tier-standing.js';
import { tallyPartnerTierInputs } from './tally-inputs.js';
import { createTierEvaluator, type TierEvaluator } from './tier-evaluator.js';

/**
 * Evaluates one partner from plain arrays: the proposal for its tier and specializations on `asOf`,
 * with its explanation. A partner without a standing starts from its record's tier (`inputs.tierId`).
 * Pure. For many partners, build one evaluator with `createTierEvaluator` and use `evaluatePartnerTierInputs`.
 *
 * @example evaluatePartnerTier(program, standing, inputs, '2026-11-24').kind // 'upgrade'
 */
export function evaluatePartnerTier(
  program: Program,
  standing: TierStanding | undefined,
  inputs: PartnerTierInputs,
  asOf: CalendarDate,
): TierProposal {
  return evaluatePartnerTierInputs(createTierEvaluator(program, asOf), standing, inputs);
}

/** Evaluates one partner's plain-array inputs with an evaluator built for the run. */
export function evaluatePartnerTierInputs(
  evaluator: TierEvaluator,
  standing: TierStanding | undefined,
  inputs: PartnerTierInputs,
): TierProposal {
  const start =
    standing ?? initialTierStanding(inputs.partnerId, inputs.tierId, inputs.specializationIds, evaluator.asOf);
  if (start.partnerId !== inputs.partnerId) {
    throw new Error(
      `The standing of partner ${start.partnerId} was given with the inputs of partner ${inputs.partnerId}.`,
    );
  }
  return evaluator.evaluate(start, tallyPartnerTierInputs(evaluator.newTally(), inputs));
}
