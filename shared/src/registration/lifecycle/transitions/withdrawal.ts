import { ok, type Result } from '../../../result/result.js';
import type { SourceOf } from '../allowed-events.js';
import { notify, releaseProtection } from '../effect-builders.js';
import { commonOf } from '../record-parts.js';
import type { CheckedEventOf as EventOf } from '../registration-event.js';
import type { RegistrationEffect } from '../registration-effect.js';
import type { RegistrationTransition, TransitionMoment } from '../transition-types.js';
import { registrationName } from '../words.js';

/**
 * A draft or any open state → withdrawn, by the partner, optionally with a reason. A draft goes quietly;
 * otherwise the channel manager is told, and a protected registration releases its protection and tells
 * the sales owner too.
 */
export function withdraw(
  registration: SourceOf<'withdraw'>,
  event: EventOf<'withdraw'>,
  moment: TransitionMoment,
): Result<RegistrationTransition> {
  const reason = event.reason === undefined || event.reason === '' ? undefined : event.reason;
  const next = {
    ...commonOf(registration),
    status: 'withdrawn' as const,
    withdrawnAt: moment.at,
    withdrawnFrom: registration.status,
    ...(reason === undefined ? {} : { reason }),
  };
  const message = `The registration of ${registrationName(next)} was withdrawn by the partner.${reason === undefined ? '' : ` Reason: ${reason}`}`;
  const effects: RegistrationEffect[] = [];
  switch (registration.status) {
    case 'draft':
      break;
    case 'submitted':
    case 'under_review':
    case 'info_requested':
      effects.push(notify(next, 'channel_manager', 'withdrawn', message));
      break;
    case 'approved':
    case 'extension_requested':
      effects.push(
        releaseProtection(registration, 'withdrawn'),
        notify(next, 'channel_manager', 'withdrawn', message),
        notify(next, 'sales_owner', 'withdrawn', message),
      );
      break;
  }
  return ok({ next, effects });
}
