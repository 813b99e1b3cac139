import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../common/schemas.js';
import { PartnerStatusSchema } from '../entities/partner.js';
import { CalendarDateSchema } from '../time/calendar-date.js';

/** Who is told: the partner's own contacts, or the channel manager who looks after the partner. */
export const LifecycleRecipientSchema = z.enum(['partner', 'channel_manager']);
export type LifecycleRecipient = z.infer<typeof LifecycleRecipientSchema>;

/** What happened, as a notification names it. */
export const LifecycleNoticeSchema = z.enum([
  'application_received',
  'approved',
  'rejected',
  'onboarding_started',
  'milestone_completed',
  'milestone_waived',
  'milestones_overdue',
  'activated',
  'suspended',
  'reactivated',
  'offboarded',
]);
export type LifecycleNotice = z.infer<typeof LifecycleNoticeSchema>;

/**
 * What a lifecycle transition asks the caller to do, as data; the core never performs it:
 * - `notify`: tell a recipient what happened, with a sentence;
 * - `set_partner_status`: write the partner's new status on its CRM record (`Partner.status`), which
 *   the other workflows' guards read;
 * - `start_onboarding_checklist`: create the onboarding tasks, one per milestone, with its due day;
 * - `close_milestone_task`: mark a milestone's task done (`completed`) or dropped (`waived`);
 * - `cancel_onboarding_checklist`: drop the tasks of milestones still pending when the partner leaves;
 * - `recall_lead_offers`: the partner may no longer receive leads: recycle its open lead offers (the
 *   routing use cases reassign them).
 */
export const PartnerLifecycleEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notify'),
    partnerId: RecordIdSchema,
    recipient: LifecycleRecipientSchema,
    notice: LifecycleNoticeSchema,
    message: z.string().min(1),
  }),
  z.strictObject({ type: z.literal('set_partner_status'), partnerId: RecordIdSchema, status: PartnerStatusSchema }),
  z.strictObject({
    type: z.literal('start_onboarding_checklist'),
    partnerId: RecordIdSchema,
    milestones: z.array(
      z.strictObject({
        id: IdentifierSchema,
        name: DisplayNameSchema,
        required: z.boolean(),
        dueOn: CalendarDateSchema,
      }),
    ),
  }),
  z.strictObject({
    type: z.literal('close_milestone_task'),
    partnerId: RecordIdSchema,
    milestoneId: IdentifierSchema,
    outcome: z.enum(['completed', 'waived']),
  }),
  z.strictObject({
    type: z.literal('cancel_onboarding_checklist'),
    partnerId: RecordIdSchema,
    milestoneIds: z.array(IdentifierSchema).min(1),
  }),
  z.strictObject({ type: z.literal('recall_lead_offers'), partnerId: RecordIdSchema }),
]);
export type PartnerLifecycleEffect = z.infer<typeof PartnerLifecycleEffectSchema>;
