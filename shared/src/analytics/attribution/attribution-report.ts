import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CurrencyCodeSchema, MoneySchema, type CurrencyCode, type Money } from '../../money/money.js';
import {
  AttributionModelSchema,
  type AttributionModel,
  type AttributionPolicy,
} from '../../program/schema/analytics-policy.js';
import { CalendarDateSchema, type CalendarDate } from '../../time/calendar-date.js';
import { chartSeries, ChartSchema, type Chart } from '../charts/chart.js';
import { DataIssueSchema, DataIssueTally } from '../data-issues.js';
import { attributionModelKey, attributionModelWords } from './attribution-model-words.js';
import { planAttribution } from './plan-attribution.js';
import type { AttributionDeal, PartnerTouch } from './touch.js';

/** Amounts credited under one model: pipeline (deals created in the window) and won revenue (deals won in it), each split by role. */
export const AttributedFiguresSchema = z.strictObject({
  sourcedPipeline: MoneySchema,
  influencedPipeline: MoneySchema,
  sourcedWon: MoneySchema,
  influencedWon: MoneySchema,
});
export type AttributedFigures = z.infer<typeof AttributedFiguresSchema>;

/** One partner's attribution: how many deals it touched (and sourced) and its figures under each model, in the report's model order. */
export const PartnerAttributionSchema = z.strictObject({
  partnerId: RecordIdSchema,
  label: z.string().min(1),
  deals: z.int().min(0),
  sourcedDeals: z.int().min(0),
  byModel: z.array(AttributedFiguresSchema),
});
export type PartnerAttribution = z.infer<typeof PartnerAttributionSchema>;

/** Deals of one classification: how many, their pipeline and their won revenue (model-independent). */
export const ClassificationFiguresSchema = z.strictObject({
  pipelineDeals: z.int().min(0),
  pipeline: MoneySchema,
  wonDeals: z.int().min(0),
  won: MoneySchema,
});

/**
 * Attributed revenue per partner under one or more models, over many deals: the deals by classification
 * (sourced, influenced, direct), each partner's credited pipeline and won revenue per model, charts of
 * won revenue by partner per model (the 20 partners credited most under the first model), and the data that
 * could not be used.
 */
export const AttributionReportSchema = z.strictObject({
  currency: CurrencyCodeSchema,
  asOf: CalendarDateSchema,
  window: z.strictObject({ from: CalendarDateSchema, to: CalendarDateSchema }).nullable(),
  models: z.array(z.strictObject({ key: z.string(), label: z.string(), model: AttributionModelSchema })).min(1),
  classification: z.strictObject({
    sourced: ClassificationFiguresSchema,
    influenced: ClassificationFiguresSchema,
    direct: ClassificationFiguresSchema,
  }),
  byPartner: z.array(PartnerAttributionSchema),
  charts: z.array(ChartSchema),
  dataIssues: z.array(DataIssueSchema),
});
export type AttributionReport = z.infer<typeof AttributionReportSchema>;

/** What an attribution report reads. */
export interface AttributionReportInput {
  deals: Iterable<AttributionDeal>;
  touches: Iterable<PartnerTouch>;
  policy: AttributionPolicy;
  /** The models to compare; the policy's own when left out. */
  models?: readonly AttributionModel[];
  /** The currency every deal is in (the program's); a deal in another one is left out and reported. */
  currency: CurrencyCode;
  asOf: CalendarDate;
  /** Pipeline counts deals created in [from, to), won revenue deals won in it; every deal when left out. */
  window?: { from: CalendarDate; to: CalendarDate };
  /** Partner names for labels; a partner without one is labelled by its id. */
  partnerNames?: ReadonlyMap<string, string>;
}

const TOP_PARTNERS = 20;

interface Tally {
  deals: number;
  sourcedDeals: number;
  byModel: { sourcedPipeline: number; influencedPipeline: number; sourcedWon: number; influencedWon: number }[];
}

/**
 * Attributes many deals at once (see `attributeDeal` for the rule, the models and the exact shares) and adds
 * up what each partner is credited with, under every model asked for. A deal counts in the pipeline when
 * created in the window and in won revenue when won in it. Touches of deals not given, deals in another
 * currency and deals with too many touches are left out and counted in `dataIssues`. Explanations are
 * not kept (`attributeDeal` gives one deal's).
 *
 * @example compareAttribution({ deals, touches, policy, models: [{ kind: 'first_touch' }, { kind: 'linear' }], currency: 'USD', asOf: '2026-11-24' })
 */
export function compareAttribution(input: AttributionReportInput): AttributionReport {
  const { policy, currency, asOf, window } = input;
  const models = input.models && input.models.length > 0 ? [...input.models] : [policy.model];
  const issues = new DataIssueTally();
  const deals = new Map<string, AttributionDeal>();
  for (const deal of input.deals) deals.set(deal.id, deal);
  const touchesOf = new Map<string, PartnerTouch[]>();
  for (const touch of input.touches) {
    if (!deals.has(touch.dealId)) {
      issues.add(
        'touch_of_unknown_deal',
        'touch names a deal that is not in the report',
        'touches name a deal that is not in the report',
      );
      continue;
    }
    const list = touchesOf.get(touch.dealId) ?? [];
    list.push(touch);
    touchesOf.set(touch.dealId, list);
  }
  const inWindow = (day: CalendarDate | null) =>
    day !== null && (window === undefined || (window.from <= day && day < window.to));
  const classes = {
    sourced: { pipelineDeals: 0, pipeline: 0, wonDeals: 0, won: 0 },
    influenced: { pipelineDeals: 0, pipeline: 0, wonDeals: 0, won: 0 },
    direct: { pipelineDeals: 0, pipeline: 0, wonDeals: 0, won: 0 },
  };
  const partners = new Map<string, Tally>();
  const tallyOf = (partnerId: string): Tally => {
    let tally = partners.get(partnerId);
    if (!tally) {
      tally = {
        deals: 0,
        sourcedDeals: 0,
        byModel: models.map(() => ({ sourcedPipeline: 0, influencedPipeline: 0, sourcedWon: 0, influencedWon: 0 })),
      };
      partners.set(partnerId, tally);
    }
    return tally;
  };

  for (const deal of deals.values()) {
    if (deal.amount.currency !== currency) {
      issues.add(
        'currency_mismatch',
        `deal is not in ${currency} and was left out: convert it first`,
        `deals are not in ${currency} and were left out: convert them first`,
      );
      continue;
    }
    const pipeline = inWindow(deal.createdOn);
    const won = deal.stage === 'won' && inWindow(deal.closedOn);
    if (!pipeline && !won) continue;
    const touches = touchesOf.get(deal.id) ?? [];
    for (const [index, model] of models.entries()) {
      const planned = planAttribution({ deal, touches, policy, model, asOf });
      if (!planned.success) {
        issues.add(
          'too_many_touches',
          'deal has more touches than attribution takes and was left out',
          'deals have more touches than attribution takes and were left out',
        );
        break;
      }
      const plan = planned.data;
      if (index === 0) {
        const figures = classes[plan.classification.kind];
        if (pipeline) {
          figures.pipelineDeals += 1;
          figures.pipeline += deal.amount.amount;
        }
        if (won) {
          figures.wonDeals += 1;
          figures.won += deal.amount.amount;
        }
      }
      for (const partner of plan.partners) {
        const tally = tallyOf(partner.partnerId);
        if (index === 0) {
          tally.deals += 1;
          if (partner.role === 'sourced') tally.sourcedDeals += 1;
        }
        const figures = tally.byModel[index]!;
        const sourced = partner.role === 'sourced';
        if (pipeline) {
          if (sourced) figures.sourcedPipeline += partner.share.amount;
          else figures.influencedPipeline += partner.share.amount;
        }
        if (won) {
          if (sourced) figures.sourcedWon += partner.share.amount;
          else figures.influencedWon += partner.share.amount;
        }
      }
    }
  }

  const money = (amount: number): Money => {
    if (!Number.isSafeInteger(amount)) throw new Error('An attributed total exceeds the safe integer range.');
    return { amount, currency };
  };
  const byPartner = [...partners]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([partnerId, tally]) => ({
      partnerId,
      label: input.partnerNames?.get(partnerId) ?? partnerId,
      deals: tally.deals,
      sourcedDeals: tally.sourcedDeals,
      byModel: tally.byModel.map((figures) => ({
        sourcedPipeline: money(figures.sourcedPipeline),
        influencedPipeline: money(figures.influencedPipeline),
        sourcedWon: money(figures.sourcedWon),
        influencedWon: money(figures.influencedWon),
      })),
    }));
  const classification = Object.fromEntries(
    Object.entries(classes).map(([kind, figures]) => [
      kind,
      { ...figures, pipeline: money(figures.pipeline), won: money(figures.won) },
    ]),
  ) as AttributionReport['classification'];
  const described = models.map((model) => ({
    key: attributionModelKey(model),
    label: attributionModelWords(model),
    model,
  }));
  return {
    currency,
    asOf,
    window: window ? { from: window.from, to: window.to } : null,
    models: described,
    classification,
    byPartner,
    charts: [wonByPartnerChart(byPartner, described), classificationChart(classification)],
    dataIssues: issues.list(),
  };
}

function wonByPartnerChart(byPartner: PartnerAttribution[], models: AttributionReport['models']): Chart {
  const won = (partner: PartnerAttribution, index: number) =>
    partner.byModel[index]!.sourcedWon.amount + partner.byModel[index]!.influencedWon.amount;
  const top = [...byPartner]
    .sort((a, b) => won(b, 0) - won(a, 0) || (a.partnerId < b.partnerId ? -1 : 1))
    .slice(0, TOP_PARTNERS);
  return {
    key: 'attributed_won_revenue_by_partner',
    title: 'Attributed won revenue by partner, per model',
    axis: 'category',
    categories: top.map((partner) => ({ key: partner.partnerId, label: partner.label })),
    series: models.map((model, index) =>
      chartSeries(
        model.key,
        model.label,
        'money',
        top.map((partner) => won(partner, index)),
      ),
    ),
  };
}

function classificationChart(classification: AttributionReport['classification']): Chart {
  const kinds = [
    { key: 'sourced', label: 'Partner-sourced' },
    { key: 'influenced', label: 'Partner-influenced' },
    { key: 'direct', label: 'Direct' },
  ] as const;
  return {
    key: 'deals_by_classification',
    title: 'Pipeline and won revenue by partner involvement',
    axis: 'category',
    categories: kinds.map(({ key, label }) => ({ key, label })),
    series: [
      chartSeries(
        'pipeline',
        'Pipeline',
        'money',
        kinds.map(({ key }) => classification[key].pipeline.amount),
      ),
      chartSeries(
        'won',
        'Won revenue',
        'money',
        kinds.map(({ key }) => classification[key].won.amount),
      ),
    ],
  };
}
