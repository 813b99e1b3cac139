import * as z from 'zod';
import { schemaIssues } from '../../program/messages/schema-issues.js';
import { fail, ok, type Result } from '../../result/result.js';
import { issue } from '../../result/issue.js';
import { computeMdfRoi } from '../../mdf/roi/roi.js';
import { createChannelKpis } from '../kpis/channel-kpis.js';
import type { ChannelKpiReport } from '../kpis/kpi-report.js';
import type { KpiPartner } from '../kpis/kpi-rows.js';
import { KpiWindowSchema } from '../kpis/kpi-window.js';
import type { AnalyticsDependencies } from '../ports.js';

/** What a KPI report asks for: the window and how regions are read. */
export const ChannelKpiRequestSchema = z.strictObject({
  window: KpiWindowSchema,
  regionBy: z.enum(['country', 'subdivision']).default('country'),
});
export type ChannelKpiRequest = z.input<typeof ChannelKpiRequestSchema>;

/**
 * The channel's KPI report over a window, streamed from the analytics source page by page: the partners
 * first, then deals, registrations, offers, activities and investments of the window, tier changes since its
 * start, and MDF ROI when the source has MDF data. Refused for a malformed request, a window without buckets
 * or with too many, or MDF amounts without an exchange rate.
 *
 * @example await reportChannelKpis(deps, { window: { from: '2026-02-01', to: '2027-02-01', unit: 'quarter', calendar: 'fiscal' } })
 */
export async function reportChannelKpis(
  deps: AnalyticsDependencies,
  request: ChannelKpiRequest,
): Promise<Result<ChannelKpiReport>> {
  const parsed = ChannelKpiRequestSchema.safeParse(request, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The request'));
  const { window, regionBy } = parsed.data;
  const program = await deps.program();
  const partners: KpiPartner[] = [];
  for await (const page of deps.channel.partners()) partners.push(...page);
  const started = createChannelKpis({ program, window, regionBy, partners });
  if (!started.success) return started;
  const calculator = started.data;
  const range = { from: window.from, to: window.to };
  const { channel } = deps;
  for await (const page of channel.deals(range)) for (const deal of page) calculator.addDeal(deal);
  for await (const page of channel.registrations(range)) for (const row of page) calculator.addRegistration(row);
  for await (const page of channel.offers(range)) for (const offer of page) calculator.addOffer(offer);
  for await (const page of channel.activities(range)) for (const activity of page) calculator.addActivity(activity);
  for await (const page of channel.investments(range)) for (const row of page) calculator.addInvestment(row);
  for await (const page of channel.tierChanges(window.from)) for (const row of page) calculator.addTierChange(row);
  const mdf = await channel.mdf(range);
  if (mdf === null) return ok(calculator.report());
  const roi = computeMdfRoi({ ...mdf, program, periodUnit: window.unit });
  if (!roi.success) return fail(roi.issues.map((found) => issue(['mdf', ...found.path], found.code, found.message)));
  return ok(calculator.report({ mdfRoi: roi.data }));
}
