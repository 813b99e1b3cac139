/**
 * The partner tier engine: metrics from partners' data, qualification on the program's criteria,
 * specializations, movement rules (grace, probation, overrides, one rank or straight down),
 * proposals with their explanations, applying them (effects as data), what-if on a draft program,
 * and the use cases against the tier ports.
 */
export * from './inputs/index.js';
export * from './ports/index.js';

export { metricWindowRange, type MetricWindowRange } from './time/metric-window.js';
export { tierEvaluationPeriods, type TierEvaluationPeriods } from './time/evaluation-periods.js';

export type { TierMetricTally } from './metrics/metric-tally.js';

export * from './standing/decider.js';
export * from './standing/tier-change.js';
export * from './standing/tier-standing.js';
export { initialTierStanding } from './standing/initial-standing.js';
export { settleScheduledTierChange, type SettledTierStanding } from './standing/settle-scheduled-change.js';

export * from './proposal/tier-plan.js';
export * from './proposal/tier-proposal.js';

export { createTierEvaluator, type TierEvaluator } from './evaluation/tier-evaluator.js';
export { evaluatePartnerTier, evaluatePartnerTierInputs } from './evaluation/evaluate-partner-tier.js';
export { tallyPartnerTierInputs } from './evaluation/tally-inputs.js';

export * from './applying/tier-effect.js';
export * from './applying/tier-proposal-record.js';
export { applyTierProposal, type TierApplyContext, type TierTransition } from './applying/apply-proposal.js';
export {
  approveTierProposal,
  pendingTierProposal,
  rejectTierProposal,
  sameTierProposal,
  supersedeTierProposal,
  type TierProposalDecision,
} from './applying/decide-proposal.js';
export { endTierOverride, overrideTier, type TierOverrideRequest } from './applying/override-tier.js';
export { settleDueTierChange } from './applying/settle-due-change.js';

export * from './what-if/what-if-report.js';
export { createTierMovementTally, type TierMovementTally } from './what-if/movement-tally.js';

export type { TierDependencies } from './use-cases/tier-dependencies.js';
export type { TierPartnerOutcome, TierPartnerOutcomeResult } from './use-cases/record-proposal.js';
export {
  evaluateAllPartners,
  evaluatePartnersInPages,
  type TierRunOptions,
  type TierRunSummary,
} from './use-cases/evaluate-all-partners.js';
export { evaluateOnePartner } from './use-cases/evaluate-one-partner.js';
export { decideTierProposal, type TierProposalDecisionRequest } from './use-cases/decide-tier-proposal.js';
export { endPartnerTierOverride, overridePartnerTier } from './use-cases/override-partner-tier.js';
export { whatIfProgram } from './use-cases/what-if-program.js';
export { settleDueTierChanges } from './use-cases/settle-due-tier-changes.js';
