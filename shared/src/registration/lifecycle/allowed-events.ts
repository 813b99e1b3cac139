import type { Registration, RegistrationStatus } from '../registration.js';
import type { RegistrationEventType } from './registration-event.js';

/**
 * The states in which each event is allowed. Everything else is refused with `transition_not_allowed`;
 * an allowed event may still be refused by its own rule (a date, a limit, a missing reason).
 */
export const REGISTRATION_EVENT_SOURCES = {
  update_details: ['draft', 'info_requested'],
  submit: ['draft', 'info_requested'],
  recheck_conflict: ['submitted', 'under_review'],
  start_review: ['submitted'],
  request_info: ['submitted', 'under_review'],
  approve: ['submitted', 'under_review'],
  reject: ['submitted', 'under_review', 'info_requested'],
  request_extension: ['approved'],
  grant_extension: ['extension_requested'],
  deny_extension: ['extension_requested'],
  mark_won: ['approved', 'extension_requested'],
  mark_lost: ['approved', 'extension_requested'],
  expire: ['approved', 'extension_requested'],
  withdraw: ['draft', 'submitted', 'under_review', 'info_requested', 'approved', 'extension_requested'],
  link_opportunity: ['submitted', 'under_review', 'info_requested', 'approved', 'extension_requested'],
} as const satisfies Record<RegistrationEventType, readonly RegistrationStatus[]>;

/** The registrations an event of type `T` applies to. */
export type SourceOf<T extends RegistrationEventType> = Extract<
  Registration,
  { status: (typeof REGISTRATION_EVENT_SOURCES)[T][number] }
>;

/** Whether the registration's state allows an event of this type (its own rules aside). */
export function acceptsEvent<T extends RegistrationEventType>(
  registration: Registration,
  type: T,
): registration is SourceOf<T> {
  return (REGISTRATION_EVENT_SOURCES[type] as readonly RegistrationStatus[]).includes(registration.status);
}

/**
 * The events a registration's state allows, in a stable order: what a UI offers as actions. Dates and
 * limits may still refuse one (see `extensionEligibility` for extension requests).
 *
 * @example registrationEventTypes(approvedRegistration) // ['request_extension', 'mark_won', 'mark_lost', 'expire', 'withdraw', 'link_opportunity']
 */
export function registrationEventTypes(registration: Registration): RegistrationEventType[] {
  return (Object.keys(REGISTRATION_EVENT_SOURCES) as RegistrationEventType[]).filter((type) =>
    acceptsEvent(registration, type),
  );
}
