import type { RoiRatio } from '../../mdf/roi/ratio.js';
import { chartSeries, type Chart, type ChartCategory, type ChartSeries } from '../charts/chart.js';
import type { ChannelKpiReport, ChannelKpis, GroupKpiRow, PartnerKpiRow, RegionKpiRow } from './kpi-report.js';

const TOP_PARTNERS = 20;

const ratio = (value: RoiRatio | null) => (value === null ? null : value.numerator / value.denominator);

function timeChart(
  report: Omit<ChannelKpiReport, 'charts'>,
  key: string,
  title: string,
  series: { key: string; label: string; unit: ChartSeries['unit']; value: (kpis: ChannelKpis) => number | null }[],
): Chart {
  return {
    key,
    title,
    axis: 'time',
    categories: report.buckets.map((bucket) => ({ key: bucket.key, label: bucket.label })),
    series: series.map((entry) => chartSeries(entry.key, entry.label, entry.unit, report.byBucket.map(entry.value))),
  };
}

function categoryChart<Row>(
  key: string,
  title: string,
  rows: readonly Row[],
  category: (row: Row) => ChartCategory,
  series: { key: string; label: string; unit: ChartSeries['unit']; value: (row: Row) => number | null }[],
): Chart {
  return {
    key,
    title,
    axis: 'category',
    categories: rows.map(category),
    series: series.map((entry) => chartSeries(entry.key, entry.label, entry.unit, rows.map(entry.value))),
  };
}

const wonSeries = <Row extends GroupKpiRow | PartnerKpiRow>() => [
  {
    key: 'sourced',
    label: 'Partner-sourced',
    unit: 'money' as const,
    value: (row: Row) => row.kpis.deals.sourcedWon.amount.amount,
  },
  {
    key: 'influenced',
    label: 'Partner-influenced',
    unit: 'money' as const,
    value: (row: Row) => row.kpis.deals.influencedWon.amount.amount,
  },
];

/**
 * The `count` partners with the most won revenue (sourced and influenced), most first, ties by partner id:
 * one pass keeping a short sorted list, so 100,000 partners are never sorted whole.
 */
function topByWonRevenue(rows: readonly PartnerKpiRow[], count: number): PartnerKpiRow[] {
  const won = Float64Array.from(
    rows,
    (row) => row.kpis.deals.sourcedWon.amount.amount + row.kpis.deals.influencedWon.amount.amount,
  );
  const ahead = (a: number, b: number) =>
    won[a]! > won[b]! || (won[a] === won[b] && rows[a]!.partnerId < rows[b]!.partnerId);
  const best: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    if (best.length === count && !ahead(index, best[count - 1]!)) continue;
    let at = best.length;
    while (at > 0 && ahead(index, best[at - 1]!)) at--;
    best.splice(at, 0, index);
    if (best.length > count) best.pop();
  }
  return best.map((index) => rows[index]!);
}

/**
 * The charts of a KPI report: over time (pipeline, won revenue, win rate, deal size and days to close with
 * and without partners, registration approval and lead acceptance hours, SLA shares, return on partner
 * investment, tier distribution and movements, engagement by activity kind) and by category (won revenue by
 * tier, program and region, the top 20 partners). Values are the report's own numbers, `null` where the
 * report has nothing to measure.
 */
export function channelKpiCharts(report: Omit<ChannelKpiReport, 'charts'>): Chart[] {
  const kinds = [...new Set(report.total.engagement.byKind.map((entry) => entry.kind))];
  const topPartners = topByWonRevenue(report.byPartner, TOP_PARTNERS);
  return [
    timeChart(report, 'pipeline', 'Pipeline created by partner involvement', [
      { key: 'sourced', label: 'Partner-sourced', unit: 'money', value: (k) => k.deals.sourcedPipeline.amount.amount },
      {
        key: 'influenced',
        label: 'Partner-influenced',
        unit: 'money',
        value: (k) => k.deals.influencedPipeline.amount.amount,
      },
      { key: 'direct', label: 'Direct', unit: 'money', value: (k) => k.deals.directPipeline.amount.amount },
    ]),
    timeChart(report, 'won_revenue', 'Won revenue by partner involvement', [
      { key: 'sourced', label: 'Partner-sourced', unit: 'money', value: (k) => k.deals.sourcedWon.amount.amount },
      {
        key: 'influenced',
        label: 'Partner-influenced',
        unit: 'money',
        value: (k) => k.deals.influencedWon.amount.amount,
      },
      { key: 'direct', label: 'Direct', unit: 'money', value: (k) => k.deals.directWon.amount.amount },
    ]),
    timeChart(report, 'win_rate', 'Win rate with and without partners', [
      { key: 'with_partner', label: 'With a partner', unit: 'ratio', value: (k) => k.deals.outcomes.winRate },
      {
        key: 'without_partner',
        label: 'Without a partner',
        unit: 'ratio',
        value: (k) => k.deals.withoutPartner.winRate,
      },
    ]),
    timeChart(report, 'average_deal_size', 'Average won deal with and without partners', [
      {
        key: 'with_partner',
        label: 'With a partner',
        unit: 'money',
        value: (k) => k.deals.outcomes.averageDealSize?.amount ?? null,
      },
      {
        key: 'without_partner',
        label: 'Without a partner',
        unit: 'money',
        value: (k) => k.deals.withoutPartner.averageDealSize?.amount ?? null,
      },
    ]),
    timeChart(report, 'days_to_close', 'Days from creation to a win, with and without partners', [
      {
        key: 'with_partner_median',
        label: 'With a partner, median',
        unit: 'days',
        value: (k) => k.deals.outcomes.daysToClose.median,
      },
      {
        key: 'with_partner_p90',
        label: 'With a partner, 90th percentile',
        unit: 'days',
        value: (k) => k.deals.outcomes.daysToClose.p90,
      },
      {
        key: 'without_partner_median',
        label: 'Without a partner, median',
        unit: 'days',
        value: (k) => k.deals.withoutPartner.daysToClose.median,
      },
      {
        key: 'without_partner_p90',
        label: 'Without a partner, 90th percentile',
        unit: 'days',
        value: (k) => k.deals.withoutPartner.daysToClose.p90,
      },
    ]),
    timeChart(report, 'registration_approval', 'Hours from registration to approval', [
      { key: 'median', label: 'Median', unit: 'hours', value: (k) => k.registrations.approvalHours.median },
      { key: 'p90', label: '90th percentile', unit: 'hours', value: (k) => k.registrations.approvalHours.p90 },
    ]),
    timeChart(report, 'lead_acceptance', 'Hours from lead offer to acceptance', [
      { key: 'median', label: 'Median', unit: 'hours', value: (k) => k.leadOffers.acceptanceHours.median },
      { key: 'p90', label: '90th percentile', unit: 'hours', value: (k) => k.leadOffers.acceptanceHours.p90 },
    ]),
    timeChart(report, 'within_sla', 'Share within the service level', [
      {
        key: 'registration_approval',
        label: 'Registrations approved within SLA',
        unit: 'ratio',
        value: (k) => k.registrations.approvalHours.shareWithinSla,
      },
      {
        key: 'lead_acceptance',
        label: 'Leads accepted within SLA',
        unit: 'ratio',
        value: (k) => k.leadOffers.acceptanceHours.shareWithinSla,
      },
    ]),
    timeChart(report, 'return_on_partner_investment', 'Return on partner investment', [
      {
        key: 'return',
        label: 'Return on investment',
        unit: 'ratio',
        value: (k) => ratio(k.investment.returnOnInvestment),
      },
    ]),
    {
      key: 'tier_distribution',
      title: 'Partners by tier at the end of each period',
      axis: 'time',
      categories: report.buckets.map((bucket) => ({ key: bucket.key, label: bucket.label })),
      series: report.tiers.tiers.map((tier, column) =>
        chartSeries(
          tier.key,
          tier.label,
          'count',
          report.tiers.distribution.map((counts) => counts[column]!),
        ),
      ),
    },
    {
      key: 'tier_movements',
      title: 'Tier upgrades and downgrades',
      axis: 'time',
      categories: report.buckets.map((bucket) => ({ key: bucket.key, label: bucket.label })),
      series: [
        chartSeries('upgrades', 'Upgrades', 'count', [...report.tiers.upgrades]),
        chartSeries('downgrades', 'Downgrades', 'count', [...report.tiers.downgrades]),
      ],
    },
    timeChart(report, 'engagement', 'Partner activities by kind', [
      ...kinds.map((kind) => ({
        key: kind,
        label: kind,
        unit: 'count' as const,
        value: (k: ChannelKpis) => k.engagement.byKind.find((entry) => entry.kind === kind)?.count ?? 0,
      })),
      { key: 'engaged_partners', label: 'Engaged partners', unit: 'count', value: (k) => k.engagement.engagedPartners },
    ]),
    categoryChart(
      'won_revenue_by_tier',
      'Won revenue by tier',
      report.byTier,
      (row) => ({ key: row.key, label: row.label }),
      wonSeries<GroupKpiRow>(),
    ),
    categoryChart(
      'won_revenue_by_program',
      'Won revenue by program',
      report.byProgram,
      (row) => ({ key: row.key, label: row.label }),
      wonSeries<GroupKpiRow>(),
    ),
    categoryChart(
      'won_revenue_by_region',
      'Won revenue by region',
      report.byRegion,
      (row: RegionKpiRow) => ({ key: row.key, label: row.label }),
      [
        { key: 'sourced', label: 'Partner-sourced', unit: 'money', value: (row) => row.deals.sourcedWon.amount.amount },
        {
          key: 'influenced',
          label: 'Partner-influenced',
          unit: 'money',
          value: (row) => row.deals.influencedWon.amount.amount,
        },
        { key: 'direct', label: 'Direct', unit: 'money', value: (row) => row.deals.directWon.amount.amount },
      ],
    ),
    categoryChart(
      'top_partners',
      `Top ${TOP_PARTNERS} partners by won revenue`,
      topPartners,
      (row) => ({ key: row.partnerId, label: row.name }),
      wonSeries<PartnerKpiRow>(),
    ),
  ];
}
