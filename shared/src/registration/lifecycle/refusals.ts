import { issue, type Issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { ConflictSummary, Registration } from '../registration.js';
import { REGISTRATION_EVENT_SOURCES } from './allowed-events.js';
import { dayCount } from '../../time/day-number.js';
import type { RegistrationEventType } from './registration-event.js';
import { ACTION_WORDS, conflictWords, joinOr, registrationName, STATUS_WORDS } from './words.js';

/*
 * The issues a lifecycle transition refuses an event with. Each code is stable; each message names the
 * registration and says what would be allowed instead.
 */

/** `transition_not_allowed`: the event does not apply to the registration's state. */
export function notAllowed(registration: Registration, type: RegistrationEventType): Issue {
  const allowed = joinOr(REGISTRATION_EVENT_SOURCES[type].map((status) => STATUS_WORDS[status]));
  return issue(
    ['type'],
    'transition_not_allowed',
    `Registration ${registrationName(registration)} cannot ${ACTION_WORDS[type]}: it is ${STATUS_WORDS[registration.status]}, and only a registration that is ${allowed} can.`,
  );
}

/** `conflict_unresolved`: approving, without an override, a deal the last conflict check found in conflict. */
export function conflictUnresolved(registration: Registration, conflict: ConflictSummary): Issue {
  return issue(
    [],
    'conflict_unresolved',
    `Registration ${registrationName(registration)} cannot be approved: the conflict check of ${conflict.checkedAt} found ${conflictWords(conflict)}. Reject it, check it again once the conflict is resolved, or approve it with an override that says why.`,
  );
}

/** `stale_conflict_check`: a conflict check older than the one already recorded. */
export function staleConflictCheck(
  registration: Registration,
  recorded: ConflictSummary,
  offered: ConflictSummary,
): Issue {
  return issue(
    ['conflict', 'checkedAt'],
    'stale_conflict_check',
    `The conflict check of ${offered.checkedAt} is older than the one registration ${registrationName(registration)} already holds (${recorded.checkedAt}); run the check again.`,
  );
}

/** `extension_limit_reached`: the registration has had every extension the program allows. */
export function extensionLimitReached(registration: Registration, maxCount: number, endsOn: CalendarDate): Issue {
  const allowance =
    maxCount === 0
      ? 'the program allows no extensions'
      : `it has had ${maxCount === 1 ? 'the one extension' : `all ${maxCount} extensions`} the program allows`;
  return issue(
    [],
    'extension_limit_reached',
    `The protection of ${registrationName(registration)} cannot be extended: ${allowance}, so it ends on ${endsOn}.`,
  );
}

/** `extension_too_early`: an extension request before the request window opens. */
export function extensionTooEarly(
  registration: Registration,
  opensOn: CalendarDate,
  windowDays: number,
  endsOn: CalendarDate,
): Issue {
  return issue(
    [],
    'extension_too_early',
    `An extension of ${registrationName(registration)} can be requested from ${opensOn}, ${dayCount(windowDays)} before its protection ends on ${endsOn}.`,
  );
}

/** `protection_ended`: an extension asked for, or granted, once protection is over. */
export function protectionEnded(registration: Registration, endsOn: CalendarDate, extendedTo?: CalendarDate): Issue {
  const message =
    extendedTo === undefined
      ? `The protection of ${registrationName(registration)} ended on ${endsOn}; an extension can be requested only while it lasts.`
      : `The protection of ${registrationName(registration)} ended on ${endsOn}, and even extended it would have ended on ${extendedTo}; deny the extension or let the registration expire.`;
  return issue([], 'protection_ended', message);
}

/** `protection_not_ended`: expiry before the day after `endsOn`. */
export function protectionNotEnded(registration: Registration, endsOn: CalendarDate, expiresOn: CalendarDate): Issue {
  return issue(
    [],
    'protection_not_ended',
    `Registration ${registrationName(registration)} is protected until ${endsOn}; it can expire from ${expiresOn}.`,
  );
}

/** `closed_in_future`: a closing day after the program's today. */
export function closedInFuture(registration: Registration, closedOn: CalendarDate, today: CalendarDate): Issue {
  return issue(
    ['closedOn'],
    'closed_in_future',
    `The deal of ${registrationName(registration)} cannot have closed on ${closedOn}: that is after today, ${today}.`,
  );
}

/** `closed_before_protection`: a deal closed before the registration protected it. */
export function closedBeforeProtection(
  registration: Registration,
  closedOn: CalendarDate,
  startsOn: CalendarDate,
): Issue {
  return issue(
    ['closedOn'],
    'closed_before_protection',
    `The deal of ${registrationName(registration)} closed on ${closedOn}, before its protection started on ${startsOn}; a registration is won or lost only with a deal closed while it is protected.`,
  );
}

/** `closed_after_protection`: a deal closed after protection ended; the registration should expire instead. */
export function closedAfterProtection(registration: Registration, closedOn: CalendarDate, endsOn: CalendarDate): Issue {
  return issue(
    ['closedOn'],
    'closed_after_protection',
    `The deal of ${registrationName(registration)} closed on ${closedOn}, after its protection ended on ${endsOn}; let the registration expire instead.`,
  );
}

/** `opportunity_already_linked`: the registration is linked to another opportunity. */
export function opportunityAlreadyLinked(registration: Registration, linked: string, offered: string): Issue {
  return issue(
    ['opportunityId'],
    'opportunity_already_linked',
    `Registration ${registrationName(registration)} is already linked to opportunity ${linked}; it cannot be linked to ${offered} as well.`,
  );
}
