import {
  DataIssueTally,
  reportAttribution,
  reportChannelKpis,
  type AnalyticsDependencies,
  type AttributionReport,
  type AttributionRequest,
  type ChannelKpiReport,
  type ChannelKpiRequest,
  type Clock,
  type Result,
} from '@conduit/core';
import { programInForce } from '../http/no-program.js';
import { attributionSource, channelAnalyticsSource } from '../store/analytics/index.js';
import type { TenantStore } from '../store/tenant-store.js';
import { exchangeRatesInForce } from './mdf-context.js';

/** The analytics use cases' ports over a tenant's store, and the rows its sources had to leave out. */
export interface AnalyticsRun {
  deps: AnalyticsDependencies;
  /** Rows the sources could not turn into KPI rows (no exchange rate to the program's currency…). */
  leftOut: DataIssueTally;
}

/**
 * The analytics ports over a tenant's store: the program in force (`NoProgramError` without one), the
 * clock, and sources converting amounts with the exchange rates MDF converts with (see
 * `exchangeRatesInForce`).
 */
export async function analyticsDependencies(store: TenantStore, clock: Clock): Promise<AnalyticsRun> {
  const program = await programInForce(store);
  const context = {
    timeZone: program.fiscalCalendar.timeZone,
    currency: program.currency,
    rates: await exchangeRatesInForce(store, program, clock),
    programId: program.id,
  };
  const leftOut = new DataIssueTally();
  return {
    deps: {
      channel: channelAnalyticsSource(store, context, leftOut),
      attribution: attributionSource(store, context),
      program: async () => program,
      clock,
    },
    leftOut,
  };
}

/**
 * The channel's KPI report over a window (`reportChannelKpis`) from the tenant's store, with the rows the
 * store could not convert added to its data issues.
 */
export async function channelKpiReport(
  store: TenantStore,
  clock: Clock,
  request: ChannelKpiRequest,
): Promise<Result<ChannelKpiReport>> {
  const { deps, leftOut } = await analyticsDependencies(store, clock);
  const report = await reportChannelKpis(deps, request);
  if (!report.success) return report;
  const dataIssues = [...report.data.dataIssues, ...leftOut.list()].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return { success: true, data: { ...report.data, dataIssues } };
}

/** Attributed pipeline and revenue per partner over a window (`reportAttribution`) from the tenant's store. */
export async function attributionReport(
  store: TenantStore,
  clock: Clock,
  request: AttributionRequest,
): Promise<Result<AttributionReport>> {
  return reportAttribution((await analyticsDependencies(store, clock)).deps, request);
}
