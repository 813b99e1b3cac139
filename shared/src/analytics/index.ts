/**
 * Channel analytics: attribution of deals to the partners that touched them (sourced versus influenced by
 * the program's rule; first touch, last touch, linear, time decay, position based and custom models, with
 * exact shares), and the channel's KPIs over a window of fiscal or calendar buckets, by partner, tier,
 * program and region, as numbers and as charts; converters from the core's records to KPI rows; and the use
 * cases against the analytics ports.
 */
export { PartnerTouchSchema, AttributionDealSchema, MAX_TOUCHES_PER_DEAL } from './attribution/touch.js';
export type { AttributionDeal, PartnerTouch } from './attribution/touch.js';
export {
  compareTouches,
  selectTouches,
  TOUCH_KIND_ORDER,
  type TouchSelection,
} from './attribution/eligible-touches.js';
export { classifyDeal, type DealClassification } from './attribution/classify-deal.js';
export { decayWeight, FULL_WEIGHT } from './attribution/decay.js';
export { touchWeights, type TouchWeights } from './attribution/touch-weights.js';
export { attributionModelKey, attributionModelWords } from './attribution/attribution-model-words.js';
export {
  AttributedRoleSchema,
  DealAttributionSchema,
  DealClassificationKindSchema,
  PartnerShareSchema,
  type AttributedRole,
  type DealAttribution,
  type PartnerShare,
} from './attribution/deal-attribution.js';
export {
  planAttribution,
  type AttributionInput,
  type AttributionPlan,
  type PlannedPartner,
} from './attribution/plan-attribution.js';
export { attributeDeal, ATTRIBUTION_DECISION } from './attribution/attribute-deal.js';
export {
  AttributedFiguresSchema,
  AttributionReportSchema,
  ClassificationFiguresSchema,
  compareAttribution,
  PartnerAttributionSchema,
  type AttributedFigures,
  type AttributionReport,
  type AttributionReportInput,
  type PartnerAttribution,
} from './attribution/attribution-report.js';
export {
  ChartCategorySchema,
  ChartSchema,
  ChartSeriesSchema,
  ChartUnitSchema,
  type Chart,
  type ChartCategory,
  type ChartSeries,
  type ChartUnit,
} from './charts/chart.js';
export { DataIssueSchema, DataIssueTally, type DataIssue } from './data-issues.js';
export {
  BucketIndex,
  kpiBuckets,
  KpiBucketSchema,
  KpiWindowSchema,
  MAX_BUCKETS,
  type KpiBucket,
  type KpiWindow,
} from './kpis/kpi-window.js';
export { nearestRank } from './kpis/rank-statistics.js';
export { GroupedSamples, radixOrder, type SampleSummary } from './kpis/grouped-samples.js';
export {
  DayNumberSchema,
  EpochMillisecondsSchema,
  KpiActivitySchema,
  KpiDealSchema,
  KpiInvestmentSchema,
  KpiOfferSchema,
  KpiPartnerSchema,
  KpiRegistrationSchema,
  KpiTierChangeSchema,
  type KpiActivity,
  type KpiDeal,
  type KpiInvestment,
  type KpiOffer,
  type KpiPartner,
  type KpiRegistration,
  type KpiTierChange,
} from './kpis/kpi-rows.js';
export {
  ChannelDealKpisSchema,
  ChannelKpiReportSchema,
  ChannelKpisSchema,
  DealOutcomesSchema,
  DurationKpisSchema,
  EngagementKpisSchema,
  GroupKpiRowSchema,
  InvestmentKpisSchema,
  LeadOfferKpisSchema,
  MoneyCountSchema,
  PartnerDealKpisSchema,
  PartnerKpiRowSchema,
  PartnerKpisSchema,
  RegionKpiRowSchema,
  RegistrationKpisSchema,
  TierKpisSchema,
  type ChannelDealKpis,
  type ChannelKpiReport,
  type ChannelKpis,
  type DealOutcomes,
  type DurationKpis,
  type EngagementKpis,
  type GroupKpiRow,
  type InvestmentKpis,
  type LeadOfferKpis,
  type MoneyCount,
  type PartnerDealKpis,
  type PartnerKpiRow,
  type PartnerKpis,
  type RegionKpiRow,
  type RegistrationKpis,
  type TierKpis,
} from './kpis/kpi-report.js';
export { createChannelKpis, type ChannelKpiCalculator, type ChannelKpiConfig } from './kpis/channel-kpis.js';
export { computeChannelKpis, type ChannelKpiInputs } from './kpis/compute-channel-kpis.js';
export {
  kpiDealOf,
  kpiPartnerOf,
  kpiRegistrationOf,
  kpiTierChangesOf,
  programDayOf,
  type RowContext,
} from './records/kpi-rows-of.js';
export { attributionDealOf, touchOfDeal } from './records/attribution-records.js';
export type { AnalyticsDependencies, AttributionSource, ChannelAnalyticsSource, DayRange } from './ports.js';
export { ChannelKpiRequestSchema, reportChannelKpis, type ChannelKpiRequest } from './use-cases/report-channel-kpis.js';
export {
  AttributionRequestSchema,
  reportAttribution,
  type AttributionRequest,
} from './use-cases/report-attribution.js';
