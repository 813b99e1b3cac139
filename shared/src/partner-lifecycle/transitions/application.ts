import { traceStep } from '../../trace/decision-trace.js';
import type { LifecycleSourceOf } from '../allowed-events.js';
import { change, commonOf, lifecycleTrace, notify, setPartnerStatus } from '../effect-builders.js';
import type { LifecycleEventOf } from '../lifecycle-event.js';
import { byUser } from '../record/actor.js';
import type { LifecycleIn } from '../record/partner-lifecycle.js';
import type { LifecycleMoment, LifecycleTransition } from '../transition-types.js';
import { partnerWords } from '../words.js';

/** applicant → approved. The partner is told; its CRM status follows. */
export function approve(
  lifecycle: LifecycleSourceOf<'approve'>,
  event: LifecycleEventOf<'approve'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const next: LifecycleIn<'approved'> = {
    ...commonOf(lifecycle, change('approved', moment.at, byUser(event.by), null)),
    status: 'approved',
    approval: { at: moment.at, by: event.by },
  };
  const name = partnerWords(next);
  return {
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'approved'),
      notify(next, 'partner', 'approved', `The application of ${name} to ${moment.program.name} is approved.`),
    ],
    trace: lifecycleTrace(next, `${event.by} approved the application of ${name}.`, [
      traceStep('application', 'pass', `${event.by} approved the application.`, { by: event.by }),
    ]),
  };
}

/** applicant → rejected, with the reason. The partner is told why. */
export function reject(
  lifecycle: LifecycleSourceOf<'reject'>,
  event: LifecycleEventOf<'reject'>,
  moment: LifecycleMoment,
): LifecycleTransition {
  const next: LifecycleIn<'rejected'> = {
    ...commonOf(lifecycle, change('rejected', moment.at, byUser(event.by), event.reason)),
    status: 'rejected',
    rejection: { at: moment.at, by: event.by, reason: event.reason },
  };
  const name = partnerWords(next);
  return {
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'rejected'),
      notify(
        next,
        'partner',
        'rejected',
        `The application of ${name} to ${moment.program.name} is rejected. Reason: ${event.reason}`,
      ),
    ],
    trace: lifecycleTrace(next, `${event.by} rejected the application of ${name}: ${event.reason}`, [
      traceStep('application', 'fail', `${event.by} rejected the application: ${event.reason}`, {
        by: event.by,
        reason: event.reason,
      }),
    ]),
  };
}
