import type { Issue } from '../../../result/issue.js';
import { fail, ok, type Result } from '../../../result/result.js';
import { addDays, type CalendarDate } from '../../../time/calendar-date.js';
import type { ProtectedRegistration } from '../../registration.js';
import type { SourceOf } from '../allowed-events.js';
import { notify, releaseProtection } from '../effect-builders.js';
import { approvedOf } from '../record-parts.js';
import { closedAfterProtection, closedBeforeProtection, closedInFuture, protectionNotEnded } from '../refusals.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationTransition, TransitionMoment } from '../transition-types.js';
import { registrationName } from '../words.js';

/** Why a closing day does not fit: after today, or outside the protection that the outcome credits. */
function closingDayIssue(
  registration: ProtectedRegistration,
  closedOn: CalendarDate,
  today: CalendarDate,
): Issue | undefined {
  const { startsOn, endsOn } = registration.protection;
  if (closedOn > today) return closedInFuture(registration, closedOn, today);
  if (closedOn < startsOn) return closedBeforeProtection(registration, closedOn, startsOn);
  if (closedOn > endsOn) return closedAfterProtection(registration, closedOn, endsOn);
  return undefined;
}

/**
 * approved or extension_requested → won, when the opportunity closed won on a protected day no later than
 * today. Protection is released; the partner and the channel manager are told.
 */
export function markWon(
  registration: SourceOf<'mark_won'>,
  event: EventOf<'mark_won'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const problem = closingDayIssue(registration, event.closedOn, moment.today);
  if (problem) return fail([problem]);
  const next = { ...approvedOf(registration), status: 'won' as const, closedOn: event.closedOn };
  const message = `The deal with ${registrationName(next)} was won on ${event.closedOn}.`;
  return ok({
    next,
    effects: [
      releaseProtection(registration, 'won'),
      notify(next, 'partner', 'won', message),
      notify(next, 'channel_manager', 'won', message),
    ],
  });
}

/** As `markWon`, for a lost opportunity, optionally with the reason. */
export function markLost(
  registration: SourceOf<'mark_lost'>,
  event: EventOf<'mark_lost'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const problem = closingDayIssue(registration, event.closedOn, moment.today);
  if (problem) return fail([problem]);
  const reason = event.reason === undefined || event.reason === '' ? undefined : event.reason;
  const next = {
    ...approvedOf(registration),
    status: 'lost' as const,
    closedOn: event.closedOn,
    ...(reason === undefined ? {} : { reason }),
  };
  const message = `The deal with ${registrationName(next)} was lost on ${event.closedOn}.${reason === undefined ? '' : ` Reason: ${reason}`}`;
  return ok({
    next,
    effects: [
      releaseProtection(registration, 'lost'),
      notify(next, 'partner', 'lost', message),
      notify(next, 'channel_manager', 'lost', message),
    ],
  });
}

/**
 * approved or extension_requested → expired, from the day after `endsOn` (`protection_not_ended` before).
 * `expiredOn` is that day, whenever the scheduler gets to it. Protection is released; the partner, the
 * sales owner and the channel manager are told (a pending extension request lapses with it).
 */
export function expire(registration: SourceOf<'expire'>, moment: TransitionMoment): Result<RegistrationTransition> {
  const { endsOn } = registration.protection;
  const expiredOn = addDays(endsOn, 1);
  if (moment.today < expiredOn) return fail([protectionNotEnded(registration, endsOn, expiredOn)]);
  const next = { ...approvedOf(registration), status: 'expired' as const, expiredOn };
  const lapsed = registration.status === 'extension_requested' ? ' The pending extension request lapses with it.' : '';
  const message = `The protection of ${registrationName(next)} ended on ${endsOn}; the registration has expired.${lapsed}`;
  return ok({
    next,
    effects: [
      releaseProtection(registration, 'expired'),
      notify(next, 'partner', 'expired', message),
      notify(next, 'sales_owner', 'expired', message),
      notify(next, 'channel_manager', 'expired', message),
    ],
  });
}
