import type { RegistrationStatus } from '@conduit/core';
import type { LocalMoment } from '../demo-calendar.js';

/** What happens to a registration, in order: each step becomes an event of the core's transition. */
export type StepKind =
  | 'create'
  | 'edit'
  | 'submit'
  | 'start_review'
  | 'request_info'
  | 'approve'
  | 'reject'
  | 'link_opportunity'
  | 'request_extension'
  | 'grant_extension'
  | 'deny_extension'
  | 'mark_won'
  | 'mark_lost'
  | 'expire'
  | 'withdraw';

/** One step of a registration's life, at a local moment. */
export interface PlannedStep {
  kind: StepKind;
  at: LocalMoment;
  /** The day the opportunity closed, for `mark_won` and `mark_lost`. */
  closedOn?: number;
}

/** Whose customer a registration claims, which decides what the conflict check finds. */
export type CustomerKind =
  'prospect' | 'own_account' | 'direct_account' | 'partner_account' | 'competing' | 'duplicate';

/** How the opportunity an approved registration brought ends up. */
export interface PlannedDeal {
  stage: 'open' | 'won' | 'lost';
  /** The day it closed (won, lost) or is expected to close (open), as a day number. */
  day: number;
}

/** The life of one registration until the demo's reference instant. */
export interface RegistrationPlan {
  outcome: RegistrationStatus;
  customer: CustomerKind;
  steps: PlannedStep[];
  deal: PlannedDeal | undefined;
}

/** The registration policy's terms the timelines respect. */
export interface PlanTerms {
  protectionDays: number;
  extensionDays: number;
  windowDays: number;
  maxExtensions: number;
}

/** When a plan first claims its customer (its first submission), if it ever does. */
export function firstSubmission(plan: RegistrationPlan): LocalMoment | undefined {
  return plan.steps.find((step) => step.kind === 'submit')?.at;
}

/** When a plan stops claiming its customer: its closing, expiry, rejection or withdrawal (or never). */
export function claimEnds(plan: RegistrationPlan): LocalMoment {
  const end = plan.steps.find((step) => ['reject', 'withdraw', 'mark_won', 'mark_lost', 'expire'].includes(step.kind));
  return end ? end.at : Number.POSITIVE_INFINITY;
}

/** Whether the plan's registration gets approved (and so brings an opportunity). */
export function isApprovedPlan(plan: RegistrationPlan): boolean {
  return plan.steps.some((step) => step.kind === 'approve');
}
