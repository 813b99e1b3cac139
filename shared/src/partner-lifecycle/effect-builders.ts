import type { PartnerStatus } from '../entities/partner.js';
import { decisionTrace, type DecisionTrace, type TraceStep } from '../trace/decision-trace.js';
import type { LifecycleNotice, LifecycleRecipient, PartnerLifecycleEffect } from './lifecycle-effect.js';
import type { LifecycleActor } from './record/actor.js';
import type { LifecycleChange, PartnerLifecycle } from './record/partner-lifecycle.js';

/** The decision every lifecycle trace names. */
export const LIFECYCLE_DECISION = 'partner.lifecycle';

/** A `notify` effect about a partner. */
export function notify(
  lifecycle: PartnerLifecycle,
  recipient: LifecycleRecipient,
  notice: LifecycleNotice,
  message: string,
): PartnerLifecycleEffect {
  return { type: 'notify', partnerId: lifecycle.partnerId, recipient, notice, message };
}

/** Write the partner's status on its CRM record. */
export function setPartnerStatus(partnerId: string, status: PartnerStatus): PartnerLifecycleEffect {
  return { type: 'set_partner_status', partnerId, status };
}

/** One entry of the lifecycle's history. */
export function change(status: PartnerStatus, at: string, by: LifecycleActor, reason: string | null): LifecycleChange {
  return { status, at, by, reason };
}

/** The fields every state carries, from any state, with one more history entry when the status changes. */
export function commonOf(
  lifecycle: Pick<PartnerLifecycle, 'partnerId' | 'partnerName' | 'appliedAt' | 'history' | 'version'>,
  entry?: LifecycleChange,
) {
  return {
    partnerId: lifecycle.partnerId,
    partnerName: lifecycle.partnerName,
    appliedAt: lifecycle.appliedAt,
    history: entry === undefined ? [...lifecycle.history] : [...lifecycle.history, entry],
    version: lifecycle.version,
  };
}

/** The trace of a lifecycle decision about the partner, its outcome being the partner's next status. */
export function lifecycleTrace(next: PartnerLifecycle, summary: string, steps: readonly TraceStep[]): DecisionTrace {
  return decisionTrace(LIFECYCLE_DECISION, { type: 'partner', id: next.partnerId }, next.status, summary, steps);
}
