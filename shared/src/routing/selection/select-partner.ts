import type { LeadFacts } from '../steps/lead-values.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import type { RoutingSession } from '../session/routing-session.js';
import { bestScore } from './best-score.js';
import { leastLoaded } from './least-loaded.js';
import { nearest } from './nearest.js';
import { smoothWeightedRoundRobin } from './smooth-weighted-round-robin.js';
import { weightedRandom } from './weighted-random.js';

/** Chooses one partner among the finalists (never empty) with the program's selection strategy. */
export function selectPartner(
  session: RoutingSession,
  finalists: PartnerBits,
  lead: LeadFacts,
  attempt: number,
): number {
  const strategy = session.compiled.program.routing.selection;
  switch (strategy.kind) {
    case 'weighted_round_robin':
      return smoothWeightedRoundRobin(session, finalists);
    case 'least_loaded':
      return leastLoaded(session, finalists, strategy.period);
    case 'best_score':
      return bestScore(session, finalists, lead, strategy.weights.fit);
    case 'nearest':
      return nearest(session, finalists);
    case 'weighted_random':
      return weightedRandom(session, finalists, lead.id, attempt);
  }
}
