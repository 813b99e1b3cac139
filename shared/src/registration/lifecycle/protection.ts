import type { RegistrationPolicy } from '../../program/schema/registration-policy.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { Protection } from '../registration.js';
import { daysBetween } from '../../time/day-number.js';

/**
 * The protection an approval grants on the program day `today`: `protectionDays` days, the first one
 * included, and no extension yet.
 *
 * @example startProtection({ protectionDays: 90, … }, '2026-11-24') // { startsOn: '2026-11-24', endsOn: '2027-02-21', extensions: 0 }
 */
export function startProtection(policy: Pick<RegistrationPolicy, 'protectionDays'>, today: CalendarDate): Protection {
  return { startsOn: today, endsOn: addDays(today, policy.protectionDays - 1), extensions: 0 };
}

/**
 * The protection after one more granted extension: `extensions.days` more days after `endsOn`.
 *
 * @example extendProtection({ startsOn: '2026-11-24', endsOn: '2027-02-21', extensions: 0 }, policy) // endsOn '2027-03-23', extensions 1
 */
export function extendProtection(protection: Protection, policy: Pick<RegistrationPolicy, 'extensions'>): Protection {
  return {
    startsOn: protection.startsOn,
    endsOn: addDays(protection.endsOn, policy.extensions.days),
    extensions: protection.extensions + 1,
  };
}

/**
 * How many days a protection covers, both ends included: `protectionDays + extensions × extensions.days`
 * under the policy that granted it.
 *
 * @example protectionLength({ startsOn: '2026-11-24', endsOn: '2027-02-21', extensions: 0 }) // 90
 */
export function protectionLength(protection: Protection): number {
  return daysBetween(protection.startsOn, protection.endsOn) + 1;
}

/**
 * The days on which an extension may be requested: from `requestWindowDays` before the end of protection
 * to its last day, both included.
 *
 * @example extensionWindow({ endsOn: '2027-02-21', … }, { requestWindowDays: 14, … }) // { opensOn: '2027-02-07', closesOn: '2027-02-21' }
 */
export function extensionWindow(
  protection: Protection,
  policy: Pick<RegistrationPolicy, 'extensions'>,
): { opensOn: CalendarDate; closesOn: CalendarDate } {
  return { opensOn: addDays(protection.endsOn, -policy.extensions.requestWindowDays), closesOn: protection.endsOn };
}
