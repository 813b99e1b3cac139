import type { RoutingSession } from '../session/routing-session.js';

/**
 * Whether partner `a` wins a tie against `b` (or `b` is none, -1): fewer leads today first, then the
 * smaller id. Every strategy breaks ties this way, so that equal inputs always give the same choice.
 */
export function winsTie(session: RoutingSession, a: number, b: number): boolean {
  if (b < 0) return true;
  const loadA = session.loadDay[a]!;
  const loadB = session.loadDay[b]!;
  if (loadA !== loadB) return loadA < loadB;
  return session.compiled.tieRank[a]! < session.compiled.tieRank[b]!;
}
