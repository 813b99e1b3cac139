import { schemaIssues } from '../../program/messages/schema-issues.js';
import { fail, type Result } from '../../result/result.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { Registration } from '../registration.js';
import { acceptsEvent, type SourceOf } from './allowed-events.js';
import { notAllowed } from './refusals.js';
import { RegistrationEventSchema, type RegistrationEvent, type RegistrationEventType } from './registration-event.js';
import type { RegistrationTransition, RegistrationTransitionContext, TransitionMoment } from './transition-types.js';
import { expire, markLost, markWon } from './transitions/closing.js';
import { denyExtension, grantExtension, requestExtension } from './transitions/extension.js';
import { linkOpportunity } from './transitions/opportunity.js';
import { approve, reject, requestInfo, startReview } from './transitions/review.js';
import { recheckConflict, submit, updateDetails } from './transitions/submission.js';
import { withdraw } from './transitions/withdrawal.js';

function when<T extends RegistrationEventType>(
  registration: Registration,
  type: T,
  run: (source: SourceOf<T>) => Result<RegistrationTransition>,
): Result<RegistrationTransition> {
  return acceptsEvent(registration, type) ? run(registration) : fail([notAllowed(registration, type)]);
}

/**
 * The deal registration lifecycle as a pure transition:
 * draft → submitted → (under_review →) approved | rejected | info_requested → submitted again;
 * approved → extension_requested → approved (extended, or not); approved → won | lost | expired;
 * a draft or any open state → withdrawn.
 *
 * The event is checked first (its shape, and reasons that must not be blank: `reason_required`,
 * `request_required`), then the state (`transition_not_allowed`), then the event's own rule (see each
 * event in `RegistrationEventSchema` and the codes in `refusals.ts`). An accepted event returns the next
 * state, stamped with `now` and with the input's `version` (the repository increases it on save), and the
 * effects for the caller to perform; a refused one returns issues and no state. Approval protects the deal
 * from the program's day at `now` for `protectionDays` days, the first included; each granted extension
 * adds `extensions.days` to `endsOn`; expiry is allowed from the day after `endsOn`. Never reads the
 * clock, never performs an effect, never changes its arguments.
 *
 * @example
 * const result = transitionRegistration(registration, { type: 'approve', by: 'u-7' }, { program, now: clock.now() });
 * if (result.success) {
 *   await registrations.save(result.data.next, { expectedVersion: registration.version });
 *   await perform(result.data.effects);
 * }
 */
export function transitionRegistration(
  registration: Registration,
  event: RegistrationEvent,
  { program, now }: RegistrationTransitionContext,
): Result<RegistrationTransition> {
  if (Number.isNaN(now.getTime())) throw new Error('The transition needs a valid instant as now.');
  const parsed = RegistrationEventSchema.safeParse(event, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The event'));
  const checked = parsed.data;
  const moment: TransitionMoment = {
    policy: program.registration,
    at: now.toISOString(),
    today: calendarDateIn(now, program.fiscalCalendar.timeZone),
  };
  switch (checked.type) {
    case 'update_details':
      return when(registration, checked.type, (source) => updateDetails(source, checked));
    case 'submit':
      return when(registration, checked.type, (source) => submit(source, checked, moment));
    case 'recheck_conflict':
      return when(registration, checked.type, (source) => recheckConflict(source, checked));
    case 'start_review':
      return when(registration, checked.type, (source) => startReview(source, checked, moment));
    case 'request_info':
      return when(registration, checked.type, (source) => requestInfo(source, checked, moment));
    case 'approve':
      return when(registration, checked.type, (source) => approve(source, checked, moment));
    case 'reject':
      return when(registration, checked.type, (source) => reject(source, checked, moment));
    case 'request_extension':
      return when(registration, checked.type, (source) => requestExtension(source, checked, moment));
    case 'grant_extension':
      return when(registration, checked.type, (source) => grantExtension(source, checked, moment));
    case 'deny_extension':
      return when(registration, checked.type, (source) => denyExtension(source, checked));
    case 'mark_won':
      return when(registration, checked.type, (source) => markWon(source, checked, moment));
    case 'mark_lost':
      return when(registration, checked.type, (source) => markLost(source, checked, moment));
    case 'expire':
      return when(registration, checked.type, (source) => expire(source, moment));
    case 'withdraw':
      return when(registration, checked.type, (source) => withdraw(source, checked, moment));
    case 'link_opportunity':
      return when(registration, checked.type, (source) => linkOpportunity(source, checked));
  }
}
