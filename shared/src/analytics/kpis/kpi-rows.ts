import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { PartnerRoleSchema } from '../../entities/deal.js';
import { PartnerStatusSchema } from '../../entities/partner.js';

/*
 * The rows KPIs are computed from: compact, flat records that adapters read from the CRM or the store
 * (`kpiDealOf`, `kpiRegistrationOf`… turn the core's records into them). Days are day numbers (days since
 * 1970-01-01 in the program's calendar, see `toDayNumber`) and instants are milliseconds since the epoch,
 * so that millions of rows compare and subtract without parsing. Amounts are integer minor units in the
 * program's currency. The KPI calculator reads a row and keeps nothing of it, so a caller streaming from
 * columns may reuse one object; it trusts the row's shape (parse rows that cross a boundary with these
 * schemas) and counts rows that contradict themselves in the report's data issues.
 */

/** A program day as a day number. */
export const DayNumberSchema = z.int();
/** An instant as milliseconds since 1970-01-01T00:00:00Z. */
export const EpochMillisecondsSchema = z.int();

/**
 * A partner as KPIs group it: its current lifecycle status, current tier (`null`: none) and the partner
 * program it belongs to (the tenant's program id unless it runs several, e.g. resellers and referrals).
 */
export const KpiPartnerSchema = z.strictObject({
  id: RecordIdSchema,
  name: DisplayNameSchema,
  status: PartnerStatusSchema,
  tierId: IdentifierSchema.nullable(),
  programId: IdentifierSchema,
});
export type KpiPartner = z.infer<typeof KpiPartnerSchema>;

/**
 * A deal: the partner credited with it and its role (both `null` for a direct deal), its stage, amount,
 * creation day, closing day (`null` while open) and the country and subdivision of its account.
 */
export const KpiDealSchema = z
  .strictObject({
    partnerId: RecordIdSchema.nullable(),
    role: PartnerRoleSchema.nullable(),
    stage: z.enum(['open', 'won', 'lost']),
    amount: z.int().min(0),
    createdOn: DayNumberSchema,
    closedOn: DayNumberSchema.nullable(),
    country: z.string().min(1).nullable(),
    subdivision: z.string().min(1).nullable(),
  })
  .refine((deal) => (deal.partnerId === null) === (deal.role === null), {
    error: 'must name both the partner and its role, or neither',
    params: { code: 'partner_role_mismatch' },
    path: ['role'],
  })
  .refine((deal) => (deal.stage === 'open') === (deal.closedOn === null), {
    error: 'must have a closing day exactly when the deal is closed',
    params: { code: 'closing_day_mismatch' },
    path: ['closedOn'],
  });
export type KpiDeal = z.infer<typeof KpiDealSchema>;

/**
 * A deal registration: when it was submitted, and once decided, the decision, its instant and its program
 * day (which places it in a bucket).
 */
export const KpiRegistrationSchema = z.strictObject({
  partnerId: RecordIdSchema,
  submittedAt: EpochMillisecondsSchema,
  decision: z.enum(['approved', 'rejected']).nullable(),
  decidedAt: EpochMillisecondsSchema.nullable(),
  decidedOn: DayNumberSchema.nullable(),
});
export type KpiRegistration = z.infer<typeof KpiRegistrationSchema>;

/**
 * A lead offer: when it was made and due, how it ended (still `open`, `accepted`, `declined` or `expired`),
 * when the partner answered (accepted or declined) and the program day it ended on.
 */
export const KpiOfferSchema = z.strictObject({
  partnerId: RecordIdSchema,
  offeredAt: EpochMillisecondsSchema,
  dueAt: EpochMillisecondsSchema,
  outcome: z.enum(['open', 'accepted', 'declined', 'expired']),
  answeredAt: EpochMillisecondsSchema.nullable(),
  resolvedOn: DayNumberSchema.nullable(),
});
export type KpiOffer = z.infer<typeof KpiOfferSchema>;

/** Something a partner did (a training, a portal login, a campaign), of a kind from the admin's catalogue, `count` times on a day. */
export const KpiActivitySchema = z.strictObject({
  partnerId: RecordIdSchema,
  kind: CatalogCodeSchema,
  on: DayNumberSchema,
  count: z.int().min(1),
});
export type KpiActivity = z.infer<typeof KpiActivitySchema>;

/** Money invested in a partner on a day: MDF paid, incentives, enablement… in the program's currency. */
export const KpiInvestmentSchema = z.strictObject({
  partnerId: RecordIdSchema,
  kind: CatalogCodeSchema,
  amount: z.int().min(0),
  on: DayNumberSchema,
});
export type KpiInvestment = z.infer<typeof KpiInvestmentSchema>;

/** A change of a partner's tier (`null`: no tier), effective on a day: from the tier history. */
export const KpiTierChangeSchema = z.strictObject({
  partnerId: RecordIdSchema,
  fromTierId: IdentifierSchema.nullable(),
  toTierId: IdentifierSchema.nullable(),
  effectiveOn: DayNumberSchema,
});
export type KpiTierChange = z.infer<typeof KpiTierChangeSchema>;
