import { issue, type Issue } from '../result/issue.js';
import type { CalendarDate } from '../time/calendar-date.js';
import { LIFECYCLE_EVENT_SOURCES } from './allowed-events.js';
import type { PartnerLifecycleEventType } from './lifecycle-event.js';
import type { OnboardingMilestone, PendingMilestone } from './record/milestone.js';
import type { PartnerLifecycle } from './record/partner-lifecycle.js';
import {
  joinAnd,
  joinOr,
  LIFECYCLE_ACTION_WORDS,
  LIFECYCLE_STATUS_WORDS,
  milestoneList,
  partnerWords,
} from './words.js';

/*
 * The issues a lifecycle transition refuses an event with. Each code is stable; each message names the
 * partner and says what would be allowed instead.
 */

/** `transition_not_allowed`: the event does not apply to the partner's status. */
export function notAllowed(lifecycle: PartnerLifecycle, type: PartnerLifecycleEventType): Issue {
  const allowed = joinOr(LIFECYCLE_EVENT_SOURCES[type].map((status) => LIFECYCLE_STATUS_WORDS[status]));
  return issue(
    ['type'],
    'transition_not_allowed',
    `Partner ${partnerWords(lifecycle)} cannot ${LIFECYCLE_ACTION_WORDS[type]}: it is ${LIFECYCLE_STATUS_WORDS[lifecycle.status]}, and only a partner that is ${allowed} can.`,
  );
}

/** `unknown_milestone`: the milestone is not in the partner's onboarding plan. */
export function unknownMilestone(lifecycle: PartnerLifecycle, milestoneId: string, planned: readonly string[]): Issue {
  const known =
    planned.length === 0
      ? 'its onboarding has no milestones'
      : `its milestones are ${joinAnd(planned.map((id) => `"${id}"`))}`;
  return issue(
    ['milestoneId'],
    'unknown_milestone',
    `Partner ${partnerWords(lifecycle)} has no onboarding milestone "${milestoneId}": ${known}.`,
  );
}

/** `milestone_closed`: the milestone was already completed or waived. */
export function milestoneClosed(
  lifecycle: PartnerLifecycle,
  milestone: Exclude<OnboardingMilestone, PendingMilestone>,
): Issue {
  const when =
    milestone.status === 'completed' ? `completed on ${milestone.completedOn}` : `waived on ${milestone.waivedOn}`;
  return issue(
    ['milestoneId'],
    'milestone_closed',
    `The milestone "${milestone.name}" of ${partnerWords(lifecycle)} was already ${when}.`,
  );
}

/** `onboarding_incomplete`: activation while required milestones are still pending. */
export function onboardingIncomplete(lifecycle: PartnerLifecycle, pending: readonly PendingMilestone[]): Issue {
  return issue(
    [],
    'onboarding_incomplete',
    `Partner ${partnerWords(lifecycle)} cannot be activated yet: ${pending.length === 1 ? 'a required milestone is' : `${pending.length} required milestones are`} still pending, ${milestoneList(pending)}. Complete or waive ${pending.length === 1 ? 'it' : 'them'} first.`,
  );
}

/** `nothing_overdue`: no milestone became overdue since the last report. */
export function nothingOverdue(lifecycle: PartnerLifecycle, today: CalendarDate): Issue {
  return issue(
    [],
    'nothing_overdue',
    `Partner ${partnerWords(lifecycle)} has no milestone newly overdue on ${today}: nothing to report.`,
  );
}
