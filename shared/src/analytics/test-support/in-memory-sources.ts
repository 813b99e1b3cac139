import type { MdfRoiInputs } from '../../mdf/roi/roi.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { toDayNumber } from '../../time/day-number.js';
import type { AttributionDeal, PartnerTouch } from '../attribution/touch.js';
import type {
  KpiActivity,
  KpiDeal,
  KpiInvestment,
  KpiOffer,
  KpiPartner,
  KpiRegistration,
  KpiTierChange,
} from '../kpis/kpi-rows.js';
import type { AttributionSource, ChannelAnalyticsSource, DayRange } from '../ports.js';

async function* pages<T>(items: readonly T[], size: number): AsyncIterable<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

const within = (range: DayRange, day: number | null) =>
  day !== null && toDayNumber(range.from) <= day && day < toDayNumber(range.to);

/** Rows held in memory, for the use case tests. */
export interface ChannelRows {
  partners: KpiPartner[];
  deals?: KpiDeal[];
  registrations?: KpiRegistration[];
  offers?: KpiOffer[];
  activities?: KpiActivity[];
  investments?: KpiInvestment[];
  tierChanges?: KpiTierChange[];
  mdf?: Omit<MdfRoiInputs, 'program' | 'periodUnit'>;
}

/**
 * A channel analytics source in memory: it selects rows by day as a SQL adapter would and returns them in
 * pages of `pageSize`; it records the ranges it was asked for.
 */
export function inMemoryChannelSource(rows: ChannelRows, pageSize = 3): ChannelAnalyticsSource & { asked: string[] } {
  const asked: string[] = [];
  const note = (what: string, range: DayRange | CalendarDate) =>
    asked.push(`${what} ${typeof range === 'string' ? `since ${range}` : `${range.from}..${range.to}`}`);
  return {
    asked,
    partners: () => pages(rows.partners, pageSize),
    deals: (range) => {
      note('deals', range);
      return pages(
        (rows.deals ?? []).filter((deal) => within(range, deal.createdOn) || within(range, deal.closedOn)),
        pageSize,
      );
    },
    registrations: (range) => {
      note('registrations', range);
      return pages(
        (rows.registrations ?? []).filter((row) => within(range, row.decidedOn)),
        pageSize,
      );
    },
    offers: (range) => {
      note('offers', range);
      return pages(
        (rows.offers ?? []).filter((row) => within(range, row.resolvedOn)),
        pageSize,
      );
    },
    activities: (range) =>
      pages(
        (rows.activities ?? []).filter((row) => within(range, row.on)),
        pageSize,
      ),
    investments: (range) =>
      pages(
        (rows.investments ?? []).filter((row) => within(range, row.on)),
        pageSize,
      ),
    tierChanges: (since) => {
      note('tier changes', since);
      return pages(
        (rows.tierChanges ?? []).filter((row) => row.effectiveOn >= toDayNumber(since)),
        pageSize,
      );
    },
    mdf: async () => rows.mdf ?? null,
  };
}

/** An attribution source in memory. */
export function inMemoryAttributionSource(
  deals: readonly AttributionDeal[],
  touches: readonly PartnerTouch[],
  names: Record<string, string> = {},
  pageSize = 2,
): AttributionSource {
  return {
    deals: (range) =>
      pages(
        deals.filter(
          (deal) =>
            (range.from <= deal.createdOn && deal.createdOn < range.to) ||
            (deal.closedOn !== null && range.from <= deal.closedOn && deal.closedOn < range.to),
        ),
        pageSize,
      ),
    touches: async (dealIds) => touches.filter((touch) => dealIds.includes(touch.dealId)),
    partnerNames: async (ids) =>
      new Map(ids.flatMap((id) => (names[id] === undefined ? [] : [[id, names[id]] as const]))),
  };
}
