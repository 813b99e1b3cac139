import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { winsTie } from './tie-break.js';

/**
 * The finalist closest to the lead (great-circle distance). Partners without a location, and every
 * partner when the lead has none, rank last and are separated by the tie-break. Haversines are left in
 * `session.score` (Infinity when unknown).
 */
export function nearest(session: RoutingSession, finalists: PartnerBits): number {
  const { locations } = session.compiled;
  const score = session.score;
  const located = session.hasLeadPosition;
  let chosen = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      const measured = located ? locations.haversine(position, session.leadPosition) : Number.NaN;
      const value = Number.isNaN(measured) ? Number.POSITIVE_INFINITY : measured;
      score[position] = value;
      if (value < best || (value === best && winsTie(session, position, chosen))) {
        chosen = position;
        best = value;
      }
    }
  }
  return chosen;
}
