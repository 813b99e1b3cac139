import type { LeadFacts } from '../steps/lead-values.js';
import { copyInto, popcount, type PartnerBits } from '../compile/partner-bits.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import type { RoutingSession } from './routing-session.js';

/**
 * The partners that may take this lead at all: in a receiving status (active, or onboarding where the
 * program allows it), under every cap, and neither excluded from this lead (they declined it or let its
 * offer expire) nor in a conflict of interest with the lead or its account. That is the session's open set
 * itself when nobody is excluded (never change it), or `scratch` holding it without the excluded. Leaves
 * how many were excluded in `session.excluded`.
 */
export function availableFor(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  scratch: PartnerBits,
): PartnerBits {
  const { compiled } = session;
  session.excluded = 0;
  const conflicts = session.conflicts.forLead(lead.id, lead.accountId);
  if ((existing === undefined || existing.history.length === 0) && conflicts === undefined) return session.open;
  copyInto(scratch, session.open);
  let excluded = 0;
  if (existing !== undefined) {
    for (const event of existing.history) {
      if (event.kind !== 'declined' && event.kind !== 'expired') continue;
      const position = compiled.positionOf.get(event.partnerId);
      if (position !== undefined && scratch.has(position)) {
        scratch.delete(position);
        excluded++;
      }
    }
  }
  if (conflicts !== undefined) {
    for (const position of conflicts) {
      if (scratch.has(position)) {
        scratch.delete(position);
        excluded++;
      }
    }
  }
  scratch.trim();
  session.excluded = excluded;
  return scratch;
}

/** Why a partner cannot take this lead at all, or `undefined` when it can. */
export function unavailability(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  position: number,
): 'not_receiving' | 'at_capacity' | 'excluded' | undefined {
  const { compiled } = session;
  if (!compiled.receivingStatus.has(position)) return 'not_receiving';
  if (existing !== undefined && existing.history.length > 0) {
    const partnerId = compiled.partners[position]!.id;
    const declinedOrLetExpire = existing.history.some(
      (event) => (event.kind === 'declined' || event.kind === 'expired') && event.partnerId === partnerId,
    );
    if (declinedOrLetExpire) return 'excluded';
  }
  if (session.conflicts.forLead(lead.id, lead.accountId)?.includes(position)) return 'excluded';
  if (session.atCapacity.has(position)) return 'at_capacity';
  return undefined;
}

/** How many partners in a receiving status are at capacity (for traces). */
export function receivingAtCapacity(session: RoutingSession): number {
  const receiving = session.compiled.receivingStatus;
  const full = session.atCapacity;
  let total = 0;
  const lo = Math.max(receiving.lo, full.lo);
  const hi = Math.min(receiving.hi, full.hi);
  for (let word = lo; word < hi; word++) total += popcount(receiving.words[word]! & full.words[word]!);
  return total;
}
