import { roiRatio } from '../../mdf/roi/ratio.js';
import type { CurrencyCode, Money } from '../../money/money.js';
import { divideRounded, toSafeInteger } from '../../money/rounding.js';
import type { SampleSummary } from './grouped-samples.js';
import type {
  DealOutcomes,
  DurationKpis,
  InvestmentKpis,
  LeadOfferKpis,
  MoneyCount,
  PartnerDealKpis,
  RegistrationKpis,
} from './kpi-report.js';
import { Slot, SLOT_COUNT } from './tally.js';

/** One group's counters: its `SLOT_COUNT` values start at `base` in `values`. */
export interface Counters {
  values: Float64Array;
  base: number;
}

/** The counters of group `group` of a tally laid out as `groups × SLOT_COUNT`. */
export function countersAt(values: Float64Array, group: number): Counters {
  return { values, base: group * SLOT_COUNT };
}

const read = (counters: Counters, slot: number) => counters.values[counters.base + slot]!;

/** A summary's group, scaled (milliseconds to hours), with or without a service level. */
export interface SummaryAt {
  summary: SampleSummary;
  group: number;
}

const HOUR_MS = 3_600_000;

export function moneyOf(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new Error('A KPI total exceeds the safe integer range.');
  return { amount, currency };
}

function moneyCount(amount: number, deals: number, currency: CurrencyCode): MoneyCount {
  return { amount: moneyOf(amount, currency), deals };
}

/** `part / whole`, or `null` when the whole is zero: a share a chart can draw. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A duration's statistics from a summary group, divided by `scale` (1 for days, 3,600,000 for ms → hours). */
export function durationKpis(at: SummaryAt | null, scale: number, withSla: boolean): DurationKpis {
  const count = at === null ? 0 : at.summary.count[at.group]!;
  if (at === null || count === 0) {
    return { count: 0, average: null, median: null, p90: null, withinSla: withSla ? 0 : null, shareWithinSla: null };
  }
  const { summary, group } = at;
  const within = summary.within[group]!;
  return {
    count,
    average: summary.sum[group]! / count / scale,
    median: summary.median[group]! / scale,
    p90: summary.p90[group]! / scale,
    withinSla: withSla ? within : null,
    shareWithinSla: withSla ? within / count : null,
  };
}

/** Days to close as a duration (no service level). */
export const daysKpis = (at: SummaryAt | null) => durationKpis(at, 1, false);
/** Milliseconds as hours, against a service level. */
export const hoursKpis = (at: SummaryAt | null) => durationKpis(at, HOUR_MS, true);

function outcomes(
  won: number,
  lost: number,
  revenue: number,
  days: SummaryAt | null,
  currency: CurrencyCode,
): DealOutcomes {
  return {
    won,
    lost,
    winRate: share(won, won + lost),
    wonRevenue: moneyOf(revenue, currency),
    averageDealSize:
      won === 0 ? null : moneyOf(toSafeInteger(divideRounded(BigInt(revenue), BigInt(won), 'half_even')), currency),
    daysToClose: daysKpis(days),
  };
}

/** The outcomes of deals with a partner. */
export function partnerOutcomes(counters: Counters, days: SummaryAt | null, currency: CurrencyCode): DealOutcomes {
  return outcomes(
    read(counters, Slot.sourcedWonDeals) + read(counters, Slot.influencedWonDeals),
    read(counters, Slot.sourcedLostDeals) + read(counters, Slot.influencedLostDeals),
    read(counters, Slot.sourcedWonAmount) + read(counters, Slot.influencedWonAmount),
    days,
    currency,
  );
}

/** The outcomes of direct deals. */
export function directOutcomes(counters: Counters, days: SummaryAt | null, currency: CurrencyCode): DealOutcomes {
  return outcomes(
    read(counters, Slot.directWonDeals),
    read(counters, Slot.directLostDeals),
    read(counters, Slot.directWonAmount),
    days,
    currency,
  );
}

/** A partner's (or a group's) deal KPIs. */
export function partnerDealKpis(counters: Counters, days: SummaryAt | null, currency: CurrencyCode): PartnerDealKpis {
  return {
    sourcedPipeline: moneyCount(
      read(counters, Slot.sourcedPipelineAmount),
      read(counters, Slot.sourcedPipelineDeals),
      currency,
    ),
    influencedPipeline: moneyCount(
      read(counters, Slot.influencedPipelineAmount),
      read(counters, Slot.influencedPipelineDeals),
      currency,
    ),
    sourcedWon: moneyCount(read(counters, Slot.sourcedWonAmount), read(counters, Slot.sourcedWonDeals), currency),
    influencedWon: moneyCount(
      read(counters, Slot.influencedWonAmount),
      read(counters, Slot.influencedWonDeals),
      currency,
    ),
    outcomes: partnerOutcomes(counters, days, currency),
  };
}

/** Registration counts and approval hours. */
export function registrationKpis(counters: Counters, approval: SummaryAt | null): RegistrationKpis {
  return {
    approved: read(counters, Slot.approved),
    rejected: read(counters, Slot.rejected),
    approvalHours: hoursKpis(approval),
  };
}

/** Offer outcomes and acceptance hours. */
export function leadOfferKpis(counters: Counters, acceptance: SummaryAt | null): LeadOfferKpis {
  const accepted = read(counters, Slot.accepted);
  const declined = read(counters, Slot.declined);
  const expired = read(counters, Slot.expired);
  return {
    accepted,
    declined,
    expired,
    acceptanceRate: share(accepted, accepted + declined + expired),
    acceptanceHours: hoursKpis(acceptance),
  };
}

/** What was invested against what partners won. */
export function investmentKpis(counters: Counters, currency: CurrencyCode): InvestmentKpis {
  const invested = read(counters, Slot.invested);
  const revenue = read(counters, Slot.sourcedWonAmount) + read(counters, Slot.influencedWonAmount);
  return {
    invested: moneyOf(invested, currency),
    partnerRevenue: moneyOf(revenue, currency),
    returnOnInvestment: roiRatio(revenue - invested, invested),
  };
}
