import type { ConflictSummary, Registration, RegistrationStatus } from '../registration.js';
import type { RegistrationEventType } from './registration-event.js';

/** A state as it reads after "it is": `under review`, `waiting for more information`. */
export const STATUS_WORDS: Readonly<Record<RegistrationStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted',
  under_review: 'under review',
  info_requested: 'waiting for more information',
  approved: 'approved',
  extension_requested: 'waiting for an extension decision',
  rejected: 'rejected',
  won: 'won',
  lost: 'lost',
  expired: 'expired',
  withdrawn: 'withdrawn',
};

/** An event as it reads after "the registration cannot": `be approved`, `have an extension granted`. */
export const ACTION_WORDS: Readonly<Record<RegistrationEventType, string>> = {
  update_details: 'be edited',
  submit: 'be submitted',
  recheck_conflict: 'take a new conflict check',
  start_review: 'be taken into review',
  request_info: 'be sent back for more information',
  approve: 'be approved',
  reject: 'be rejected',
  request_extension: 'have an extension requested',
  grant_extension: 'have an extension granted',
  deny_extension: 'have an extension denied',
  mark_won: 'be marked won',
  mark_lost: 'be marked lost',
  expire: 'expire',
  withdraw: 'be withdrawn',
  link_opportunity: 'be linked to an opportunity',
};

/** `a`, `a or b`, `a, b or c`. */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;
}

/** How a message names a registration: its customer and its id, `Acme Corp (reg-1)`. */
export function registrationName(registration: Registration): string {
  return `${registration.details.customer.name} (${registration.id})`;
}

/**
 * What a conflict check found, to follow "the conflict check found": `no conflict`, `2 matches to review`,
 * `a conflict (1 match)`.
 */
export function conflictWords(conflict: ConflictSummary): string {
  const matches = `${conflict.matches} ${conflict.matches === 1 ? 'match' : 'matches'}`;
  switch (conflict.verdict) {
    case 'clear':
      return conflict.matches === 0 ? 'no conflict' : `no conflict among ${matches}`;
    case 'review':
      return `${matches} to review`;
    case 'conflict':
      return `a conflict (${matches})`;
  }
}
