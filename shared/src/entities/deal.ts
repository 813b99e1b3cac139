import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, RecordIdSchema } from '../common/schemas.js';
import { NonNegativeMoneySchema } from '../money/money.js';
import { CalendarDateSchema } from '../time/calendar-date.js';
import { InstantSchema } from '../time/instant.js';

/** How a partner took part in a deal: it brought the deal (sourced) or helped win it (influenced). */
export const PartnerRoleSchema = z.enum(['sourced', 'influenced']);
export type PartnerRole = z.infer<typeof PartnerRoleSchema>;

const dealFields = {
  id: RecordIdSchema,
  name: DisplayNameSchema,
  accountId: RecordIdSchema,
  amount: NonNegativeMoneySchema,
  products: z.array(CatalogCodeSchema),
  createdAt: InstantSchema,
  expectedCloseDate: CalendarDateSchema.optional(),
  partnerId: RecordIdSchema.nullable(),
  partnerRole: PartnerRoleSchema.nullable(),
  registrationId: RecordIdSchema.nullable(),
  version: z.int().min(0),
};

/**
 * An opportunity (Salesforce) or deal (HubSpot): open, or closed won or lost on a date.
 * A partner-involved deal names the partner and its role.
 */
export const DealSchema = z
  .discriminatedUnion('stage', [
    z.strictObject({ ...dealFields, stage: z.literal('open') }),
    z.strictObject({ ...dealFields, stage: z.literal('won'), closedOn: CalendarDateSchema }),
    z.strictObject({ ...dealFields, stage: z.literal('lost'), closedOn: CalendarDateSchema }),
  ])
  .refine((deal) => (deal.partnerId === null) === (deal.partnerRole === null), {
    error: 'must name both the partner and its role, or neither',
    params: { code: 'partner_role_mismatch' },
    path: ['partnerRole'],
  });
export type Deal = z.infer<typeof DealSchema>;
