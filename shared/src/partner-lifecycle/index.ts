/**
 * The partner lifecycle: applicant → approved | rejected → onboarding (milestones with due dates from the
 * program) → active → suspended → active again | offboarded, as a pure transition with its effects as
 * data and its explanation; overdue-milestone detection driven by `now`; the guards the other workflows
 * call (`canRegisterDeals`, `canReceiveLeads`, `canRequestMdf`); and the use cases against the
 * `PartnerLifecycleRepository` port.
 */
export { LifecycleActorSchema, type LifecycleActor } from './record/actor.js';
export {
  OnboardingMilestoneSchema,
  OnboardingSchema,
  type Onboarding,
  type OnboardingMilestone,
  type PendingMilestone,
} from './record/milestone.js';
export {
  ActivationSchema,
  LifecycleChangeSchema,
  LifecycleDecisionSchema,
  OffboardedFromSchema,
  PartnerLifecycleSchema,
  ReasonedDecisionSchema,
  type Activation,
  type LifecycleChange,
  type LifecycleDecision,
  type LifecycleIn,
  type PartnerLifecycle,
  type PartnerLifecycleStatus,
  type ReasonedDecision,
} from './record/partner-lifecycle.js';
export {
  PartnerLifecycleEventSchema,
  type PartnerLifecycleEvent,
  type PartnerLifecycleEventType,
} from './lifecycle-event.js';
export {
  LifecycleNoticeSchema,
  LifecycleRecipientSchema,
  PartnerLifecycleEffectSchema,
  type LifecycleNotice,
  type LifecycleRecipient,
  type PartnerLifecycleEffect,
} from './lifecycle-effect.js';
export { LIFECYCLE_EVENT_SOURCES, lifecycleEventTypes } from './allowed-events.js';
export { LIFECYCLE_DECISION } from './effect-builders.js';
export { planMilestones } from './milestones/plan-milestones.js';
export {
  isOverdue,
  onboardingProgress,
  overdueMilestones,
  pendingRequiredMilestones,
  type OnboardingProgress,
} from './milestones/milestone-progress.js';
export type { LifecycleTransition, LifecycleTransitionContext } from './transition-types.js';
export { transitionPartnerLifecycle } from './transition.js';
export { applyToProgram, PartnerApplicationSchema, type PartnerApplication } from './application.js';
export {
  canReceiveLeads,
  canRegisterDeals,
  canRequestMdf,
  isChannelMember,
  leadGateOf,
  registrationGateOf,
  type GatedPartner,
  type GateOptions,
  type PartnerActivity,
  type PartnerGate,
} from './guards/partner-gates.js';
export type { PartnerLifecycleDependencies, PartnerLifecycleQuery, PartnerLifecycleRepository } from './ports.js';
export { type LifecycleOutcome } from './use-cases/lifecycle-outcome.js';
export { applyForPartnership } from './use-cases/apply-for-partnership.js';
export {
  changePartnerLifecycle,
  LifecycleChangeRequestSchema,
  type LifecycleChangeRequest,
} from './use-cases/change-partner-lifecycle.js';
export { flagOverdueOnboardingMilestones, type OverdueMilestonesRun } from './use-cases/flag-overdue-milestones.js';
