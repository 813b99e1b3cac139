import * as z from 'zod';
import type { Deal } from '../../entities/deal.js';
import type { Partner } from '../../entities/partner.js';
import { allocateMoney } from '../../money/allocate.js';
import { convertMoney, type ExchangeRateTable } from '../../money/exchange.js';
import { MoneySchema, type Money } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { fiscalPeriodContaining } from '../../time/fiscal-period.js';
import { PeriodUnitSchema, type PeriodUnit } from '../../time/period.js';
import { findMdfActivity } from '../policy/terms.js';
import type { MdfRequest } from '../requests/request.js';
import { RoiRatioSchema, roiRatio } from './ratio.js';

/** The ROI of a group of requests (a partner, a tier, an activity type, a period, or all). */
export const MdfRoiFiguresSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  /** Requests approved at some point (approved, closed, or lapsed after approval). */
  requests: z.int().min(0),
  expectedLeads: z.int().min(0),
  /** Distinct leads linked to the requests. */
  leads: z.int().min(0),
  expectedPipeline: MoneySchema,
  mdfPaid: MoneySchema,
  /** Linked deals the partner sourced, at any stage: the pipeline the activities created. */
  sourcedPipeline: MoneySchema,
  /** Linked deals of the partner (sourced or influenced) closed won. */
  wonRevenue: MoneySchema,
  /** Sourced pipeline per unit of MDF paid; `null` when nothing was paid. */
  pipelinePerMdf: RoiRatioSchema.nullable(),
  /** Won revenue per unit of MDF paid; `null` when nothing was paid. */
  revenuePerMdf: RoiRatioSchema.nullable(),
  /** Return on partner investment: (won revenue − MDF paid) / MDF paid; `null` when nothing was paid. */
  returnOnPartnerInvestment: RoiRatioSchema.nullable(),
});
export type MdfRoiFigures = z.infer<typeof MdfRoiFiguresSchema>;

/** ROI of MDF, in the program currency, in total and per partner, tier, activity type and fiscal period. */
export const MdfRoiReportSchema = z.strictObject({
  currency: z.string(),
  periodUnit: PeriodUnitSchema,
  total: MdfRoiFiguresSchema,
  byPartner: z.array(MdfRoiFiguresSchema),
  byTier: z.array(MdfRoiFiguresSchema),
  byActivity: z.array(MdfRoiFiguresSchema),
  byPeriod: z.array(MdfRoiFiguresSchema),
});
export type MdfRoiReport = z.infer<typeof MdfRoiReportSchema>;

/** What ROI is computed from. */
export interface MdfRoiInputs {
  program: Program;
  requests: readonly MdfRequest[];
  /** What was paid on each request, in its allocation's currency (the ledger's `pay` postings). */
  payments: readonly { requestId: string; amount: Money }[];
  /** The deals linked to the requests (others are ignored). */
  deals: readonly Deal[];
  /** The requests' partners, for names and tiers (their current tier). */
  partners: readonly Partner[];
  periodUnit: PeriodUnit;
  rates: ExchangeRateTable;
}

interface Contribution {
  request: MdfRequest;
  paid: number;
  pipeline: number;
  won: number;
  expectedPipeline: number;
}

function wasApproved(request: MdfRequest): boolean {
  return (
    request.status === 'approved' ||
    request.status === 'closed' ||
    (request.status === 'lapsed' && request.approval !== null)
  );
}

function figures(key: string, label: string, items: readonly Contribution[], currency: string): MdfRoiFigures {
  const sum = (pick: (item: Contribution) => number) => items.reduce((total, item) => total + pick(item), 0);
  const paid = sum((item) => item.paid);
  const pipeline = sum((item) => item.pipeline);
  const won = sum((item) => item.won);
  const money = (amount: number): Money => ({ amount, currency });
  return {
    key,
    label,
    requests: items.length,
    expectedLeads: sum((item) => item.request.expected.leads),
    leads: new Set(items.flatMap((item) => item.request.links.leadIds)).size,
    expectedPipeline: money(sum((item) => item.expectedPipeline)),
    mdfPaid: money(paid),
    sourcedPipeline: money(pipeline),
    wonRevenue: money(won),
    pipelinePerMdf: roiRatio(pipeline, paid),
    revenuePerMdf: roiRatio(won, paid),
    returnOnPartnerInvestment: roiRatio(won - paid, paid),
  };
}

function grouped(
  items: readonly Contribution[],
  keyOf: (item: Contribution) => { key: string; label: string; order: string },
  currency: string,
): MdfRoiFigures[] {
  const groups = new Map<string, { label: string; order: string; items: Contribution[] }>();
  for (const item of items) {
    const { key, label, order } = keyOf(item);
    const group = groups.get(key) ?? { label, order, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a, x], [b, y]) => (x.order < y.order ? -1 : x.order > y.order ? 1 : a < b ? -1 : 1))
    .map(([key, group]) => figures(key, group.label, group.items, currency));
}

/**
 * Computes the ROI of MDF from requests, what was paid on them and the deals linked to them, in the
 * program currency (amounts in other currencies converted with the rates table, half to even).
 *
 * Only requests that were approved count. A linked deal counts for a request only when it names the
 * request's partner; a deal linked to several of those requests is split equally among them (largest
 * remainder, so it is counted exactly once in total). Sourced pipeline counts the linked deals the
 * partner sourced at any stage; won revenue the linked deals won, sourced or influenced. A request
 * belongs to the fiscal period of its activity's start and to its partner's current tier. Ratios are
 * exact and `null` where no MDF was paid. A missing exchange rate is an issue (`exchange_rate_missing`).
 */
export function computeMdfRoi(inputs: MdfRoiInputs): Result<MdfRoiReport> {
  const { program, rates } = inputs;
  const currency = program.currency;
  const issues: Issue[] = [];
  const inProgramCurrency = (value: Money, path: (string | number)[]): number => {
    const converted = convertMoney(value, currency, rates);
    if (converted.success) return converted.data.amount;
    issues.push(...converted.issues.map((found) => issue(path, found.code, found.message)));
    return 0;
  };
  const requests = inputs.requests.filter(wasApproved).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dealsById = new Map(inputs.deals.map((deal) => [deal.id, deal]));
  const partnersById = new Map(inputs.partners.map((partner) => [partner.id, partner]));

  const contributions = new Map<string, Contribution>(
    requests.map((request) => [
      request.id,
      {
        request,
        paid: 0,
        pipeline: 0,
        won: 0,
        expectedPipeline: inProgramCurrency(request.expected.pipeline, [
          'requests',
          request.id,
          'expected',
          'pipeline',
        ]),
      },
    ]),
  );
  for (const payment of inputs.payments) {
    const contribution = contributions.get(payment.requestId);
    if (contribution) contribution.paid += inProgramCurrency(payment.amount, ['payments', payment.requestId]);
  }
  const claimants = new Map<string, string[]>();
  for (const request of requests) {
    for (const dealId of new Set(request.links.dealIds)) {
      if (dealsById.get(dealId)?.partnerId !== request.partnerId) continue;
      claimants.set(dealId, [...(claimants.get(dealId) ?? []), request.id]);
    }
  }
  for (const [dealId, requestIds] of claimants) {
    const deal = dealsById.get(dealId)!;
    const amount = { amount: inProgramCurrency(deal.amount, ['deals', dealId, 'amount']), currency };
    const shares = allocateMoney(
      amount,
      requestIds.map(() => 1),
    );
    requestIds.forEach((requestId, index) => {
      const contribution = contributions.get(requestId)!;
      if (deal.partnerRole === 'sourced') contribution.pipeline += shares[index]!.amount;
      if (deal.stage === 'won') contribution.won += shares[index]!.amount;
    });
  }
  if (issues.length > 0) return fail(issues);

  const items = [...contributions.values()];
  const tierOf = (item: Contribution) => {
    const tierId = partnersById.get(item.request.partnerId)?.tierId ?? null;
    const tier = program.tiers.find((candidate) => candidate.id === tierId);
    return tier
      ? { key: tier.id, label: tier.name, order: String(tier.rank).padStart(3, '0') }
      : { key: 'none', label: 'No tier', order: '000' };
  };
  return ok({
    currency,
    periodUnit: inputs.periodUnit,
    total: figures('all', 'All MDF', items, currency),
    byPartner: grouped(
      items,
      (item) => {
        const partner = partnersById.get(item.request.partnerId);
        return {
          key: item.request.partnerId,
          label: partner?.name ?? item.request.partnerId,
          order: item.request.partnerId,
        };
      },
      currency,
    ),
    byTier: grouped(items, tierOf, currency),
    byActivity: grouped(
      items,
      (item) => ({
        key: item.request.activityId,
        label: findMdfActivity(program, item.request.activityId)?.name ?? item.request.activityId,
        order: item.request.activityId,
      }),
      currency,
    ),
    byPeriod: grouped(
      items,
      (item) => {
        const period = fiscalPeriodContaining(item.request.startDate, program.fiscalCalendar, inputs.periodUnit);
        return { key: period.label, label: period.label, order: period.start };
      },
      currency,
    ),
  });
}
