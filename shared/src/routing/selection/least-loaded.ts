import type { CapacityPeriod } from '../periods/capacity-periods.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { winsTie } from './tie-break.js';

/** The session's lead counts for one period. */
export function loadsIn(session: RoutingSession, period: CapacityPeriod): Int32Array {
  switch (period) {
    case 'day':
      return session.loadDay;
    case 'week':
      return session.loadWeek;
    case 'month':
      return session.loadMonth;
    case 'quarter':
      return session.loadQuarter;
  }
}

/** The finalist with the fewest leads in the period. Counts are left in `session.score`. */
export function leastLoaded(session: RoutingSession, finalists: PartnerBits, period: CapacityPeriod): number {
  const loads = loadsIn(session, period);
  const score = session.score;
  let chosen = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      const value = loads[position]!;
      score[position] = value;
      if (value < best || (value === best && winsTie(session, position, chosen))) {
        chosen = position;
        best = value;
      }
    }
  }
  return chosen;
}
