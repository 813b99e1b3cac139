import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { change, commonOf, notify, setPartnerStatus } from '../effect-builders.js';
import type { PartnerLifecycleEffect } from '../lifecycle-effect.js';
import { pendingRequiredMilestones } from '../milestones/milestone-progress.js';
import type { LifecycleActor } from '../record/actor.js';
import type { OnboardingMilestone } from '../record/milestone.js';
import type { LifecycleIn } from '../record/partner-lifecycle.js';
import type { LifecycleMoment } from '../transition-types.js';
import { milestoneList, partnerWords } from '../words.js';

/** The check activation rests on: every required milestone completed or waived. */
export function requiredMilestonesStep(milestones: readonly OnboardingMilestone[]): TraceStep {
  const required = milestones.filter((milestone) => milestone.required);
  const pending = pendingRequiredMilestones(milestones);
  const facts = { required: required.length, pending: pending.map((milestone) => milestone.id) };
  if (pending.length > 0) {
    return traceStep(
      'required_milestones',
      'fail',
      `${pending.length} of ${required.length} required milestones ${pending.length === 1 ? 'is' : 'are'} still pending: ${milestoneList(pending)}.`,
      facts,
    );
  }
  const message =
    required.length === 0
      ? 'The onboarding has no required milestone.'
      : `All ${required.length} required milestones are completed or waived.`;
  return traceStep('required_milestones', 'pass', message, facts);
}

/**
 * onboarding → active, by a person or by the program (automatic activation). The caller has checked the
 * required milestones. The partner and its channel manager are told; its CRM status follows.
 */
export function activated(
  lifecycle: LifecycleIn<'onboarding'>,
  by: LifecycleActor,
  moment: LifecycleMoment,
): { next: LifecycleIn<'active'>; effects: PartnerLifecycleEffect[] } {
  const next: LifecycleIn<'active'> = {
    ...commonOf(lifecycle, change('active', moment.at, by, null)),
    status: 'active',
    approval: lifecycle.approval,
    onboarding: lifecycle.onboarding,
    activation: { at: moment.at, by },
    reactivatedAt: null,
  };
  const name = partnerWords(next);
  const how =
    by.kind === 'automatic' ? 'automatically, its required onboarding milestones being done' : `by ${by.userId}`;
  return {
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'active'),
      notify(next, 'partner', 'activated', `${name} is now an active partner of ${moment.program.name}.`),
      notify(next, 'channel_manager', 'activated', `${name} was activated ${how}.`),
    ],
  };
}
