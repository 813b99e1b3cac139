import * as z from 'zod';
import { CatalogCodeSchema, RecordIdSchema } from '../../common/schemas.js';
import { NonNegativeMoneySchema } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { RegistrationCustomerSchema } from '../registration.js';

/**
 * Who is told about a registration: the partner who registered it, the channel manager who works the
 * partner's registrations, or the sales owner of the customer's account or opportunity. The caller finds
 * the people from the registration's partner and opportunity.
 */
export const RegistrationRecipientSchema = z.enum(['partner', 'channel_manager', 'sales_owner']);
export type RegistrationRecipient = z.infer<typeof RegistrationRecipientSchema>;

/** What happened to a registration, as a notification names it. */
export const RegistrationNoticeSchema = z.enum([
  'submitted',
  'resubmitted',
  'review_started',
  'info_requested',
  'approved',
  'rejected',
  'extension_requested',
  'extension_granted',
  'extension_denied',
  'won',
  'lost',
  'expired',
  'withdrawn',
]);
export type RegistrationNotice = z.infer<typeof RegistrationNoticeSchema>;

/** Why protection is released: the registration left its protected states. */
export const ProtectionReleaseSchema = z.enum(['won', 'lost', 'expired', 'withdrawn']);
export type ProtectionRelease = z.infer<typeof ProtectionReleaseSchema>;

const about = { registrationId: RecordIdSchema, partnerId: RecordIdSchema };

/**
 * What a lifecycle transition asks the caller to do, as data; the core never performs it:
 * - `notify`: tell a recipient what happened, with a sentence;
 * - `create_opportunity`: at approval of a registration without an opportunity, create one in the CRM
 *   for the customer (then record it with the `link_opportunity` event);
 * - `link_opportunity`: mark the CRM opportunity `opportunityId` as registered by the partner;
 * - `set_protection`: show the protection window (`startsOn` to `endsOn`, both included) on the
 *   opportunity; `opportunityId` is `null` while the opportunity is still being created;
 * - `release_protection`: the registration no longer protects the deal; clear the window.
 *
 * @example
 * { type: 'set_protection', registrationId: 'reg-1', partnerId: 'p-1', opportunityId: '006…', startsOn: '2026-11-24', endsOn: '2027-02-21' }
 */
export const RegistrationEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notify'),
    ...about,
    recipient: RegistrationRecipientSchema,
    notice: RegistrationNoticeSchema,
    message: z.string().min(1),
  }),
  z.strictObject({
    type: z.literal('create_opportunity'),
    ...about,
    customer: RegistrationCustomerSchema,
    amount: NonNegativeMoneySchema.optional(),
    expectedCloseDate: CalendarDateSchema.optional(),
    products: z.array(CatalogCodeSchema),
  }),
  z.strictObject({ type: z.literal('link_opportunity'), ...about, opportunityId: RecordIdSchema }),
  z.strictObject({
    type: z.literal('set_protection'),
    ...about,
    opportunityId: RecordIdSchema.nullable(),
    startsOn: CalendarDateSchema,
    endsOn: CalendarDateSchema,
  }),
  z.strictObject({
    type: z.literal('release_protection'),
    ...about,
    opportunityId: RecordIdSchema.nullable(),
    reason: ProtectionReleaseSchema,
  }),
]);
export type RegistrationEffect = z.infer<typeof RegistrationEffectSchema>;
