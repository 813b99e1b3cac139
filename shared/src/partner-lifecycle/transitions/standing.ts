import { traceStep } from '../../trace/decision-trace.js';
import type { LifecycleSourceOf } from '../allowed-events.js';
import { change, commonOf, lifecycleTrace, notify, setPartnerStatus } from '../effect-builders.js';
import type { PartnerLifecycleEffect } from '../lifecycle-effect.js';
import type { LifecycleEventOf } from '../lifecycle-event.js';
import { byUser } from '../record/actor.js';
import type { LifecycleIn } from '../record/partner-lifecycle.js';
import type { LifecycleMoment, LifecycleTransition } from '../transition-types.js';
import { partnerWords } from '../words.js';

/**
 * active → suspended, with the reason. The partner leaves the workflows its status gates (its open lead
 * offers are recalled); it is told why, and its channel manager too.
 */
export function suspend(
  lifecycle: LifecycleSourceOf<'suspend'>,
  event: LifecycleEventOf<'suspend'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const next: LifecycleIn<'suspended'> = {
    ...commonOf(lifecycle, change('suspended', moment.at, byUser(event.by), event.reason)),
    status: 'suspended',
    approval: lifecycle.approval,
    onboarding: lifecycle.onboarding,
    activation: lifecycle.activation,
    reactivatedAt: lifecycle.reactivatedAt,
    suspension: { at: moment.at, by: event.by, reason: event.reason },
  };
  const message = `${partnerWords(next)} is suspended by ${event.by}. Reason: ${event.reason}`;
  return {
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'suspended'),
      { type: 'recall_lead_offers', partnerId: next.partnerId },
      notify(next, 'partner', 'suspended', message),
      notify(next, 'channel_manager', 'suspended', message),
    ],
    trace: lifecycleTrace(next, message, [
      traceStep('suspension', 'info', message, { by: event.by, reason: event.reason }),
    ]),
  };
}

/** suspended → active again. The partner and its channel manager are told. */
export function reactivate(
  lifecycle: LifecycleSourceOf<'reactivate'>,
  event: LifecycleEventOf<'reactivate'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const next: LifecycleIn<'active'> = {
    ...commonOf(lifecycle, change('active', moment.at, byUser(event.by), null)),
    status: 'active',
    approval: lifecycle.approval,
    onboarding: lifecycle.onboarding,
    activation: lifecycle.activation,
    reactivatedAt: moment.at,
  };
  const message = `${partnerWords(next)} is active again, reactivated by ${event.by} after its suspension of ${lifecycle.suspension.at}.`;
  return {
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'active'),
      notify(next, 'partner', 'reactivated', message),
      notify(next, 'channel_manager', 'reactivated', message),
    ],
    trace: lifecycleTrace(next, message, [traceStep('reactivation', 'info', message, { by: event.by })]),
  };
}

/**
 * approved, onboarding, active or suspended → offboarded, with the reason. Milestone tasks still pending
 * are cancelled; a partner that could still hold lead offers (onboarding or active) has them recalled.
 */
export function offboard(
  lifecycle: LifecycleSourceOf<'offboard'>,
  event: LifecycleEventOf<'offboard'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const onboarding = lifecycle.status === 'approved' ? null : lifecycle.onboarding;
  const activation = lifecycle.status === 'active' || lifecycle.status === 'suspended' ? lifecycle.activation : null;
  const next: LifecycleIn<'offboarded'> = {
    ...commonOf(lifecycle, change('offboarded', moment.at, byUser(event.by), event.reason)),
    status: 'offboarded',
    approval: lifecycle.approval,
    onboarding,
    activation,
    offboarding: { at: moment.at, by: event.by, reason: event.reason, from: lifecycle.status },
  };
  const pendingIds = (onboarding?.milestones ?? [])
    .filter((milestone) => milestone.status === 'pending')
    .map((milestone) => milestone.id);
  const message = `${partnerWords(next)} is offboarded by ${event.by}. Reason: ${event.reason}`;
  const effects: PartnerLifecycleEffect[] = [setPartnerStatus(next.partnerId, 'offboarded')];
  if (pendingIds.length > 0) {
    effects.push({ type: 'cancel_onboarding_checklist', partnerId: next.partnerId, milestoneIds: pendingIds });
  }
  if (lifecycle.status === 'onboarding' || lifecycle.status === 'active') {
    effects.push({ type: 'recall_lead_offers', partnerId: next.partnerId });
  }
  effects.push(notify(next, 'partner', 'offboarded', message), notify(next, 'channel_manager', 'offboarded', message));
  return {
    next,
    effects,
    trace: lifecycleTrace(next, message, [
      traceStep('offboarding', 'info', message, { by: event.by, reason: event.reason, from: lifecycle.status }),
    ]),
  };
}
