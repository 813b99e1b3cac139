import type { TierPolicy } from '../../program/schema/tiers.js';
import type { TierProposalAction } from './tier-proposal.js';
import type { TierPlan } from './tier-plan.js';

/**
 * What to do with a plan under a tier policy. Moves follow the policy's approval for their direction
 * (an award of a specialization counts as an upgrade, a removal as a downgrade); bookkeeping (a grace
 * period starting or ending, an expired override giving way to the same tier) applies automatically.
 * When the partner's data has issues, a move waits for a person whatever the policy says.
 *
 * @example tierProposalAction(plan, policy, false) // 'await_approval' for a downgrade under manual approval
 */
export function tierProposalAction(plan: TierPlan, policy: TierPolicy, hasIssues: boolean): TierProposalAction {
  let manual = false;
  let moves = false;
  let anything = false;
  const tier = plan.tier;
  if (tier.change === 'move' || (tier.change === 'end_override' && tier.direction !== 'same')) {
    moves = true;
    manual ||= (tier.direction === 'upgrade' ? policy.upgrades : policy.downgrades).approval === 'manual';
  }
  if (tier.change !== 'none') anything = true;
  const specializations = plan.specializations;
  if (specializations.award.length > 0) {
    moves = true;
    manual ||= policy.upgrades.approval === 'manual';
  }
  if (specializations.remove.length > 0) {
    moves = true;
    manual ||= policy.downgrades.approval === 'manual';
  }
  anything ||= moves || specializations.startGrace.length > 0 || specializations.endGrace.length > 0;
  if (!anything) return 'none';
  return manual || (moves && hasIssues) ? 'await_approval' : 'apply_automatically';
}
