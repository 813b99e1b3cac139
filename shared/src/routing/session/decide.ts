import type { LeadFacts } from '../steps/lead-values.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import { selectPartner } from '../selection/select-partner.js';
import {
  type LeadDistribution,
  type OfferedLead,
  type OfferVia,
  type QueueReason,
  type QueuedLead,
} from '../state/lead-distribution.js';
import type { RoutingTraceBuilder } from '../trace/routing-trace-builder.js';
import { unavailability } from './availability.js';
import type { RoutingSession } from './routing-session.js';

/** Tells whether one partner may take a lead under the required steps: what sticky assignment asks. */
export interface RequiredEligibility {
  /** Whether the partner is available for the lead and passes every required step. */
  admits(session: RoutingSession, lead: LeadFacts, existing: LeadDistribution | undefined, position: number): boolean;
  /** Why the partner may not take the lead (a sentence fragment naming it), for traces. */
  refusal(session: RoutingSession, lead: LeadFacts, existing: LeadDistribution | undefined, position: number): string;
}

/** The history of a lead offered for the first time: shared, and never changed (transitions copy). */
const NO_HISTORY_YET: LeadDistribution['history'] = Object.freeze([]) as unknown as LeadDistribution['history'];

/** Offers the lead to a partner: records the offer, the loads, the sticky entry and the trace. */
export function offerTo(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  position: number,
  via: OfferVia,
  trace: RoutingTraceBuilder | null,
): OfferedLead {
  const attempts = (existing?.attempts ?? 0) + 1;
  const record: OfferedLead = {
    status: 'offered',
    leadId: lead.id,
    accountId: lead.accountId ?? null,
    attempts,
    partnerId: session.compiled.partners[position]!.id,
    via,
    manual: null,
    offeredAt: session.nowIso,
    dueAt: session.dueAtIso,
    history: existing === undefined ? NO_HISTORY_YET : existing.history,
  };
  session.countLead(position);
  if (lead.accountId !== undefined && session.compiled.stickyEnabled) {
    session.stick(lead.accountId, position);
  }
  session.assignments.push(record);
  if (trace) session.decisionTraces.push(trace.offered(record, position));
  return record;
}

function queue(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  queueId: string | null,
  queueName: string | null,
  reason: QueueReason,
  trace: RoutingTraceBuilder | null,
): QueuedLead {
  const record: QueuedLead = {
    status: 'queued',
    leadId: lead.id,
    accountId: lead.accountId ?? null,
    attempts: existing?.attempts ?? 0,
    queueId,
    reason,
    queuedAt: session.nowIso,
    history: existing === undefined ? NO_HISTORY_YET : existing.history,
  };
  session.assignments.push(record);
  if (trace) session.decisionTraces.push(trace.queued(queueName, reason));
  return record;
}

/** Why a partner cannot take a lead at all, as the end of a sentence naming it. */
export const UNAVAILABLE_WORDS = {
  not_receiving: 'is not in a status that receives leads',
  at_capacity: 'is at capacity',
  excluded: 'is excluded from this lead',
} as const;

/**
 * The partner an account's earlier lead went to, when sticky assignment applies and that partner may take
 * this lead (available, and passing every required step); -1 otherwise. Such a partner keeps every required
 * step from leaving nobody, so the choice stands whatever the optional steps would leave.
 */
export function stickyPartner(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  eligibility: RequiredEligibility,
  trace: RoutingTraceBuilder | null,
): number {
  const { compiled } = session;
  if (!compiled.stickyEnabled || lead.accountId === undefined) return -1;
  if (!trace) {
    const position = session.stickyPosition(lead.accountId);
    return position >= 0 && eligibility.admits(session, lead, existing, position) ? position : -1;
  }
  const entry = session.stickyEntry(lead.accountId);
  if (entry === undefined) return -1;
  const fresh = entry.on >= session.stickySince;
  const position = compiled.positionOf.get(entry.partnerId);
  const eligible = fresh && position !== undefined && eligibility.admits(session, lead, existing, position);
  if (trace) {
    const refusal = eligible
      ? ''
      : position === undefined
        ? `${entry.partnerId} is not among the partners routed to`
        : eligibility.refusal(session, lead, existing, position);
    trace.sticky(entry, fresh, position, eligible, refusal);
  }
  return eligible ? position : -1;
}

/**
 * The decision once the steps have run, shared by every way of finding the finalists: the account's
 * earlier partner when sticky assignment applies and it may still take the lead; otherwise the strategy's
 * choice among the finalists; when nobody is left (`finalists` is `null`: availability or a required step
 * left nobody), the default partner if it may take the lead, or a queue. Records the offer or
 * queue entry, the loads, the sticky entry and the trace on the session. `stickyChecked` says the caller
 * already asked `stickyPartner` (and found none).
 */
export function decide(
  session: RoutingSession,
  lead: LeadFacts,
  existing: LeadDistribution | undefined,
  finalists: PartnerBits | null,
  eligibility: RequiredEligibility,
  trace: RoutingTraceBuilder | null,
  stickyChecked = false,
): LeadDistribution {
  const { compiled } = session;
  const { routing } = compiled.program;
  if (finalists !== null) {
    if (!stickyChecked) {
      const position = stickyPartner(session, lead, existing, eligibility, trace);
      if (position >= 0) return offerTo(session, lead, existing, position, 'sticky', trace);
    }
    const chosen = selectPartner(session, finalists, lead, (existing?.attempts ?? 0) + 1);
    if (trace) {
      trace.finalists(finalists);
      trace.selection(chosen, finalists);
    }
    return offerTo(session, lead, existing, chosen, 'strategy', trace);
  }
  const { fallback } = routing;
  if (fallback.kind === 'queue') {
    trace?.fallback(
      `No partner can take the lead, so it goes to the queue "${fallback.name}".`,
      { queueId: fallback.queueId },
      'pass',
    );
    return queue(session, lead, existing, fallback.queueId, fallback.name, 'no_eligible_partner', trace);
  }
  const position = compiled.fallbackPosition;
  const problem = position < 0 ? undefined : unavailability(session, lead, existing, position);
  if (position >= 0 && problem === undefined) {
    trace?.fallback(
      `No partner qualifies, so the lead goes to the default partner ${compiled.partners[position]!.name}.`,
      { partnerId: fallback.partnerId },
      'pass',
    );
    return offerTo(session, lead, existing, position, 'fallback', trace);
  }
  trace?.fallback(
    `No partner qualifies, and the default partner ${
      position < 0
        ? `${fallback.partnerId} is not among the partners routed to`
        : `${compiled.partners[position]!.name} ${UNAVAILABLE_WORDS[problem!]}`
    }, so the lead waits for a person.`,
    { partnerId: fallback.partnerId },
    'fail',
  );
  return queue(session, lead, existing, null, null, 'fallback_unavailable', trace);
}
