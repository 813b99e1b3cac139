import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import { routeLeads } from '../route-leads.js';
import type { ConflictOfInterest } from '../session/conflicts-of-interest.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import type { RoutingState } from '../state/routing-state.js';
import { unstick } from './apply-offer-event.js';
import { effectsOfRouting, type RoutingEffect } from './routing-effect.js';
import { transitionOffer } from './transition-offer.js';

/** Whether a lead's offer is past its deadline at `now`. */
export function isOfferExpired(record: LeadDistribution, now: Date): boolean {
  return record.status === 'offered' && Date.parse(record.dueAt) <= now.getTime();
}

/** What recycling returns. */
export interface RecycleExpiredOffersOutput {
  /** Each expired lead right after expiry: `rerouting`, or `queued` after the last attempt. */
  expired: LeadDistribution[];
  /** Each re-routed lead's new distribution (an offer to another partner, or a queue). */
  assignments: LeadDistribution[];
  state: RoutingState;
  traces: DecisionTrace[];
  effects: RoutingEffect[];
}

/**
 * Recycles the offers past their deadline among `distributions` (others are left alone): each expires (its
 * partner never gets that lead again), then its lead is routed again, or queued for a person once the
 * program's maximum of offers was made. `leads` holds the expired leads' records; an expired lead missing
 * from it stays `rerouting` (in `expired`) until a later `routeLeads` call includes it. Persist every record
 * of `expired` and `assignments` (an assignment supersedes the lead's expired record).
 *
 * @example
 * const result = recycleExpiredOffers({ program, partners, leads, distributions: openOffers, state, now });
 */
export function recycleExpiredOffers(input: {
  program: Program;
  partners: readonly Partner[];
  leads: readonly Lead[];
  distributions: readonly LeadDistribution[];
  state: RoutingState;
  now: Date;
  conflicts?: readonly ConflictOfInterest[];
  traces?: boolean;
}): RecycleExpiredOffersOutput {
  const { program, now } = input;
  let state = input.state;
  const expired: LeadDistribution[] = [];
  const effects: RoutingEffect[] = [];
  const due = input.distributions
    .filter((record) => isOfferExpired(record, now))
    .sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
  for (const record of due) {
    const transition = transitionOffer(record, { type: 'expire', at: now }, program.routing);
    if (!transition.success) throw new Error('An offer past its deadline always expires.');
    expired.push(transition.data.next);
    effects.push(...transition.data.effects);
    state = unstick(state, record, transition.data.next);
  }
  const rerouting = new Map(
    expired.filter((record) => record.status === 'rerouting').map((record) => [record.leadId, record]),
  );
  const routed = routeLeads({
    program,
    partners: input.partners,
    leads: input.leads.filter((lead) => rerouting.has(lead.id)),
    distributions: [...rerouting.values()],
    state,
    now,
    ...(input.conflicts === undefined ? {} : { conflicts: input.conflicts }),
    ...(input.traces === undefined ? {} : { traces: input.traces }),
  });
  for (const record of routed.assignments) effects.push(...effectsOfRouting(record));
  return { expired, assignments: routed.assignments, state: routed.state, traces: routed.traces, effects };
}
