import {
  decisionTrace,
  offerIdOf,
  traceStep,
  type DecisionTrace,
  type DistributionEvent,
  type LeadDistribution,
  type TraceStep,
} from '@conduit/core';

/** The decisions an offer event is recorded under in the audit log. */
export const OFFER_ACCEPTED = 'routing.offer_accepted';
export const OFFER_DECLINED = 'routing.offer_declined';
export const OFFER_EXPIRED = 'routing.offer_expired';

type ClosedOffer = Extract<DistributionEvent, { kind: 'declined' | 'expired' }>;

/** The words and step recorded when a closed offer was the last one the program allows. */
function queuedAfter(after: LeadDistribution): { words: string; step: TraceStep } | undefined {
  if (after.status !== 'queued' || after.reason !== 'max_attempts') return undefined;
  const where = after.queueId === null ? 'the unrouted leads list' : `the queue "${after.queueId}"`;
  return {
    words: `; after ${after.attempts} offers the lead waits for a person in ${where}`,
    step: traceStep(
      'max_attempts',
      'fail',
      `The program allows ${after.attempts} offers and none was accepted: the lead waits for a person in ${where}.`,
      { attempts: after.attempts, queueId: after.queueId },
    ),
  };
}

function closedOfferTrace(leadId: string, event: ClosedOffer, after: LeadDistribution, last: boolean): DecisionTrace {
  const offerId = offerIdOf(leadId, event.attempt);
  const facts = {
    offerId,
    partnerId: event.partnerId,
    attempt: event.attempt,
    via: event.via,
    offeredAt: event.offeredAt,
    dueAt: event.dueAt,
    at: event.at,
  };
  const queued = last ? queuedAfter(after) : undefined;
  const [decision, sentence, step] =
    event.kind === 'declined'
      ? [
          OFFER_DECLINED,
          `${event.partnerId} declined offer ${offerId}${event.reason.trim() === '' ? '' : `: ${event.reason.trim()}`}`,
          traceStep(
            'partner_declined',
            'fail',
            `${event.partnerId} declined the lead; it never gets this lead again.`,
            {
              ...facts,
              reason: event.reason,
            },
          ),
        ]
      : [
          OFFER_EXPIRED,
          `Offer ${offerId} to ${event.partnerId} expired at ${event.dueAt} without an answer`,
          traceStep(
            'sla_expired',
            'fail',
            `${event.partnerId} did not answer before ${event.dueAt}; it never gets this lead again.`,
            facts,
          ),
        ];
  const summary = `${sentence}${queued?.words ?? ''}`;
  return decisionTrace(
    decision,
    { type: 'lead', id: leadId },
    queued ? 'queued' : event.kind,
    /[.!?]$/.test(summary) ? summary : `${summary}.`,
    queued ? [step, queued.step] : [step],
  );
}

/**
 * The audit entries of what happened to a lead's offers between two stored versions of its distribution:
 * an offer accepted, declined or expired (with the queue it led to after the last allowed offer). Routing
 * choices and manual reassignments are explained by the engine's own traces, so they add nothing here.
 */
export function offerEventTraces(before: LeadDistribution | undefined, after: LeadDistribution): DecisionTrace[] {
  if (!before) return [];
  const traces: DecisionTrace[] = [];
  if (before.status === 'offered' && after.status === 'accepted' && before.attempts === after.attempts) {
    const offerId = offerIdOf(after.leadId, after.attempts);
    traces.push(
      decisionTrace(
        OFFER_ACCEPTED,
        { type: 'lead', id: after.leadId },
        'accepted',
        `${after.partnerId} accepted offer ${offerId}.`,
        [
          traceStep('partner_accepted', 'pass', `${after.partnerId} accepted the lead before ${after.dueAt}.`, {
            offerId,
            partnerId: after.partnerId,
            attempt: after.attempts,
            via: after.via,
            offeredAt: after.offeredAt,
            dueAt: after.dueAt,
            acceptedAt: after.acceptedAt,
          }),
        ],
      ),
    );
  }
  const added = after.history.slice(before.history.length);
  added.forEach((event, index) => {
    if (event.kind === 'declined' || event.kind === 'expired')
      traces.push(closedOfferTrace(after.leadId, event, after, index === added.length - 1));
  });
  return traces;
}
