import { fail, ok, type Result } from '../../../result/result.js';
import type { SourceOf } from '../allowed-events.js';
import { opportunityEffect, setProtection } from '../effect-builders.js';
import { opportunityAlreadyLinked } from '../refusals.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationTransition } from '../transition-types.js';

/**
 * Records the CRM opportunity of an open registration: one a manager picked during review, or the one the
 * adapter created after a `create_opportunity` effect. Linking the same opportunity again changes nothing;
 * another one is refused (`opportunity_already_linked`). Once protected, the opportunity is linked and
 * shows the protection window.
 */
export function linkOpportunity(
  registration: SourceOf<'link_opportunity'>,
  event: EventOf<'link_opportunity'>,
): Result<RegistrationTransition> {
  if (registration.opportunityId === event.opportunityId) return ok({ next: registration, effects: [] });
  if (registration.opportunityId !== null) {
    return fail([opportunityAlreadyLinked(registration, registration.opportunityId, event.opportunityId)]);
  }
  const next = { ...registration, opportunityId: event.opportunityId };
  switch (next.status) {
    case 'approved':
    case 'extension_requested':
      return ok({ next, effects: [opportunityEffect(next), setProtection(next)] });
    case 'submitted':
    case 'under_review':
    case 'info_requested':
      return ok({ next, effects: [] });
  }
}
