/**
 * Where the core learns the time. The core never reads the wall clock itself: adapters pass a clock
 * (the system clock in production, a fixed one in tests and what-if runs).
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** A clock that always answers the same instant: for tests, replays and simulations. */
export function fixedClock(instant: Date): Clock {
  const frozen = new Date(instant.getTime());
  return { now: () => new Date(frozen.getTime()) };
}
