import type { RegistrationPolicy } from '../../program/schema/registration-policy.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { Registration } from '../registration.js';
import { extensionWindow } from './protection.js';
import { extensionLimitReached, extensionTooEarly, notAllowed, protectionEnded } from './refusals.js';

/** When an approved registration may ask for an extension, and how many it has left. */
export interface ExtensionOpening {
  /** First day a request is accepted: `requestWindowDays` before protection ends. */
  opensOn: CalendarDate;
  /** Last day a request is accepted: the last protected day. */
  closesOn: CalendarDate;
  /** Extensions still allowed, this one included. */
  extensionsLeft: number;
}

/**
 * Whether the partner may request an extension today, the rule `request_extension` applies: the
 * registration is approved (`transition_not_allowed`), has had fewer than `extensions.maxCount`
 * extensions (`extension_limit_reached`), is still protected (`protection_ended`), and today is within
 * `requestWindowDays` of the end (`extension_too_early`). UIs use it to show or explain the action.
 *
 * @example
 * extensionEligibility(registration, program.registration, '2027-02-10')
 * // { success: true, data: { opensOn: '2027-02-07', closesOn: '2027-02-21', extensionsLeft: 2 } }
 */
export function extensionEligibility(
  registration: Registration,
  policy: RegistrationPolicy,
  today: CalendarDate,
): Result<ExtensionOpening> {
  if (registration.status !== 'approved') return fail([notAllowed(registration, 'request_extension')]);
  const { protection } = registration;
  const { maxCount, requestWindowDays } = policy.extensions;
  if (protection.extensions >= maxCount) {
    return fail([extensionLimitReached(registration, maxCount, protection.endsOn)]);
  }
  if (today > protection.endsOn) return fail([protectionEnded(registration, protection.endsOn)]);
  const { opensOn, closesOn } = extensionWindow(protection, policy);
  if (today < opensOn) return fail([extensionTooEarly(registration, opensOn, requestWindowDays, protection.endsOn)]);
  return ok({ opensOn, closesOn, extensionsLeft: maxCount - protection.extensions });
}
