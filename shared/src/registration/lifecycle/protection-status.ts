import * as z from 'zod';
import { CalendarDateSchema, type CalendarDate } from '../../time/calendar-date.js';
import type { Registration } from '../registration.js';
import { dayCount, daysBetween } from '../../time/day-number.js';

const window = { startsOn: CalendarDateSchema, endsOn: CalendarDateSchema, extensions: z.int().min(0) };

/**
 * Where a registration's protection stands on a program day, for the sales rep's opportunity page and
 * the partner's list:
 * - `unprotected`: never approved (a draft, waiting, rejected, withdrawn);
 * - `upcoming`: approved, protection starts later (only when `today` lies before the approval day);
 * - `protected`: today is within the window; `daysLeft` counts the days after today up to `endsOn`
 *   (0 on the last day);
 * - `lapsed`: still in a protected state, but `endsOn` has passed: due to expire;
 * - `ended`: won, lost or expired, on `endedOn`.
 */
export const ProtectionStatusSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unprotected'),
    status: z.enum(['draft', 'submitted', 'under_review', 'info_requested', 'rejected', 'withdrawn']),
  }),
  z.strictObject({ kind: z.literal('upcoming'), ...window, daysUntilStart: z.int().min(1) }),
  z.strictObject({
    kind: z.literal('protected'),
    ...window,
    daysLeft: z.int().min(0),
    extensionRequested: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('lapsed'),
    ...window,
    daysSinceEnd: z.int().min(1),
    extensionRequested: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('ended'),
    ...window,
    outcome: z.enum(['won', 'lost', 'expired']),
    endedOn: CalendarDateSchema,
  }),
]);
export type ProtectionStatus = z.infer<typeof ProtectionStatusSchema>;

/**
 * Where a registration's protection stands on the program day `today`.
 *
 * @example
 * protectionStatus(approved, '2027-02-10')
 * // { kind: 'protected', startsOn: '2026-11-24', endsOn: '2027-02-22', extensions: 0, daysLeft: 12, extensionRequested: false }
 */
export function protectionStatus(registration: Registration, today: CalendarDate): ProtectionStatus {
  switch (registration.status) {
    case 'draft':
    case 'submitted':
    case 'under_review':
    case 'info_requested':
    case 'rejected':
    case 'withdrawn':
      return { kind: 'unprotected', status: registration.status };
    case 'won':
    case 'lost':
      return {
        kind: 'ended',
        ...registration.protection,
        outcome: registration.status,
        endedOn: registration.closedOn,
      };
    case 'expired':
      return { kind: 'ended', ...registration.protection, outcome: 'expired', endedOn: registration.expiredOn };
    case 'approved':
    case 'extension_requested': {
      const { protection } = registration;
      const extensionRequested = registration.status === 'extension_requested';
      if (today < protection.startsOn) {
        return { kind: 'upcoming', ...protection, daysUntilStart: daysBetween(today, protection.startsOn) };
      }
      if (today > protection.endsOn) {
        return {
          kind: 'lapsed',
          ...protection,
          daysSinceEnd: daysBetween(protection.endsOn, today),
          extensionRequested,
        };
      }
      return { kind: 'protected', ...protection, daysLeft: daysBetween(today, protection.endsOn), extensionRequested };
    }
  }
}

/**
 * A protection status as one short sentence for a UI.
 *
 * @example describeProtection({ kind: 'protected', endsOn: '2027-02-22', daysLeft: 12, … }) // 'Protected until 2027-02-22, 12 days left.'
 */
export function describeProtection(status: ProtectionStatus): string {
  switch (status.kind) {
    case 'unprotected':
      return 'Not protected.';
    case 'upcoming':
      return `Protected from ${status.startsOn} to ${status.endsOn}.`;
    case 'protected': {
      const left = status.daysLeft === 0 ? 'last day today' : `${dayCount(status.daysLeft)} left`;
      const asked = status.extensionRequested ? '; an extension is requested' : '';
      return `Protected until ${status.endsOn}, ${left}${asked}.`;
    }
    case 'lapsed':
      return `Protection ended on ${status.endsOn}; the registration is due to expire.`;
    case 'ended':
      switch (status.outcome) {
        case 'won':
          return `Won on ${status.endedOn}; protection has ended.`;
        case 'lost':
          return `Lost on ${status.endedOn}; protection has ended.`;
        case 'expired':
          return `Protection ended on ${status.endsOn}; the registration expired.`;
      }
  }
}
