import { fail, ok, type Result } from '../../result/result.js';
import { traceStep } from '../../trace/decision-trace.js';
import type { LifecycleSourceOf } from '../allowed-events.js';
import { change, commonOf, lifecycleTrace, notify, setPartnerStatus } from '../effect-builders.js';
import type { PartnerLifecycleEffect } from '../lifecycle-effect.js';
import type { LifecycleEventOf } from '../lifecycle-event.js';
import { pendingRequiredMilestones } from '../milestones/milestone-progress.js';
import { planMilestones } from '../milestones/plan-milestones.js';
import { AUTOMATIC, byUser } from '../record/actor.js';
import type { Onboarding } from '../record/milestone.js';
import type { LifecycleIn } from '../record/partner-lifecycle.js';
import { onboardingIncomplete } from '../refusals.js';
import type { LifecycleMoment, LifecycleTransition } from '../transition-types.js';
import { milestoneList, partnerWords } from '../words.js';
import { activated, requiredMilestonesStep } from './activation.js';

/**
 * approved → onboarding: the program's milestones are planned from today, the checklist is started and
 * the partner is told what is due when. Under automatic activation, a plan without required milestones
 * makes the partner active at once.
 */
export function startOnboarding(
  lifecycle: LifecycleSourceOf<'start_onboarding'>,
  event: LifecycleEventOf<'start_onboarding'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const policy = moment.program.lifecycle.onboarding;
  const milestones = planMilestones(policy, moment.today);
  const onboarding: Onboarding = { startedAt: moment.at, startedOn: moment.today, startedBy: event.by, milestones };
  const started: LifecycleIn<'onboarding'> = {
    ...commonOf(lifecycle, change('onboarding', moment.at, byUser(event.by), null)),
    status: 'onboarding',
    approval: lifecycle.approval,
    onboarding,
  };
  const name = partnerWords(started);
  const plan =
    milestones.length === 0 ? 'it has no milestones to complete' : `its milestones are ${milestoneList(milestones)}`;
  const effects: PartnerLifecycleEffect[] = [
    setPartnerStatus(started.partnerId, 'onboarding'),
    ...(milestones.length === 0
      ? []
      : [
          {
            type: 'start_onboarding_checklist' as const,
            partnerId: started.partnerId,
            milestones: milestones.map(({ id, name: title, required, dueOn }) => ({
              id,
              name: title,
              required,
              dueOn,
            })),
          },
        ]),
    notify(started, 'partner', 'onboarding_started', `The onboarding of ${name} has started: ${plan}.`),
  ];
  const planStep = traceStep(
    'onboarding_plan',
    'info',
    `${event.by} started the onboarding on ${moment.today} with ${milestones.length} ${milestones.length === 1 ? 'milestone' : 'milestones'}.`,
    { startedOn: moment.today, milestones: milestones.map((milestone) => milestone.id) },
  );
  if (policy.activation === 'automatic' && pendingRequiredMilestones(milestones).length === 0) {
    const activation = activated(started, AUTOMATIC, moment);
    return {
      next: activation.next,
      effects: [...effects.filter((effect) => effect.type !== 'set_partner_status'), ...activation.effects],
      trace: lifecycleTrace(
        activation.next,
        `${name} started onboarding and, having no required milestone, was activated automatically.`,
        [planStep, requiredMilestonesStep(milestones)],
      ),
    };
  }
  return {
    next: started,
    effects,
    trace: lifecycleTrace(started, `${name} started onboarding: ${plan}.`, [planStep]),
  };
}

/**
 * onboarding → active by a channel manager, once every required milestone is completed or waived
 * (`onboarding_incomplete` otherwise). Optional milestones may stay open.
 */
export function activate(
  lifecycle: LifecycleSourceOf<'activate'>,
  event: LifecycleEventOf<'activate'>,
  moment: LifecycleMoment,
): Result<LifecycleTransition> {
  const { milestones } = lifecycle.onboarding;
  const pending = pendingRequiredMilestones(milestones);
  if (pending.length > 0) return fail([onboardingIncomplete(lifecycle, pending)]);
  const { next, effects } = activated(lifecycle, byUser(event.by), moment);
  return ok({
    next,
    effects,
    trace: lifecycleTrace(next, `${event.by} activated ${partnerWords(next)}.`, [requiredMilestonesStep(milestones)]),
  });
}
