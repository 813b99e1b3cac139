import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { winsTie } from './tie-break.js';

/**
 * Smooth weighted round robin (as nginx balances upstreams), over the finalists: each finalist's current
 * weight grows by its routing weight, the highest is chosen and loses the finalists' total weight. Over any
 * run of leads among the same finalists, each receives its weight's share to within one lead, and choices
 * interleave instead of coming in bursts. Finalists' current weights are left in `session.score`.
 */
export function smoothWeightedRoundRobin(session: RoutingSession, finalists: PartnerBits): number {
  const weights = session.compiled.routingWeight;
  const current = session.currentWeight;
  const score = session.score;
  let chosen = -1;
  let best = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      const weight = weights[position]!;
      const value = current[position]! + weight;
      current[position] = value;
      score[position] = value;
      total += weight;
      if (value > best || (value === best && winsTie(session, position, chosen))) {
        chosen = position;
        best = value;
      }
    }
  }
  current[chosen] = current[chosen]! - total;
  session.touchWeights();
  return chosen;
}
