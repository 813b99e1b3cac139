/**
 * Lead distribution: routing leads to partners through the program's ordered steps, a selection strategy,
 * capacity caps, sticky assignment, exclusions and a fallback; offers with SLAs; and the use cases that run
 * them against the ports. Every routing decision comes with its `DecisionTrace`.
 */
export { compileRouting } from './compile/compile-routing.js';
export type { CompiledRouting } from './compile/compiled-routing.js';
export { isCertificationValid } from './compile/certification-masks.js';
export { addBusinessHours, offerDueAt } from './offers/offer-due.js';
export { applyOfferEvent, type OfferEventResult } from './offers/apply-offer-event.js';
export {
  isOfferExpired,
  recycleExpiredOffers,
  type RecycleExpiredOffersOutput,
} from './offers/recycle-expired-offers.js';
export { MANUAL_DECISION, reassignLead, type ReassignLeadOutput } from './offers/reassign-lead.js';
export { effectsOfRouting, RoutingEffectSchema, type RoutingEffect } from './offers/routing-effect.js';
export { transitionOffer, type OfferEvent, type OfferTransition } from './offers/transition-offer.js';
export {
  CAPACITY_PERIODS,
  currentPeriods,
  type CapacityPeriod,
  type CurrentPeriods,
} from './periods/capacity-periods.js';
export {
  routeLead,
  routeLeads,
  type RouteLeadInput,
  type RouteLeadOutput,
  type RouteLeadsInput,
  type RouteLeadsOutput,
} from './route-leads.js';
export { ConflictOfInterestSchema, type ConflictOfInterest } from './session/conflicts-of-interest.js';
export {
  DistributionEventSchema,
  LeadDistributionSchema,
  ManualNoteSchema,
  OfferViaSchema,
  QueueReasonSchema,
  type AcceptedLead,
  type DistributionEvent,
  type LeadDistribution,
  type ManualNote,
  type OfferedLead,
  type OfferVia,
  type QueuedLead,
  type QueueReason,
  type ReroutingLead,
  offerIdOf,
} from './state/lead-distribution.js';
export { pruneRoutingState } from './state/prune-routing-state.js';
export {
  emptyRoutingState,
  parseRoutingState,
  PartnerLoadSchema,
  PeriodCountSchema,
  RoutingStateSchema,
  StickyEntrySchema,
  type PartnerLoad,
  type PeriodCount,
  type RoutingState,
  type StickyEntry,
} from './state/routing-state.js';
export { ROUTING_DECISION } from './trace/routing-trace-builder.js';
export { acceptLeadOffer } from './use-cases/accept-lead-offer.js';
export { declineLeadOffer } from './use-cases/decline-lead-offer.js';
export { reassignLeadByHand } from './use-cases/reassign-lead-by-hand.js';
export { recycleExpiredLeadOffers } from './use-cases/recycle-expired-lead-offers.js';
export { routeNewLeads, type NewLeadsSelection, type RoutedLeads } from './use-cases/route-new-leads.js';
export type {
  ConflictOfInterestSource,
  DecisionTraceLog,
  RoutingCommit,
  RoutingPorts,
  RoutingStore,
  StoredDistribution,
  StoredRoutingState,
} from './use-cases/routing-ports.js';
