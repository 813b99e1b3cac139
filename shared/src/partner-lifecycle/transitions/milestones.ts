import { fail, ok, type Result } from '../../result/result.js';
import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import type { LifecycleSourceOf } from '../allowed-events.js';
import { lifecycleTrace, notify } from '../effect-builders.js';
import type { PartnerLifecycleEffect } from '../lifecycle-effect.js';
import type { LifecycleEventOf } from '../lifecycle-event.js';
import { overdueMilestones, pendingRequiredMilestones } from '../milestones/milestone-progress.js';
import { AUTOMATIC } from '../record/actor.js';
import type { OnboardingMilestone, PendingMilestone } from '../record/milestone.js';
import type { LifecycleIn } from '../record/partner-lifecycle.js';
import { milestoneClosed, nothingOverdue, unknownMilestone } from '../refusals.js';
import type { LifecycleMoment, LifecycleTransition } from '../transition-types.js';
import { milestoneList, partnerWords } from '../words.js';
import { activated, requiredMilestonesStep } from './activation.js';

type WithMilestones = LifecycleSourceOf<'complete_milestone'>;

/** The same lifecycle with its milestones replaced. */
function withMilestones<L extends WithMilestones>(lifecycle: L, milestones: OnboardingMilestone[]): L {
  return { ...lifecycle, history: [...lifecycle.history], onboarding: { ...lifecycle.onboarding, milestones } };
}

/**
 * Closes one pending milestone (completed or waived) while onboarding or once active. Refused when the
 * plan has no such milestone (`unknown_milestone`) or it is already closed (`milestone_closed`). While
 * onboarding under automatic activation, closing the last pending required milestone makes the partner
 * active in the same transition.
 */
function closeMilestone(
  lifecycle: WithMilestones,
  milestoneId: string,
  close: (pending: PendingMilestone) => OnboardingMilestone,
  describe: (closed: OnboardingMilestone) => { step: TraceStep; notice: PartnerLifecycleEffect },
  moment: LifecycleMoment,
): Result<LifecycleTransition> {
  const { milestones } = lifecycle.onboarding;
  const target = milestones.find((milestone) => milestone.id === milestoneId);
  if (!target) {
    return fail([
      unknownMilestone(
        lifecycle,
        milestoneId,
        milestones.map((milestone) => milestone.id),
      ),
    ]);
  }
  if (target.status !== 'pending') return fail([milestoneClosed(lifecycle, target)]);
  const closed = close(target);
  const updated = withMilestones(
    lifecycle,
    milestones.map((milestone) => (milestone.id === milestoneId ? closed : milestone)),
  );
  const { step, notice } = describe(closed);
  const effects: PartnerLifecycleEffect[] = [
    {
      type: 'close_milestone_task',
      partnerId: lifecycle.partnerId,
      milestoneId,
      outcome: closed.status === 'waived' ? 'waived' : 'completed',
    },
    notice,
  ];
  const name = partnerWords(updated);
  if (updated.status !== 'onboarding') {
    return ok({ next: updated, effects, trace: lifecycleTrace(updated, step.message, [step]) });
  }
  const requiredStep = requiredMilestonesStep(updated.onboarding.milestones);
  const automatic = moment.program.lifecycle.onboarding.activation === 'automatic';
  if (automatic && pendingRequiredMilestones(updated.onboarding.milestones).length === 0) {
    const activation = activated(updated, AUTOMATIC, moment);
    return ok({
      next: activation.next,
      effects: [...effects, ...activation.effects],
      trace: lifecycleTrace(
        activation.next,
        `${step.message} Every required milestone being done, ${name} was activated automatically.`,
        [step, requiredStep],
      ),
    });
  }
  return ok({ next: updated, effects, trace: lifecycleTrace(updated, step.message, [step, requiredStep]) });
}

/** A pending milestone → completed today, by the user who reports it. The channel manager is told. */
export function completeMilestone(
  lifecycle: LifecycleSourceOf<'complete_milestone'>,
  event: LifecycleEventOf<'complete_milestone'>,
  moment: LifecycleMoment,
): Result<LifecycleTransition> {
  return closeMilestone(
    lifecycle,
    event.milestoneId,
    (pending) => ({
      id: pending.id,
      name: pending.name,
      required: pending.required,
      dueOn: pending.dueOn,
      status: 'completed',
      completedOn: moment.today,
      completedAt: moment.at,
      completedBy: event.by,
    }),
    (closed) => {
      const late = moment.today > closed.dueOn;
      const message = `${event.by} completed the milestone "${closed.name}" of ${partnerWords(lifecycle)} on ${moment.today}${late ? `, after its due day ${closed.dueOn}` : ''}.`;
      return {
        step: traceStep('milestone', late ? 'info' : 'pass', message, {
          milestoneId: closed.id,
          dueOn: closed.dueOn,
          completedOn: moment.today,
          late,
        }),
        notice: notify(lifecycle, 'channel_manager', 'milestone_completed', message),
      };
    },
    moment,
  );
}

/** A pending milestone → waived today, with the reason. The partner is told it no longer needs doing. */
export function waiveMilestone(
  lifecycle: LifecycleSourceOf<'waive_milestone'>,
  event: LifecycleEventOf<'waive_milestone'>,
  moment: LifecycleMoment,
): Result<LifecycleTransition> {
  return closeMilestone(
    lifecycle,
    event.milestoneId,
    (pending) => ({
      id: pending.id,
      name: pending.name,
      required: pending.required,
      dueOn: pending.dueOn,
      status: 'waived',
      waivedOn: moment.today,
      waivedAt: moment.at,
      waivedBy: event.by,
      reason: event.reason,
    }),
    (closed) => {
      const message = `${event.by} waived the milestone "${closed.name}" of ${partnerWords(lifecycle)}: ${event.reason}`;
      return {
        step: traceStep('milestone', 'skip', message, { milestoneId: closed.id, reason: event.reason }),
        notice: notify(lifecycle, 'partner', 'milestone_waived', message),
      };
    },
    moment,
  );
}

/**
 * Reports the milestones that became overdue (pending, due before today) since the last report: each is
 * marked with today's date so that it is reported once, and the partner and its channel manager are told.
 * `nothing_overdue` when there is nothing new to report.
 */
export function flagOverdueMilestones(
  lifecycle: LifecycleSourceOf<'flag_overdue_milestones'>,
  moment: LifecycleMoment,
): Result<LifecycleTransition> {
  const { milestones } = lifecycle.onboarding;
  const overdue = overdueMilestones(milestones, moment.today);
  const fresh = overdue.filter((milestone) => milestone.overdueFlaggedOn === null);
  if (fresh.length === 0) return fail([nothingOverdue(lifecycle, moment.today)]);
  const freshIds = new Set(fresh.map((milestone) => milestone.id));
  const next: LifecycleIn<'onboarding' | 'active'> = withMilestones(
    lifecycle,
    milestones.map((milestone) =>
      milestone.status === 'pending' && freshIds.has(milestone.id)
        ? { ...milestone, overdueFlaggedOn: moment.today }
        : milestone,
    ),
  );
  const name = partnerWords(next);
  const what = `${fresh.length === 1 ? 'A milestone is' : `${fresh.length} milestones are`} overdue for ${name} on ${moment.today}: ${milestoneList(fresh)}.`;
  return ok({
    next,
    effects: [
      notify(next, 'partner', 'milestones_overdue', what),
      notify(next, 'channel_manager', 'milestones_overdue', what),
    ],
    trace: lifecycleTrace(next, what, [
      traceStep('overdue_milestones', 'fail', what, {
        today: moment.today,
        newlyOverdue: fresh.map((milestone) => milestone.id),
        overdue: overdue.map((milestone) => milestone.id),
      }),
    ]),
  });
}
