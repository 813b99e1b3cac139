import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { seededDraw } from './seeded-draw.js';

/**
 * A draw weighted by routing weight: the lead's seeded number in [0, 1) picks a point on the finalists'
 * weights laid end to end (in compiled order). The same seed, lead and attempt always pick the same
 * partner among the same finalists. Weights are left in `session.score`; the draw in `session.lastDraw`.
 */
export function weightedRandom(
  session: RoutingSession,
  finalists: PartnerBits,
  leadId: string,
  attempt: number,
): number {
  const weights = session.compiled.routingWeight;
  let total = 0;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      total += weights[position]!;
      session.score[position] = weights[position]!;
    }
  }
  const draw = seededDraw(session.seed, leadId, attempt);
  session.lastDraw = draw;
  const target = Math.floor(draw * total);
  let reached = 0;
  let last = -1;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      reached += weights[position]!;
      last = position;
      if (reached > target) return position;
    }
  }
  return last;
}
