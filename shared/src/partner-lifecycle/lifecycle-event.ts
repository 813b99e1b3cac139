import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../common/schemas.js';

/** Text a person must give (a reason): trimmed, not blank, at most 2000 characters. */
function reasonText(why: string) {
  return z
    .string()
    .trim()
    .max(2000)
    .refine((text) => text !== '', { error: `must not be blank: ${why}`, params: { code: 'reason_required' } });
}

/**
 * What can happen to a partner in its lifecycle, tagged by `type`. The instant and the program come with
 * the transition, not with the event. `by` is the user who acts.
 *
 * A channel manager's events:
 * - `approve`, `reject` (why): decide an application;
 * - `start_onboarding`: plan the program's milestones, each due some days from today;
 * - `complete_milestone`, `waive_milestone` (why): close a milestone (while onboarding, or an optional one
 *   still open once active);
 * - `activate`: make an onboarding partner active, once every required milestone is closed;
 * - `suspend` (why), `reactivate`: take an active partner out of the workflows for a while, and back;
 * - `offboard` (why): end the partnership (from approved, onboarding, active or suspended).
 *
 * The scheduler's event:
 * - `flag_overdue_milestones`: report the milestones that became overdue since the last report.
 */
export const PartnerLifecycleEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('approve'), by: RecordIdSchema }),
  z.strictObject({ type: z.literal('reject'), by: RecordIdSchema, reason: reasonText('a rejection says why') }),
  z.strictObject({ type: z.literal('start_onboarding'), by: RecordIdSchema }),
  z.strictObject({ type: z.literal('complete_milestone'), by: RecordIdSchema, milestoneId: IdentifierSchema }),
  z.strictObject({
    type: z.literal('waive_milestone'),
    by: RecordIdSchema,
    milestoneId: IdentifierSchema,
    reason: reasonText('a waiver says why'),
  }),
  z.strictObject({ type: z.literal('activate'), by: RecordIdSchema }),
  z.strictObject({ type: z.literal('suspend'), by: RecordIdSchema, reason: reasonText('a suspension says why') }),
  z.strictObject({ type: z.literal('reactivate'), by: RecordIdSchema }),
  z.strictObject({ type: z.literal('offboard'), by: RecordIdSchema, reason: reasonText('an offboarding says why') }),
  z.strictObject({ type: z.literal('flag_overdue_milestones') }),
]);
/** An event as callers write it. */
export type PartnerLifecycleEvent = z.input<typeof PartnerLifecycleEventSchema>;
/** An event once checked: reasons trimmed. */
export type CheckedLifecycleEvent = z.output<typeof PartnerLifecycleEventSchema>;
export type PartnerLifecycleEventType = PartnerLifecycleEvent['type'];
/** The checked event of one type. */
export type LifecycleEventOf<T extends PartnerLifecycleEventType> = Extract<CheckedLifecycleEvent, { type: T }>;
