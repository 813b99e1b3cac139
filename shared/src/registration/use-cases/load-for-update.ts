import { issue } from '../../result/issue.js';
import type { RegistrationRepository } from '../ports.js';
import type { Registration } from '../registration.js';
import { refused, type RegistrationResult } from './outcome.js';

/**
 * Reads a registration for a change. When the caller says which version it looked at, a registration
 * changed since is refused as `stale_write` before anything is decided on old data.
 */
export async function loadForUpdate(
  registrations: RegistrationRepository,
  id: string,
  expectedVersion?: number,
): Promise<RegistrationResult<Registration>> {
  const registration = await registrations.get(id);
  if (!registration) return refused([issue(['id'], 'not_found', `No deal registration has the id "${id}".`)]);
  if (expectedVersion !== undefined && registration.version !== expectedVersion) {
    return refused([
      issue(
        ['expectedVersion'],
        'stale_write',
        `Registration ${id} changed since you opened it (version ${registration.version}, not ${expectedVersion}): reload it and decide again.`,
      ),
    ]);
  }
  return { success: true, data: registration };
}
