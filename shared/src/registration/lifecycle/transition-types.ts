import type { Program } from '../../program/schema/program.js';
import type { RegistrationPolicy } from '../../program/schema/registration-policy.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { Instant } from '../../time/instant.js';
import type { Registration } from '../registration.js';
import type { RegistrationEffect } from './registration-effect.js';

/** What a transition needs besides the registration and the event: the program and the current instant. */
export interface RegistrationTransitionContext {
  program: Program;
  /** The current instant, from the caller's Clock; the program's time zone decides which day it is. */
  now: Date;
}

/** An accepted event: the registration's next state and the effects for the caller to perform. */
export interface RegistrationTransition {
  next: Registration;
  effects: RegistrationEffect[];
}

/** The context as the handlers use it: the policy, the instant as stamped on records, and the program day. */
export interface TransitionMoment {
  policy: RegistrationPolicy;
  /** `now` as an ISO 8601 instant (UTC). */
  at: Instant;
  /** The program's calendar date at `now`. */
  today: CalendarDate;
}
