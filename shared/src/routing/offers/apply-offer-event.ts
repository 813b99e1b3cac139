import type { RoutingPolicy } from '../../program/schema/routing-policy.js';
import { ok, type Result } from '../../result/result.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { copyRecord, ownValue } from '../state/own-record.js';
import type { RoutingState } from '../state/routing-state.js';
import type { RoutingEffect } from './routing-effect.js';
import { transitionOffer, type OfferEvent } from './transition-offer.js';

/** A lead's distribution after an offer event, the routing state after it and the effects to perform. */
export interface OfferEventResult {
  record: LeadDistribution;
  state: RoutingState;
  effects: RoutingEffect[];
}

/** The state without the account's sticky entry when it points at a partner that turned the lead down. */
export function unstick(state: RoutingState, before: LeadDistribution, after: LeadDistribution): RoutingState {
  if (before.status !== 'offered' || after.status === 'accepted' || before.accountId === null) return state;
  if (ownValue(state.sticky, before.accountId)?.partnerId !== before.partnerId) return state;
  const sticky = copyRecord(state.sticky);
  delete sticky[before.accountId];
  return { ...state, sticky };
}

/**
 * Applies an offer event (accept, decline, expire) to a lead's distribution (see `transitionOffer`). When
 * the partner declined or let the offer expire, the account no longer sticks to that partner. A lead left
 * `rerouting` is routed again by passing its distribution to `routeLeads`.
 *
 * @example
 * const result = applyOfferEvent(state, record, { type: 'accept', partnerId: 'p-7', at: now }, program.routing);
 */
export function applyOfferEvent(
  state: RoutingState,
  record: LeadDistribution,
  event: OfferEvent,
  routing: RoutingPolicy,
): Result<OfferEventResult> {
  const transition = transitionOffer(record, event, routing);
  if (!transition.success) return transition;
  const { next, effects } = transition.data;
  return ok({ record: next, state: unstick(state, record, next), effects });
}
