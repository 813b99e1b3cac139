import type { CalendarDate } from '../../time/calendar-date.js';
import type { OnboardingMilestone, PendingMilestone } from '../record/milestone.js';

/** Whether a milestone is still to do and past its due day on the program day `today`. */
export function isOverdue(milestone: OnboardingMilestone, today: CalendarDate): milestone is PendingMilestone {
  return milestone.status === 'pending' && milestone.dueOn < today;
}

/**
 * The milestones overdue on `today`, in plan order: pending, and due before today.
 *
 * @example overdueMilestones(lifecycle.onboarding.milestones, '2026-12-20').map((m) => m.id) // ['agreement', 'portal-users']
 */
export function overdueMilestones(milestones: readonly OnboardingMilestone[], today: CalendarDate): PendingMilestone[] {
  return milestones.filter((milestone) => isOverdue(milestone, today));
}

/** The required milestones still pending: what activation waits for. */
export function pendingRequiredMilestones(milestones: readonly OnboardingMilestone[]): PendingMilestone[] {
  return milestones.filter(
    (milestone): milestone is PendingMilestone => milestone.required && milestone.status === 'pending',
  );
}

/**
 * Where an onboarding stands on `today`, for a checklist view: counts of milestones done (completed or
 * waived), pending, overdue, and required ones still pending, with the next due day.
 */
export interface OnboardingProgress {
  total: number;
  done: number;
  pending: number;
  overdue: number;
  requiredPending: number;
  /** The earliest due day among pending milestones; `null` when none is pending. */
  nextDueOn: CalendarDate | null;
}

/** Counts an onboarding's milestones on the program day `today`. */
export function onboardingProgress(
  milestones: readonly OnboardingMilestone[],
  today: CalendarDate,
): OnboardingProgress {
  const pending = milestones.filter((milestone) => milestone.status === 'pending');
  return {
    total: milestones.length,
    done: milestones.length - pending.length,
    pending: pending.length,
    overdue: overdueMilestones(milestones, today).length,
    requiredPending: pendingRequiredMilestones(milestones).length,
    nextDueOn: pending.reduce<CalendarDate | null>(
      (earliest, milestone) => (earliest === null || milestone.dueOn < earliest ? milestone.dueOn : earliest),
      null,
    ),
  };
}
