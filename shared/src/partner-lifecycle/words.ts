import type { PartnerStatus } from '../entities/partner.js';
import type { PartnerLifecycleEventType } from './lifecycle-event.js';
import type { OnboardingMilestone } from './record/milestone.js';

/** A status as it reads after "it is": `an applicant`, `onboarding`. */
export const LIFECYCLE_STATUS_WORDS: Readonly<Record<PartnerStatus, string>> = {
  applicant: 'an applicant',
  approved: 'approved',
  rejected: 'rejected',
  onboarding: 'onboarding',
  active: 'active',
  suspended: 'suspended',
  offboarded: 'offboarded',
};

/** An event as it reads after "the partner cannot": `be approved`, `start onboarding`. */
export const LIFECYCLE_ACTION_WORDS: Readonly<Record<PartnerLifecycleEventType, string>> = {
  approve: 'be approved',
  reject: 'be rejected',
  start_onboarding: 'start onboarding',
  complete_milestone: 'complete an onboarding milestone',
  waive_milestone: 'have an onboarding milestone waived',
  activate: 'be activated',
  suspend: 'be suspended',
  reactivate: 'be reactivated',
  offboard: 'be offboarded',
  flag_overdue_milestones: 'have overdue milestones reported',
};

/** `a`, `a or b`, `a, b or c`. */
export function joinOr(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

/** How a message names a partner: `Northwind Systems (p-1)`. */
export function partnerWords(partner: { partnerName: string; partnerId: string }): string {
  return `${partner.partnerName} (${partner.partnerId})`;
}

/** How a message lists milestones: `"Partner agreement signed" (due 2026-12-01)`. */
export function milestoneList(milestones: readonly OnboardingMilestone[]): string {
  return joinAnd(milestones.map((milestone) => `"${milestone.name}" (due ${milestone.dueOn})`));
}
