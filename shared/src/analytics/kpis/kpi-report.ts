import * as z from 'zod';
import { CatalogCodeSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { PartnerStatusSchema } from '../../entities/partner.js';
import { RoiRatioSchema } from '../../mdf/roi/ratio.js';
import { MdfRoiReportSchema } from '../../mdf/roi/roi.js';
import { CurrencyCodeSchema, MoneySchema } from '../../money/money.js';
import { ChartSchema } from '../charts/chart.js';
import { DataIssueSchema } from '../data-issues.js';
import { KpiBucketSchema, KpiWindowSchema } from './kpi-window.js';

/** An amount and the number of deals behind it. */
export const MoneyCountSchema = z.strictObject({ amount: MoneySchema, deals: z.int().min(0) });
export type MoneyCount = z.infer<typeof MoneyCountSchema>;

/**
 * A duration measured over many records (days to close a deal, hours to approve a registration or accept a
 * lead): how many, the mean, the exact median and 90th percentile (nearest rank: the ⌈p·n/100⌉-th smallest
 * value, so the median of an even count is the lower middle one), and how many met the service level and
 * what share (`null` where there is no service level). Every statistic is `null` when nothing was measured.
 */
export const DurationKpisSchema = z.strictObject({
  count: z.int().min(0),
  average: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  withinSla: z.int().min(0).nullable(),
  shareWithinSla: z.number().min(0).max(1).nullable(),
});
export type DurationKpis = z.infer<typeof DurationKpisSchema>;

/**
 * How closed deals came out: won and lost (closed in the bucket), the win rate (`null` without closed
 * deals), won revenue, the average won deal (rounded half to even; `null` without won deals) and the days
 * from creation to a win.
 */
export const DealOutcomesSchema = z.strictObject({
  won: z.int().min(0),
  lost: z.int().min(0),
  winRate: z.number().min(0).max(1).nullable(),
  wonRevenue: MoneySchema,
  averageDealSize: MoneySchema.nullable(),
  daysToClose: DurationKpisSchema,
});
export type DealOutcomes = z.infer<typeof DealOutcomesSchema>;

/**
 * Deal KPIs of partners: pipeline (deals created in the bucket) and won revenue (deals won in it), sourced
 * and influenced, and the outcomes of the deals partners took part in.
 */
export const PartnerDealKpisSchema = z.strictObject({
  sourcedPipeline: MoneyCountSchema,
  influencedPipeline: MoneyCountSchema,
  sourcedWon: MoneyCountSchema,
  influencedWon: MoneyCountSchema,
  outcomes: DealOutcomesSchema,
});
export type PartnerDealKpis = z.infer<typeof PartnerDealKpisSchema>;

/** Deal KPIs of the whole channel: the partners' ones (`outcomes` is with partners) plus direct deals and their outcomes. */
export const ChannelDealKpisSchema = PartnerDealKpisSchema.extend({
  directPipeline: MoneyCountSchema,
  directWon: MoneyCountSchema,
  withoutPartner: DealOutcomesSchema,
});
export type ChannelDealKpis = z.infer<typeof ChannelDealKpisSchema>;

/** Registrations decided in the bucket, and the hours from submission to approval against the program's SLA. */
export const RegistrationKpisSchema = z.strictObject({
  approved: z.int().min(0),
  rejected: z.int().min(0),
  approvalHours: DurationKpisSchema,
});
export type RegistrationKpis = z.infer<typeof RegistrationKpisSchema>;

/**
 * Lead offers that ended in the bucket: accepted, declined, expired, the acceptance rate among them, and the
 * hours from offer to acceptance (within SLA: accepted by the offer's due time).
 */
export const LeadOfferKpisSchema = z.strictObject({
  accepted: z.int().min(0),
  declined: z.int().min(0),
  expired: z.int().min(0),
  acceptanceRate: z.number().min(0).max(1).nullable(),
  acceptanceHours: DurationKpisSchema,
});
export type LeadOfferKpis = z.infer<typeof LeadOfferKpisSchema>;

/** Partner engagement: activities counted (by kind) and how many partners did at least one. */
export const EngagementKpisSchema = z.strictObject({
  activities: z.int().min(0),
  byKind: z.array(z.strictObject({ kind: CatalogCodeSchema, count: z.int().min(1) })),
  engagedPartners: z.int().min(0),
});
export type EngagementKpis = z.infer<typeof EngagementKpisSchema>;

/**
 * Return on partner investment: what was invested in partners (MDF paid, incentives…), the revenue they won
 * (sourced and influenced), and (revenue − invested) / invested as an exact ratio (`null` when nothing was
 * invested).
 */
export const InvestmentKpisSchema = z.strictObject({
  invested: MoneySchema,
  partnerRevenue: MoneySchema,
  returnOnInvestment: RoiRatioSchema.nullable(),
});
export type InvestmentKpis = z.infer<typeof InvestmentKpisSchema>;

/** Every KPI of a partner, or of a group of partners (a tier, a program). */
export const PartnerKpisSchema = z.strictObject({
  deals: PartnerDealKpisSchema,
  registrations: RegistrationKpisSchema,
  leadOffers: LeadOfferKpisSchema,
  engagement: EngagementKpisSchema,
  investment: InvestmentKpisSchema,
});
export type PartnerKpis = z.infer<typeof PartnerKpisSchema>;

/** Every KPI of the channel, over the window or one bucket. */
export const ChannelKpisSchema = PartnerKpisSchema.extend({ deals: ChannelDealKpisSchema });
export type ChannelKpis = z.infer<typeof ChannelKpisSchema>;

/** One partner's row: who it is, its current status, tier and program, and its KPIs over the window. */
export const PartnerKpiRowSchema = z.strictObject({
  partnerId: RecordIdSchema,
  name: z.string().min(1),
  status: PartnerStatusSchema,
  tierId: IdentifierSchema.nullable(),
  programId: IdentifierSchema,
  kpis: PartnerKpisSchema,
});
export type PartnerKpiRow = z.infer<typeof PartnerKpiRowSchema>;

/** A group of partners (a tier, or `none`; a program): how many partners and their KPIs together. */
export const GroupKpiRowSchema = z.strictObject({
  key: z.string().min(1),
  label: z.string().min(1),
  partners: z.int().min(0),
  kpis: PartnerKpisSchema,
});
export type GroupKpiRow = z.infer<typeof GroupKpiRowSchema>;

/** A region (the account's country or subdivision, or `unknown`) and the deal KPIs of its accounts. */
export const RegionKpiRowSchema = z.strictObject({
  key: z.string().min(1),
  label: z.string().min(1),
  deals: ChannelDealKpisSchema,
});
export type RegionKpiRow = z.infer<typeof RegionKpiRowSchema>;

/**
 * Tiers over the window: how many channel partners held each tier (or none) at the end of each bucket,
 * upgrades and downgrades taking effect in each bucket, and every move of the window from tier to tier.
 */
export const TierKpisSchema = z.strictObject({
  tiers: z.array(z.strictObject({ key: z.string().min(1), label: z.string().min(1) })),
  distribution: z.array(z.array(z.int().min(0))),
  upgrades: z.array(z.int().min(0)),
  downgrades: z.array(z.int().min(0)),
  moves: z.array(z.strictObject({ from: z.string().min(1), to: z.string().min(1), count: z.int().min(1) })),
});
export type TierKpis = z.infer<typeof TierKpisSchema>;

/**
 * The channel's KPIs over a window: the numbers for the whole window (`total`) and per bucket (`byBucket`,
 * in the order of `buckets`), per partner (every partner given, those without data with zeros and nulls),
 * per tier, program and region; tiers' distribution and movements; MDF ROI when MDF data was given; charts
 * ready to draw; and the rows that could not be used. Money is in `currency`.
 */
export const ChannelKpiReportSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  window: KpiWindowSchema,
  regionBy: z.enum(['country', 'subdivision']),
  buckets: z.array(KpiBucketSchema).min(1),
  total: ChannelKpisSchema,
  byBucket: z.array(ChannelKpisSchema),
  byPartner: z.array(PartnerKpiRowSchema),
  byTier: z.array(GroupKpiRowSchema),
  byProgram: z.array(GroupKpiRowSchema),
  byRegion: z.array(RegionKpiRowSchema),
  tiers: TierKpisSchema,
  mdfRoi: MdfRoiReportSchema.nullable(),
  charts: z.array(ChartSchema),
  dataIssues: z.array(DataIssueSchema),
});
export type ChannelKpiReport = z.infer<typeof ChannelKpiReportSchema>;
