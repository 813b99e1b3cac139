import { computeMdfRoi, type MdfRoiInputs } from '../../mdf/roi/roi.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { createChannelKpis, type ChannelKpiConfig } from './channel-kpis.js';
import type { ChannelKpiReport } from './kpi-report.js';
import type { KpiActivity, KpiDeal, KpiInvestment, KpiOffer, KpiRegistration, KpiTierChange } from './kpi-rows.js';

/** Everything a KPI report is computed from, as lists (or any iterables); each list may be left out. */
export interface ChannelKpiInputs extends ChannelKpiConfig {
  deals?: Iterable<KpiDeal>;
  registrations?: Iterable<KpiRegistration>;
  offers?: Iterable<KpiOffer>;
  activities?: Iterable<KpiActivity>;
  investments?: Iterable<KpiInvestment>;
  tierChanges?: Iterable<KpiTierChange>;
  /** MDF requests, payments, linked deals and partners, for MDF ROI by the window's unit (see `computeMdfRoi`). */
  mdf?: Omit<MdfRoiInputs, 'program' | 'periodUnit'>;
}

/**
 * The channel's KPIs over a window, from data passed in: see `createChannelKpis` for how rows are counted
 * and `ChannelKpiReportSchema` for what comes out. Pure: the same inputs give the same report. Refused for
 * a window without buckets or with too many, a partner listed twice, or MDF amounts without an exchange
 * rate to the program's currency (`exchange_rate_missing`, at `mdf…`).
 *
 * @example
 * const report = computeChannelKpis({ program, window, partners, deals, registrations, offers });
 * if (report.success) render(report.data.charts);
 */
export function computeChannelKpis(inputs: ChannelKpiInputs): Result<ChannelKpiReport> {
  const started = createChannelKpis(inputs);
  if (!started.success) return started;
  const calculator = started.data;
  for (const deal of inputs.deals ?? []) calculator.addDeal(deal);
  for (const registration of inputs.registrations ?? []) calculator.addRegistration(registration);
  for (const offer of inputs.offers ?? []) calculator.addOffer(offer);
  for (const activity of inputs.activities ?? []) calculator.addActivity(activity);
  for (const investment of inputs.investments ?? []) calculator.addInvestment(investment);
  for (const change of inputs.tierChanges ?? []) calculator.addTierChange(change);
  if (!inputs.mdf) return ok(calculator.report());
  const roi = computeMdfRoi({ ...inputs.mdf, program: inputs.program, periodUnit: inputs.window.unit });
  if (!roi.success) return fail(roi.issues.map((found) => issue(['mdf', ...found.path], found.code, found.message)));
  return ok(calculator.report({ mdfRoi: roi.data }));
}
