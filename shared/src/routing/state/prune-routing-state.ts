import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { RoutingState } from './routing-state.js';

/**
 * The state without what routing no longer needs, so that it stays small: sticky entries older than the
 * program's look-back, loads of partners whose counts all belong to past quarters (read as zero anyway),
 * and zero round-robin weights.
 *
 * @example const smaller = pruneRoutingState(state, program, now);
 */
export function pruneRoutingState(state: RoutingState, program: Program, now: Date): RoutingState {
  const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
  const stickySince = addDays(today, -program.routing.sticky.lookbackDays);
  const quarterAgo = addDays(today, -92);
  return {
    roundRobin: Object.fromEntries(Object.entries(state.roundRobin).filter(([, weight]) => weight !== 0)),
    loads: Object.fromEntries(Object.entries(state.loads).filter(([, load]) => load.quarter.start >= quarterAgo)),
    sticky: Object.fromEntries(Object.entries(state.sticky).filter(([, entry]) => entry.on >= stickySince)),
  };
}
