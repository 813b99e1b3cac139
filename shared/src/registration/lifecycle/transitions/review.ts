import { fail, ok, type Result } from '../../../result/result.js';
import type { SourceOf } from '../allowed-events.js';
import { notify, opportunityEffect, setProtection } from '../effect-builders.js';
import { startProtection } from '../protection.js';
import { submittedOf } from '../record-parts.js';
import { conflictUnresolved } from '../refusals.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationTransition, TransitionMoment } from '../transition-types.js';
import { registrationName } from '../words.js';

/** submitted → under_review. The partner is told. */
export function startReview(
  registration: SourceOf<'start_review'>,
  event: EventOf<'start_review'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const next = {
    ...submittedOf(registration),
    status: 'under_review' as const,
    reviewerId: event.reviewerId,
    reviewStartedAt: moment.at,
  };
  return ok({
    next,
    effects: [
      notify(next, 'partner', 'review_started', `The registration of ${registrationName(next)} is under review.`),
    ],
  });
}

/** submitted or under_review → info_requested. The partner is told what is needed. */
export function requestInfo(
  registration: SourceOf<'request_info'>,
  event: EventOf<'request_info'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const next = {
    ...submittedOf(registration),
    status: 'info_requested' as const,
    requestedBy: event.by,
    requestedAt: moment.at,
    request: event.request,
  };
  const message = `More information is needed on the registration of ${registrationName(next)}: ${event.request}`;
  return ok({ next, effects: [notify(next, 'partner', 'info_requested', message)] });
}

/**
 * submitted or under_review → approved, protected from the program's today for `protectionDays` days.
 * While the last conflict check says `conflict`, only an approval with `overrideConflict` is accepted
 * (`conflict_unresolved` otherwise), and the sales owner is told the reason; an override without a conflict
 * changes nothing. Effects: link or create the opportunity, show the protection on it, tell the partner
 * and the sales owner.
 */
export function approve(
  registration: SourceOf<'approve'>,
  event: EventOf<'approve'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const overridden = registration.conflict.verdict === 'conflict';
  if (overridden && event.overrideConflict === undefined) {
    return fail([conflictUnresolved(registration, registration.conflict)]);
  }
  const protection = startProtection(moment.policy, moment.today);
  const next = {
    ...submittedOf(registration),
    status: 'approved' as const,
    decidedBy: event.by,
    decidedAt: moment.at,
    protection,
  };
  const name = registrationName(next);
  const window = `from ${protection.startsOn} to ${protection.endsOn}`;
  return ok({
    next,
    effects: [
      opportunityEffect(next),
      setProtection(next),
      notify(next, 'partner', 'approved', `The registration of ${name} is approved: the deal is protected ${window}.`),
      notify(
        next,
        'sales_owner',
        'approved',
        `The deal with ${name} is registered by partner ${next.partnerId} and protected ${window}.${
          overridden ? ` It was approved over a conflict: ${event.overrideConflict?.reason}` : ''
        }`,
      ),
    ],
  });
}

/** submitted, under_review or info_requested → rejected, with the reason. The partner is told why. */
export function reject(
  registration: SourceOf<'reject'>,
  event: EventOf<'reject'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const next = {
    ...submittedOf(registration),
    status: 'rejected' as const,
    decidedBy: event.by,
    decidedAt: moment.at,
    reason: event.reason,
  };
  const message = `The registration of ${registrationName(next)} is rejected. Reason: ${event.reason}`;
  return ok({ next, effects: [notify(next, 'partner', 'rejected', message)] });
}
