import type { LeadFacts } from '../steps/lead-values.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { LeadFit } from './fit.js';
import { winsTie } from './tie-break.js';

/**
 * The finalist with the best score, performance^wp × tierWeight^wt × fit^wf: a weighted product of the
 * partner's performance score (0.5 when it has none), its tier's routing weight relative to the highest
 * tier's, and how well it fits the lead. A weight of 0 ignores a factor; 1 counts it fully. Scores are left
 * in `session.score`.
 */
export function bestScore(session: RoutingSession, finalists: PartnerBits, lead: LeadFacts, fitWeight: number): number {
  const fit = new LeadFit(session, lead);
  const fixed = session.compiled.staticScore;
  const score = session.score;
  let chosen = -1;
  let best = Number.NEGATIVE_INFINITY;
  for (let word = finalists.lo; word < finalists.hi; word++) {
    let bits = finalists.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      const value = fixed[position]! * fit.of(position) ** fitWeight;
      score[position] = value;
      if (value > best || (value === best && winsTie(session, position, chosen))) {
        chosen = position;
        best = value;
      }
    }
  }
  return chosen;
}
