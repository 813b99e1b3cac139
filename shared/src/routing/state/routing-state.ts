import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { schemaIssues } from '../../program/messages/schema-issues.js';
import type { Result } from '../../result/result.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/** Leads a partner received in one period, named by the date the period starts on. */
export const PeriodCountSchema = z.strictObject({ start: CalendarDateSchema, count: z.int().min(0) });
export type PeriodCount = z.infer<typeof PeriodCountSchema>;

/** A partner's leads in the current day, week, month and quarter (a count from an older period is zero). */
export const PartnerLoadSchema = z.strictObject({
  day: PeriodCountSchema,
  week: PeriodCountSchema,
  month: PeriodCountSchema,
  quarter: PeriodCountSchema,
});
export type PartnerLoad = z.infer<typeof PartnerLoadSchema>;

/** The partner an account's last lead went to, and on which program day. */
export const StickyEntrySchema = z.strictObject({ partnerId: RecordIdSchema, on: CalendarDateSchema });
export type StickyEntry = z.infer<typeof StickyEntrySchema>;

/**
 * Everything lead routing remembers between calls, as plain JSON that callers persist and pass back:
 * - `roundRobin`: each partner's current weight for smooth weighted round robin;
 * - `loads`: leads per partner in the current periods, for capacity caps and least-loaded selection;
 * - `sticky`: per account, the partner its last lead went to.
 *
 * Each lead's own distribution (its offers so far) is a record of its own (`LeadDistribution`), passed in
 * and returned next to this state, so that the state stays as small as the partners and accounts.
 * Routing is a function of (program, partners, leads, distributions, state, now): equal inputs give equal
 * results.
 */
export const RoutingStateSchema = z.strictObject({
  roundRobin: z.record(RecordIdSchema, z.int()),
  loads: z.record(RecordIdSchema, PartnerLoadSchema),
  sticky: z.record(RecordIdSchema, StickyEntrySchema),
});
export type RoutingState = z.infer<typeof RoutingStateSchema>;

/** The state before any lead was routed. */
export function emptyRoutingState(): RoutingState {
  return { roundRobin: {}, loads: {}, sticky: {} };
}

/**
 * Checks routing state read from storage; every problem comes back as an issue with its path.
 *
 * @example const result = parseRoutingState(JSON.parse(stored)); if (result.success) use(result.data);
 */
export function parseRoutingState(input: unknown): Result<RoutingState> {
  const parsed = RoutingStateSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { success: false, issues: schemaIssues(parsed.error.issues, 'The routing state') };
  return { success: true, data: parsed.data };
}
