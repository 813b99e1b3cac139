import { fail, ok, type Result } from '../../../result/result.js';
import type { ConflictSummary } from '../../registration.js';
import type { SourceOf } from '../allowed-events.js';
import { notify } from '../effect-builders.js';
import { commonOf } from '../record-parts.js';
import { staleConflictCheck } from '../refusals.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationTransition, TransitionMoment } from '../transition-types.js';
import { conflictWords, registrationName } from '../words.js';

/** A draft, or a registration sent back for information, with new details. Nobody is told. */
export function updateDetails(
  registration: SourceOf<'update_details'>,
  event: EventOf<'update_details'>,
): Result<RegistrationTransition> {
  return ok({ next: { ...registration, details: event.details }, effects: [] });
}

/**
 * draft → submitted, or info_requested → submitted (a resubmission keeps its first submission time).
 * The channel manager is told, with the conflict verdict.
 */
export function submit(
  registration: SourceOf<'submit'>,
  event: EventOf<'submit'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const resubmitted = registration.status === 'info_requested';
  const submittedAt = resubmitted ? registration.submittedAt : moment.at;
  const next = { ...commonOf(registration), status: 'submitted' as const, submittedAt, conflict: event.conflict };
  const message = resubmitted
    ? `The registration of ${registrationName(next)} was resubmitted with more information; the conflict check found ${conflictWords(event.conflict)}.`
    : `The registration of ${registrationName(next)} was submitted for review; the conflict check found ${conflictWords(event.conflict)}.`;
  return ok({
    next,
    effects: [notify(next, 'channel_manager', resubmitted ? 'resubmitted' : 'submitted', message)],
  });
}

/** A newer conflict check replaces the one recorded while the registration waits or is reviewed. */
export function recheckConflict(
  registration: SourceOf<'recheck_conflict'>,
  event: EventOf<'recheck_conflict'>,
): Result<RegistrationTransition> {
  const offered: ConflictSummary = event.conflict;
  if (Date.parse(offered.checkedAt) < Date.parse(registration.conflict.checkedAt)) {
    return fail([staleConflictCheck(registration, registration.conflict, offered)]);
  }
  return ok({ next: { ...registration, conflict: offered }, effects: [] });
}
