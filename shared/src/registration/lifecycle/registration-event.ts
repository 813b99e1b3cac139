import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { ConflictSummarySchema, RegistrationDetailsSchema } from '../registration.js';

const TEXT_LIMIT = 2000;

/** Text a person must give (a reason, a question): trimmed, not blank, at most 2000 characters. */
function requiredText(code: string, why: string) {
  return z
    .string()
    .trim()
    .max(TEXT_LIMIT)
    .refine((text) => text !== '', { error: `must not be blank: ${why}`, params: { code } });
}

/** Text a person may give: trimmed, at most 2000 characters; blank counts as none. */
const OptionalTextSchema = z.string().trim().max(TEXT_LIMIT).optional();

/**
 * What can happen to a deal registration, tagged by `type`. The instant and the program come with the
 * transition, not with the event.
 *
 * The partner's events:
 * - `update_details`: edit the deal and its customer (a draft, or while more information is requested);
 * - `submit`: send a draft, or a registration sent back for information, to review, with the `conflict`
 *   summary the caller computed just before (a resubmission keeps the first submission time, so a
 *   partner who answers a question keeps its place under `first_registered` precedence);
 * - `request_extension`: ask for more protection, with a reason, within the request window;
 * - `withdraw`: give up a draft or an open registration, optionally saying why.
 *
 * The vendor's events:
 * - `recheck_conflict`: record a conflict check run again while the registration waits or is reviewed;
 * - `start_review` (the reviewer), `request_info` (who asks, what), `approve` (who, and the reason for
 *   overriding a conflict the last check found), `reject` (who, why); a decision may come straight after
 *   submission, without `start_review`;
 * - `grant_extension` (who), `deny_extension` (who, why);
 * - `link_opportunity`: record the CRM opportunity the registration is about (picked by a manager, or the one
 *   the adapter created after a `create_opportunity` effect).
 *
 * The CRM's and the scheduler's events:
 * - `mark_won`, `mark_lost` (the closing day, and for a loss optionally why): the opportunity closed;
 * - `expire`: protection has ended (the scheduler sends it the day after `endsOn` or later).
 */
export const RegistrationEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('update_details'), details: RegistrationDetailsSchema }),
  z.strictObject({ type: z.literal('submit'), conflict: ConflictSummarySchema }),
  z.strictObject({ type: z.literal('recheck_conflict'), conflict: ConflictSummarySchema }),
  z.strictObject({ type: z.literal('start_review'), reviewerId: RecordIdSchema }),
  z.strictObject({
    type: z.literal('request_info'),
    by: RecordIdSchema,
    request: requiredText('request_required', 'say what information is needed'),
  }),
  z.strictObject({
    type: z.literal('approve'),
    by: RecordIdSchema,
    /** Needed to approve while the last conflict check says `conflict`: why the conflict does not stand. */
    overrideConflict: z.strictObject({ reason: requiredText('reason_required', 'an override says why') }).optional(),
  }),
  z.strictObject({
    type: z.literal('reject'),
    by: RecordIdSchema,
    reason: requiredText('reason_required', 'a rejection says why'),
  }),
  z.strictObject({
    type: z.literal('request_extension'),
    reason: requiredText('reason_required', 'an extension request says why'),
  }),
  z.strictObject({ type: z.literal('grant_extension'), by: RecordIdSchema }),
  z.strictObject({
    type: z.literal('deny_extension'),
    by: RecordIdSchema,
    reason: requiredText('reason_required', 'a denied extension says why'),
  }),
  z.strictObject({ type: z.literal('mark_won'), closedOn: CalendarDateSchema }),
  z.strictObject({ type: z.literal('mark_lost'), closedOn: CalendarDateSchema, reason: OptionalTextSchema }),
  z.strictObject({ type: z.literal('expire') }),
  z.strictObject({ type: z.literal('withdraw'), reason: OptionalTextSchema }),
  z.strictObject({ type: z.literal('link_opportunity'), opportunityId: RecordIdSchema }),
]);
/** An event as callers write it. */
export type RegistrationEvent = z.input<typeof RegistrationEventSchema>;
/** An event once checked: texts trimmed. */
export type CheckedRegistrationEvent = z.output<typeof RegistrationEventSchema>;
export type RegistrationEventType = RegistrationEvent['type'];
/** The checked event of one type. */
export type CheckedEventOf<T extends RegistrationEventType> = Extract<CheckedRegistrationEvent, { type: T }>;
