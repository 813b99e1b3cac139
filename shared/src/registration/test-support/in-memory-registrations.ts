import { InMemoryRepository } from '../../ports/test-support/in-memory-repository.js';
import type { RegistrationQuery, RegistrationRepository } from '../ports.js';
import { registrationEndedOn, type Registration } from '../registration.js';

function matches(registration: Registration, query: RegistrationQuery): boolean {
  if (query.statuses && !query.statuses.includes(registration.status)) return false;
  if (query.partnerIds && !query.partnerIds.includes(registration.partnerId)) return false;
  if (query.protectionEndsBefore !== undefined) {
    if (!('protection' in registration) || registration.protection.endsOn >= query.protectionEndsBefore) return false;
  }
  if (query.closedSince !== undefined) {
    const closed = registrationEndedOn(registration, 'UTC');
    if (closed === undefined || closed < query.closedSince) return false;
  }
  return true;
}

/** Registrations in memory, answering the queries of the registration use cases. */
export function inMemoryRegistrations(
  registrations: readonly Registration[] = [],
): RegistrationRepository & InMemoryRepository<Registration, RegistrationQuery> {
  return new InMemoryRepository<Registration, RegistrationQuery>(matches, registrations);
}
