import type { PartnerLifecycleEventType } from './lifecycle-event.js';
import type { LifecycleIn, PartnerLifecycle, PartnerLifecycleStatus } from './record/partner-lifecycle.js';

/**
 * The states in which each event is allowed. Everything else is refused with `transition_not_allowed`;
 * an allowed event may still be refused by its own rule (an unknown or closed milestone, required
 * milestones still pending, nothing newly overdue).
 */
export const LIFECYCLE_EVENT_SOURCES = {
  approve: ['applicant'],
  reject: ['applicant'],
  start_onboarding: ['approved'],
  complete_milestone: ['onboarding', 'active'],
  waive_milestone: ['onboarding', 'active'],
  activate: ['onboarding'],
  suspend: ['active'],
  reactivate: ['suspended'],
  offboard: ['approved', 'onboarding', 'active', 'suspended'],
  flag_overdue_milestones: ['onboarding', 'active'],
} as const satisfies Record<PartnerLifecycleEventType, readonly PartnerLifecycleStatus[]>;

/** The lifecycles an event of type `T` applies to. */
export type LifecycleSourceOf<T extends PartnerLifecycleEventType> = LifecycleIn<
  (typeof LIFECYCLE_EVENT_SOURCES)[T][number]
>;

/** Whether the lifecycle's state allows an event of this type (its own rules aside). */
export function lifecycleAccepts<T extends PartnerLifecycleEventType>(
  lifecycle: PartnerLifecycle,
  type: T,
): lifecycle is LifecycleSourceOf<T> {
  return (LIFECYCLE_EVENT_SOURCES[type] as readonly PartnerLifecycleStatus[]).includes(lifecycle.status);
}

/**
 * The events a partner's state allows, in a stable order: what a UI offers as actions. A milestone rule
 * may still refuse one.
 *
 * @example lifecycleEventTypes(activeLifecycle) // ['complete_milestone', 'waive_milestone', 'suspend', 'offboard', 'flag_overdue_milestones']
 */
export function lifecycleEventTypes(lifecycle: PartnerLifecycle): PartnerLifecycleEventType[] {
  return (Object.keys(LIFECYCLE_EVENT_SOURCES) as PartnerLifecycleEventType[]).filter((type) =>
    lifecycleAccepts(lifecycle, type),
  );
}
