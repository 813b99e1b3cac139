import type { RoutingPolicy } from '../../program/schema/routing-policy.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import {
  offerIdOf,
  type DistributionEvent,
  type LeadDistribution,
  type OfferedLead,
} from '../state/lead-distribution.js';
import type { RoutingEffect } from './routing-effect.js';

/**
 * What can happen to an open offer:
 * - `accept`: the partner takes the lead before the deadline;
 * - `decline`: the partner turns it down (it never gets this lead again);
 * - `expire`: the deadline passed without an answer (the partner never gets this lead again).
 */
export type OfferEvent =
  | { type: 'accept'; partnerId: string; at: Date }
  | { type: 'decline'; partnerId: string; at: Date; reason: string }
  | { type: 'expire'; at: Date };

/** A transition's result: the lead's next distribution and the effects for the caller to perform. */
export interface OfferTransition {
  next: LeadDistribution;
  effects: RoutingEffect[];
}

const REASON_LIMIT = 500;

function describeStatus(record: LeadDistribution): string {
  switch (record.status) {
    case 'offered':
      return `offered to ${record.partnerId}`;
    case 'accepted':
      return `already accepted by ${record.partnerId}`;
    case 'rerouting':
      return 'waiting to be routed again';
    case 'queued':
      return 'waiting for a person';
  }
}

function refusal(record: LeadDistribution, event: OfferEvent): Issue | undefined {
  if (record.status !== 'offered') {
    return issue(
      ['leadId'],
      'offer_not_open',
      `Lead ${record.leadId} has no open offer: it is ${describeStatus(record)}.`,
    );
  }
  const at = event.at.getTime();
  const due = Date.parse(record.dueAt);
  switch (event.type) {
    case 'accept':
    case 'decline':
      if (event.partnerId !== record.partnerId) {
        return issue(
          ['partnerId'],
          'not_offered_to_partner',
          `Lead ${record.leadId} is offered to ${record.partnerId}, not to ${event.partnerId}.`,
        );
      }
      if (event.type === 'accept' && at >= due) {
        return issue(
          ['at'],
          'offer_expired',
          `The offer of lead ${record.leadId} to ${record.partnerId} expired at ${record.dueAt}; it can no longer be accepted.`,
        );
      }
      if (event.type === 'decline' && event.reason.length > REASON_LIMIT) {
        return issue(['reason'], 'too_big', `The reason for declining must have at most ${REASON_LIMIT} characters.`);
      }
      return undefined;
    case 'expire':
      return at < due
        ? issue(
            ['at'],
            'offer_not_due',
            `The offer of lead ${record.leadId} to ${record.partnerId} is due at ${record.dueAt}; it has not expired yet.`,
          )
        : undefined;
  }
}

/** After a declined or expired offer: routed again, or, once the maximum of offers is reached, queued. */
function afterClosedOffer(
  record: OfferedLead,
  closed: DistributionEvent,
  at: string,
  routing: RoutingPolicy,
  effects: RoutingEffect[],
): OfferTransition {
  const history = [...record.history, closed];
  const base = { leadId: record.leadId, accountId: record.accountId, attempts: record.attempts };
  if (record.attempts < routing.offers.maxAttempts) {
    return { next: { status: 'rerouting', ...base, since: at, history }, effects };
  }
  const queueId = routing.fallback.kind === 'queue' ? routing.fallback.queueId : null;
  return {
    next: { status: 'queued', ...base, queueId, reason: 'max_attempts', queuedAt: at, history },
    effects: [...effects, { kind: 'notify_queue', leadId: record.leadId, queueId, reason: 'max_attempts' }],
  };
}

/**
 * The offer workflow as a pure transition: offered → accepted; offered → declined or expired → routed
 * again (`rerouting`, the partner excluded) or, after the program's maximum of offers, queued for a person.
 * Refuses, as issues, an event that does not fit: no open offer (`offer_not_open`), another partner's
 * answer (`not_offered_to_partner`), acceptance after the deadline (`offer_expired`), expiry before it
 * (`offer_not_due`). Never performs the effects it returns.
 *
 * @example
 * const result = transitionOffer(record, { type: 'decline', partnerId: 'p-7', at: now, reason: 'No capacity' }, program.routing);
 * // result.data.next.status === 'rerouting' (or 'queued' after the last attempt)
 */
export function transitionOffer(
  record: LeadDistribution,
  event: OfferEvent,
  routing: RoutingPolicy,
): Result<OfferTransition> {
  const problem = refusal(record, event);
  if (problem) return fail([problem]);
  const offered = record as OfferedLead;
  const at = event.at.toISOString();
  const offerId = offerIdOf(offered.leadId, offered.attempts);
  const offer = {
    partnerId: offered.partnerId,
    attempt: offered.attempts,
    via: offered.via,
    offeredAt: offered.offeredAt,
    dueAt: offered.dueAt,
  };
  switch (event.type) {
    case 'accept':
      return ok({
        next: { ...offered, status: 'accepted', acceptedAt: at },
        effects: [{ kind: 'confirm_assignment', leadId: offered.leadId, offerId, partnerId: offered.partnerId }],
      });
    case 'decline':
      return ok(afterClosedOffer(offered, { kind: 'declined', ...offer, at, reason: event.reason }, at, routing, []));
    case 'expire':
      return ok(
        afterClosedOffer(offered, { kind: 'expired', ...offer, at }, at, routing, [
          {
            kind: 'withdraw_offer',
            leadId: offered.leadId,
            offerId,
            partnerId: offered.partnerId,
            reason: 'expired',
          },
        ]),
      );
  }
}
