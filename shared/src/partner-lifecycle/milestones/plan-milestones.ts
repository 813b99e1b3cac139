import type { OnboardingPolicy } from '../../program/schema/lifecycle-policy.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { PendingMilestone } from '../record/milestone.js';

/**
 * The milestones of an onboarding that starts on the program day `startedOn`: one per milestone of the
 * policy, in its order, each due `dueDays` days later (a milestone of 0 days is due on the start day).
 * The plan is fixed when onboarding starts: a later change of the program does not move it.
 *
 * @example planMilestones(program.lifecycle.onboarding, '2026-11-24')[0] // { id: 'agreement', dueOn: '2026-12-01', status: 'pending', … }
 */
export function planMilestones(policy: OnboardingPolicy, startedOn: CalendarDate): PendingMilestone[] {
  return policy.milestones.map((milestone) => ({
    id: milestone.id,
    name: milestone.name,
    required: milestone.required,
    dueOn: addDays(startedOn, milestone.dueDays),
    status: 'pending',
    overdueFlaggedOn: null,
  }));
}
