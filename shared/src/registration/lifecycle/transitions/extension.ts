import { fail, ok, type Result } from '../../../result/result.js';
import type { SourceOf } from '../allowed-events.js';
import { dayCount } from '../../../time/day-number.js';
import { notify, setProtection } from '../effect-builders.js';
import { extensionEligibility } from '../extension-eligibility.js';
import { extendProtection } from '../protection.js';
import { approvedOf } from '../record-parts.js';
import { extensionLimitReached, protectionEnded } from '../refusals.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationTransition, TransitionMoment } from '../transition-types.js';
import { registrationName } from '../words.js';

/**
 * approved → extension_requested, within the request window and the program's maximum of extensions
 * (see `extensionEligibility`). The channel manager is told.
 */
export function requestExtension(
  registration: SourceOf<'request_extension'>,
  event: EventOf<'request_extension'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const eligibility = extensionEligibility(registration, moment.policy, moment.today);
  if (!eligibility.success) return eligibility;
  const next = {
    ...approvedOf(registration),
    status: 'extension_requested' as const,
    extensionRequestedAt: moment.at,
    extensionReason: event.reason,
  };
  const message = `An extension of the protection of ${registrationName(next)}, which ends on ${next.protection.endsOn}, is requested: ${event.reason}`;
  return ok({ next, effects: [notify(next, 'channel_manager', 'extension_requested', message)] });
}

/**
 * extension_requested → approved with `extensions.days` more days of protection. Refused when the program
 * now allows no more (`extension_limit_reached`) or when even the extended protection would have ended
 * before today (`protection_ended`); a request decided a little after `endsOn` still extends seamlessly.
 * Effects: show the new window, tell the partner and the sales owner.
 */
export function grantExtension(
  registration: SourceOf<'grant_extension'>,
  _event: EventOf<'grant_extension'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const { protection } = registration;
  const { maxCount, days } = moment.policy.extensions;
  if (protection.extensions >= maxCount) {
    return fail([extensionLimitReached(registration, maxCount, protection.endsOn)]);
  }
  const extended = extendProtection(protection, moment.policy);
  if (extended.endsOn < moment.today) return fail([protectionEnded(registration, protection.endsOn, extended.endsOn)]);
  const next = { ...approvedOf(registration), status: 'approved' as const, protection: extended };
  const name = registrationName(next);
  return ok({
    next,
    effects: [
      setProtection(next),
      notify(
        next,
        'partner',
        'extension_granted',
        `The protection of ${name} is extended by ${dayCount(days)}, to ${extended.endsOn} (extension ${extended.extensions} of ${maxCount}).`,
      ),
      notify(
        next,
        'sales_owner',
        'extension_granted',
        `The protection of the deal with ${name} by partner ${next.partnerId} is extended to ${extended.endsOn}.`,
      ),
    ],
  });
}

/** extension_requested → approved, protection unchanged. The partner is told why. */
export function denyExtension(
  registration: SourceOf<'deny_extension'>,
  event: EventOf<'deny_extension'>,
): Result<RegistrationTransition> {
  const next = { ...approvedOf(registration), status: 'approved' as const };
  const message = `The extension of the protection of ${registrationName(next)} is denied; it still ends on ${next.protection.endsOn}. Reason: ${event.reason}`;
  return ok({ next, effects: [notify(next, 'partner', 'extension_denied', message)] });
}
