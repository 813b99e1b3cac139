import * as z from 'zod';
import { schemaIssues } from '../../program/messages/schema-issues.js';
import { AttributionModelSchema } from '../../program/schema/analytics-policy.js';
import { fail, ok, type Result } from '../../result/result.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';
import { compareAttribution, type AttributionReport } from '../attribution/attribution-report.js';
import type { AttributionDeal, PartnerTouch } from '../attribution/touch.js';
import type { AnalyticsDependencies } from '../ports.js';

/** What an attribution report asks for: the window, and the models to compare (the program's own when left out). */
export const AttributionRequestSchema = z
  .strictObject({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    models: z.array(AttributionModelSchema).max(6).optional(),
  })
  .refine((request) => request.from < request.to, {
    error: 'must end after it starts',
    params: { code: 'window_empty' },
    path: ['to'],
  });
export type AttributionRequest = z.input<typeof AttributionRequestSchema>;

/**
 * Attributed pipeline and revenue per partner over a window, under the program's model or the models asked
 * for, on the program's rule; open deals are measured against the program's today (from the clock). Deals
 * are read in pages and their touches fetched page by page.
 *
 * @example await reportAttribution(deps, { from: '2026-02-01', to: '2027-02-01', models: [{ kind: 'first_touch' }, { kind: 'linear' }] })
 */
export async function reportAttribution(
  deps: AnalyticsDependencies,
  request: AttributionRequest,
): Promise<Result<AttributionReport>> {
  const parsed = AttributionRequestSchema.safeParse(request, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The request'));
  const { from, to, models } = parsed.data;
  const program = await deps.program();
  const deals: AttributionDeal[] = [];
  const touches: PartnerTouch[] = [];
  for await (const page of deps.attribution.deals({ from, to })) {
    deals.push(...page);
    touches.push(...(await deps.attribution.touches(page.map((deal) => deal.id))));
  }
  const partnerNames = await deps.attribution.partnerNames([...new Set(touches.map((touch) => touch.partnerId))]);
  return ok(
    compareAttribution({
      deals,
      touches,
      policy: program.analytics.attribution,
      ...(models === undefined ? {} : { models }),
      currency: program.currency,
      asOf: calendarDateIn(deps.clock.now(), program.fiscalCalendar.timeZone),
      window: { from, to },
      partnerNames,
    }),
  );
}
