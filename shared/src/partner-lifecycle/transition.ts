import { schemaIssues } from '../program/messages/schema-issues.js';
import { fail, ok, type Result } from '../result/result.js';
import { calendarDateIn } from '../time/time-zone.js';
import { lifecycleAccepts, type LifecycleSourceOf } from './allowed-events.js';
import {
  PartnerLifecycleEventSchema,
  type PartnerLifecycleEvent,
  type PartnerLifecycleEventType,
} from './lifecycle-event.js';
import type { PartnerLifecycle } from './record/partner-lifecycle.js';
import { notAllowed } from './refusals.js';
import type { LifecycleMoment, LifecycleTransition, LifecycleTransitionContext } from './transition-types.js';
import { approve, reject } from './transitions/application.js';
import { completeMilestone, flagOverdueMilestones, waiveMilestone } from './transitions/milestones.js';
import { activate, startOnboarding } from './transitions/onboarding.js';
import { offboard, reactivate, suspend } from './transitions/standing.js';

function when<T extends PartnerLifecycleEventType>(
  lifecycle: PartnerLifecycle,
  type: T,
  run: (source: LifecycleSourceOf<T>) => Result<LifecycleTransition> | LifecycleTransition,
): Result<LifecycleTransition> {
  if (!lifecycleAccepts(lifecycle, type)) return fail([notAllowed(lifecycle, type)]);
  const outcome = run(lifecycle);
  return 'success' in outcome ? outcome : ok(outcome);
}

/** The moment of a transition: the program, `now` as an instant, and the program's day at `now`. */
export function lifecycleMoment({ program, now }: LifecycleTransitionContext): LifecycleMoment {
  if (Number.isNaN(now.getTime())) throw new Error('The transition needs a valid instant as now.');
  return { program, at: now.toISOString(), today: calendarDateIn(now, program.fiscalCalendar.timeZone) };
}

/**
 * The partner lifecycle as a pure transition:
 * applicant → approved | rejected; approved → onboarding (the program's milestones planned from the
 * program's today, each due `dueDays` later) → active (by a channel manager once every required milestone
 * is completed or waived, or automatically when the program says so); active → suspended → active again;
 * approved, onboarding, active or suspended → offboarded. Milestones close while onboarding or once active;
 * `flag_overdue_milestones` reports, once each, the milestones past their due day.
 *
 * The event is checked first (its shape, and reasons that must not be blank: `reason_required`), then the
 * state (`transition_not_allowed`), then the event's own rule (`unknown_milestone`, `milestone_closed`,
 * `onboarding_incomplete`, `nothing_overdue`). An accepted event returns the next state (with the input's
 * `version`: the repository increases it on save), the effects for the caller to perform (notify, write the
 * partner's CRM status, start or cancel the onboarding checklist, recall lead offers) and the decision's
 * trace; a refused one returns issues and no state. Never reads the clock, never performs an effect, never
 * changes its arguments.
 *
 * @example
 * const result = transitionPartnerLifecycle(lifecycle, { type: 'activate', by: 'u-7' }, { program, now: clock.now() });
 * if (result.success) {
 *   await lifecycles.save(result.data.next, { expectedVersion: lifecycle.version });
 *   await perform(result.data.effects);
 * }
 */
export function transitionPartnerLifecycle(
  lifecycle: PartnerLifecycle,
  event: PartnerLifecycleEvent,
  context: LifecycleTransitionContext,
): Result<LifecycleTransition> {
  const moment = lifecycleMoment(context);
  const parsed = PartnerLifecycleEventSchema.safeParse(event, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The event'));
  const checked = parsed.data;
  switch (checked.type) {
    case 'approve':
      return when(lifecycle, checked.type, (source) => approve(source, checked, moment));
    case 'reject':
      return when(lifecycle, checked.type, (source) => reject(source, checked, moment));
    case 'start_onboarding':
      return when(lifecycle, checked.type, (source) => startOnboarding(source, checked, moment));
    case 'complete_milestone':
      return when(lifecycle, checked.type, (source) => completeMilestone(source, checked, moment));
    case 'waive_milestone':
      return when(lifecycle, checked.type, (source) => waiveMilestone(source, checked, moment));
    case 'activate':
      return when(lifecycle, checked.type, (source) => activate(source, checked, moment));
    case 'suspend':
      return when(lifecycle, checked.type, (source) => suspend(source, checked, moment));
    case 'reactivate':
      return when(lifecycle, checked.type, (source) => reactivate(source, checked, moment));
    case 'offboard':
      return when(lifecycle, checked.type, (source) => offboard(source, checked, moment));
    case 'flag_overdue_milestones':
      return when(lifecycle, checked.type, (source) => flagOverdueMilestones(source, moment));
  }
}
