import type { MdfRoiInputs } from '../mdf/roi/roi.js';
import type { Clock } from '../ports/clock.js';
import type { Program } from '../program/schema/program.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { AttributionDeal, PartnerTouch } from './attribution/touch.js';
import type {
  KpiActivity,
  KpiDeal,
  KpiInvestment,
  KpiOffer,
  KpiPartner,
  KpiRegistration,
  KpiTierChange,
} from './kpis/kpi-rows.js';

/** A span of program days: from `from` (included) to `to` (excluded). */
export interface DayRange {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * Where channel analytics reads its rows, in pages (a SQL adapter selects them by day; the CRM adapters turn
 * records into rows with `kpiDealOf`, `kpiRegistrationOf`, `kpiTierChangesOf`). A source may return rows
 * outside the range: they are skipped.
 */
export interface ChannelAnalyticsSource {
  /** Every partner to report on, with its current status, tier and program. */
  partners(): AsyncIterable<readonly KpiPartner[]>;
  /** Deals created or closed in the range. */
  deals(range: DayRange): AsyncIterable<readonly KpiDeal[]>;
  /** Registrations decided in the range. */
  registrations(range: DayRange): AsyncIterable<readonly KpiRegistration[]>;
  /** Lead offers that ended in the range. */
  offers(range: DayRange): AsyncIterable<readonly KpiOffer[]>;
  activities(range: DayRange): AsyncIterable<readonly KpiActivity[]>;
  investments(range: DayRange): AsyncIterable<readonly KpiInvestment[]>;
  /** Tier changes effective on or after `since` (earlier ones do not change the distribution in the window). */
  tierChanges(since: CalendarDate): AsyncIterable<readonly KpiTierChange[]>;
  /** MDF requests with activities in the range, what was paid on them, their linked deals and partners; `null` without MDF. */
  mdf(range: DayRange): Promise<Omit<MdfRoiInputs, 'program' | 'periodUnit'> | null>;
}

/** Where attribution reads deals and their partner touches. */
export interface AttributionSource {
  /** Deals created or won in the range, in the program's currency. */
  deals(range: DayRange): AsyncIterable<readonly AttributionDeal[]>;
  /** The touches of these deals. */
  touches(dealIds: readonly string[]): Promise<PartnerTouch[]>;
  /** Partner names for labels. */
  partnerNames(partnerIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The ports the analytics use cases run against. */
export interface AnalyticsDependencies {
  channel: ChannelAnalyticsSource;
  attribution: AttributionSource;
  /** The program in force. */
  program: () => Promise<Program>;
  clock: Clock;
}
