import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierMovePlan } from '../proposal/tier-plan.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import type { TierDecider } from '../standing/decider.js';
import { settleScheduledTierChange } from '../standing/settle-scheduled-change.js';
import type { TierChange } from '../standing/tier-change.js';
import type { HeldSpecialization, TierStanding } from '../standing/tier-standing.js';
import { tierChangeEffects, tierName } from './tier-change-effects.js';
import type { TierEffect } from './tier-effect.js';

/** Who applies a proposal, when, and under which program. */
export interface TierApplyContext {
  program: Program;
  /** The day it is applied (a day of the program's calendar), on or after the evaluation. */
  appliedOn: CalendarDate;
  decidedBy: TierDecider;
  /** The stored proposal's id, for the tier history; `null` when it was never stored. */
  proposalId: string | null;
}

/** A standing after a transition, and the effects for the caller to perform. */
export interface TierTransition {
  next: TierStanding;
  effects: TierEffect[];
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

function applyMove(
  standing: TierStanding,
  plan: Extract<TierMovePlan, { change: 'move' }>,
  proposal: TierProposal,
  context: TierApplyContext,
): TierTransition {
  const { program, appliedOn, decidedBy, proposalId } = context;
  const partnerId = standing.partnerId;
  const effectiveOn = later(plan.effectiveOn, appliedOn);
  const fromTierId = standing.tier === null ? null : standing.tier.tierId;
  if (effectiveOn > appliedOn) {
    const scheduled = {
      direction: plan.direction,
      reason: plan.reason,
      toTierId: plan.toTierId,
      effectiveOn,
      decidedOn: proposal.evaluatedOn,
      appliedOn,
      decidedBy,
      proposalId,
      graceSinceAfter: plan.graceSinceAfter,
    };
    if (standing.status === 'overridden') throw new Error('A move is never planned for an overridden partner.');
    return {
      next: { ...standing, scheduled },
      effects: [
        {
          kind: 'notify',
          partnerId,
          event: 'tier_change_scheduled',
          message: `Tier to move from ${tierName(program, fromTierId)} to ${tierName(program, plan.toTierId)} on ${effectiveOn}.`,
        },
      ],
    };
  }
  const change: TierChange = {
    direction: plan.direction,
    reason: plan.reason,
    fromTierId,
    toTierId: plan.toTierId,
    effectiveOn,
    decidedOn: proposal.evaluatedOn,
    appliedOn,
    decidedBy,
    proposalId,
    note: null,
  };
  const shared = {
    partnerId,
    version: standing.version,
    specializations: standing.specializations,
    history: [...standing.history, change],
    override: null,
    scheduled: null,
  };
  const effects = tierChangeEffects(program, partnerId, fromTierId, plan.toTierId, effectiveOn);
  if (plan.toTierId === null) return { next: { ...shared, status: 'untiered', tier: null, grace: null }, effects };
  const tier = {
    tierId: plan.toTierId,
    since: effectiveOn,
    reachedBy: plan.direction,
    decidedOn: proposal.evaluatedOn,
  };
  return plan.graceSinceAfter === null
    ? { next: { ...shared, status: 'tiered', tier, grace: null }, effects }
    : { next: { ...shared, status: 'in_grace', tier, grace: { since: plan.graceSinceAfter } }, effects };
}

function applyEndOverride(
  standing: TierStanding,
  plan: Extract<TierMovePlan, { change: 'end_override' }>,
  proposal: TierProposal,
  context: TierApplyContext,
): TierTransition {
  if (standing.status !== 'overridden') throw new Error('Only an overridden partner has an override to end.');
  const { program, appliedOn, decidedBy, proposalId } = context;
  const partnerId = standing.partnerId;
  const fromTierId = standing.tier.tierId;
  const change: TierChange = {
    direction: plan.direction,
    reason: 'override_expired',
    fromTierId,
    toTierId: plan.toTierId,
    effectiveOn: appliedOn,
    decidedOn: proposal.evaluatedOn,
    appliedOn,
    decidedBy,
    proposalId,
    note: null,
  };
  const shared = {
    partnerId,
    version: standing.version,
    specializations: standing.specializations,
    history: [...standing.history, change],
    grace: null,
    override: null,
    scheduled: null,
  };
  const effects: TierEffect[] =
    plan.direction === 'same'
      ? [
          {
            kind: 'notify',
            partnerId,
            event: 'override_ended',
            message: `The override ended; ${tierName(program, fromTierId)} stays, as the partner qualifies for it.`,
          },
        ]
      : tierChangeEffects(program, partnerId, fromTierId, plan.toTierId, appliedOn);
  if (plan.toTierId === null) return { next: { ...shared, status: 'untiered', tier: null }, effects };
  const tier = {
    tierId: plan.toTierId,
    since: appliedOn,
    reachedBy: 'override_expired' as const,
    decidedOn: proposal.evaluatedOn,
  };
  return { next: { ...shared, status: 'tiered', tier }, effects };
}

function applyTierPlan(standing: TierStanding, proposal: TierProposal, context: TierApplyContext): TierTransition {
  const plan = proposal.plan.tier;
  const partnerId = standing.partnerId;
  const name = tierName(context.program, standing.tier === null ? null : standing.tier.tierId);
  switch (plan.change) {
    case 'none':
      return { next: standing, effects: [] };
    case 'start_grace':
      if (standing.status !== 'tiered') throw new Error('A grace period starts only for a partner holding a tier.');
      return {
        next: { ...standing, status: 'in_grace', grace: { since: proposal.evaluatedOn } },
        effects: [
          {
            kind: 'notify',
            partnerId,
            event: 'grace_started',
            message: `Below the criteria of ${name} since ${proposal.evaluatedOn}: ${name} is kept for the grace period.`,
          },
        ],
      };
    case 'end_grace':
      if (standing.status !== 'in_grace') throw new Error('Only a partner in grace has a grace period to end.');
      return {
        next: { ...standing, status: 'tiered', grace: null },
        effects: [
          {
            kind: 'notify',
            partnerId,
            event: 'grace_ended',
            message: `Meets the criteria of ${name} again: the grace period ends.`,
          },
        ],
      };
    case 'move':
      return applyMove(standing, plan, proposal, context);
    case 'end_override':
      return applyEndOverride(standing, plan, proposal, context);
  }
}

function applySpecializationPlan(
  standing: TierStanding,
  proposal: TierProposal,
  context: TierApplyContext,
): TierTransition {
  const plan = proposal.plan.specializations;
  const removed = new Set(plan.remove);
  const startGrace = new Set(plan.startGrace);
  const endGrace = new Set(plan.endGrace);
  const held: HeldSpecialization[] = [];
  for (const entry of standing.specializations) {
    if (removed.has(entry.specializationId)) continue;
    if (startGrace.has(entry.specializationId)) held.push({ ...entry, graceSince: proposal.evaluatedOn });
    else if (endGrace.has(entry.specializationId)) held.push({ ...entry, graceSince: null });
    else held.push(entry);
  }
  for (const specializationId of plan.award)
    held.push({ specializationId, since: context.appliedOn, graceSince: null });
  const effects: TierEffect[] = [];
  if (plan.award.length > 0 || plan.remove.length > 0) {
    const ids = held.map((entry) => entry.specializationId);
    effects.push(
      {
        kind: 'update_partner_specializations',
        partnerId: standing.partnerId,
        specializationIds: ids,
        effectiveOn: context.appliedOn,
      },
      {
        kind: 'notify',
        partnerId: standing.partnerId,
        event: 'specializations_changed',
        message: proposal.trace.summary,
      },
    );
  }
  return { next: { ...standing, specializations: held }, effects };
}

/**
 * Applies a proposal to the standing it was computed from, on `appliedOn`: first any scheduled change
 * that has come due, then the tier plan (a grace period starting or ending, a move taking effect or
 * being scheduled, an expired override giving way), then the specializations. A move approved after
 * the day it was to take effect takes effect on the day it is applied. Pure: returns the next standing
 * and the effects (tier field, benefits, notifications) for the caller to perform.
 *
 * Fails with `proposal_stale` when the standing changed since the evaluation (re-evaluate instead),
 * and with `unknown_tier` when the program no longer has the tier the proposal moves to.
 */
export function applyTierProposal(
  standing: TierStanding,
  proposal: TierProposal,
  context: TierApplyContext,
): Result<TierTransition> {
  if (standing.partnerId !== proposal.partnerId) {
    throw new Error(`A proposal for partner ${proposal.partnerId} cannot apply to partner ${standing.partnerId}.`);
  }
  if (context.appliedOn < proposal.evaluatedOn)
    throw new Error('A proposal cannot be applied before its evaluation date.');
  if (standing.version !== proposal.standingVersion) {
    return fail([
      issue(
        ['standingVersion'],
        'proposal_stale',
        `The partner's tier standing changed since this proposal was made (version ${proposal.standingVersion}, now ${standing.version}): evaluate the partner again.`,
      ),
    ]);
  }
  const tierPlan = proposal.plan.tier;
  const target = tierPlan.change === 'move' || tierPlan.change === 'end_override' ? tierPlan.toTierId : null;
  if (target !== null && !context.program.tiers.some((tier) => tier.id === target)) {
    return fail([
      issue(
        ['plan', 'tier', 'toTierId'],
        'unknown_tier',
        `The program has no tier "${target}" any more: evaluate the partner again.`,
      ),
    ]);
  }
  const settled = settleScheduledTierChange(standing, context.appliedOn);
  const effects: TierEffect[] = settled.settled
    ? tierChangeEffects(
        context.program,
        standing.partnerId,
        settled.settled.fromTierId,
        settled.settled.toTierId,
        settled.settled.effectiveOn,
      )
    : [];
  const tier = applyTierPlan(settled.standing, proposal, context);
  const specializations = applySpecializationPlan(tier.next, proposal, context);
  return ok({ next: specializations.next, effects: [...effects, ...tier.effects, ...specializations.effects] });
}
