import type { Program } from '../program/schema/program.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { Instant } from '../time/instant.js';
import type { DecisionTrace } from '../trace/decision-trace.js';
import type { PartnerLifecycleEffect } from './lifecycle-effect.js';
import type { PartnerLifecycle } from './record/partner-lifecycle.js';

/** What a transition needs besides the lifecycle and the event: the program and the current instant. */
export interface LifecycleTransitionContext {
  program: Program;
  /** The current instant, from the caller's Clock; the program's time zone decides which day it is. */
  now: Date;
}

/**
 * An accepted event: the partner's next lifecycle state, the effects for the caller to perform, and the
 * decision's explanation (decision `partner.lifecycle`: what was checked, such as the required milestones
 * before an activation or the milestones found overdue).
 */
export interface LifecycleTransition {
  next: PartnerLifecycle;
  effects: PartnerLifecycleEffect[];
  trace: DecisionTrace;
}

/** The context as the handlers use it: the program, `now` as stamped on records, and the program day. */
export interface LifecycleMoment {
  program: Program;
  /** `now` as an ISO 8601 instant (UTC). */
  at: Instant;
  /** The program's calendar date at `now`. */
  today: CalendarDate;
}
