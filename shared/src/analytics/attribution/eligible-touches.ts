import type { AttributionPolicy, TouchKind } from '../../program/schema/analytics-policy.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { AttributionDeal, PartnerTouch } from './touch.js';

/** Touch kinds in the order that breaks ties between touches of the same day. */
export const TOUCH_KIND_ORDER: readonly TouchKind[] = ['sourced', 'registered', 'co_sell', 'influence_activity'];

/** Why a touch does not count: it came after the deal closed (or after the day of the analysis), or before the lookback. */
export type IgnoredReason = 'after_close' | 'before_lookback';

/** The touches of a deal split into those that count, in attribution order, and those that do not. */
export interface TouchSelection {
  /** The day touches are measured against: the close, or the day of the analysis for an open deal. */
  referenceDay: CalendarDate;
  /** The first day a touch may fall on, or `null` when the policy has no lookback. */
  earliestDay: CalendarDate | null;
  eligible: PartnerTouch[];
  ignored: { touch: PartnerTouch; reason: IgnoredReason }[];
}

/**
 * The order touches are credited in: by day, then by kind (sourced, registered, co-sell, influence
 * activity), then by partner id, then by touch id. Total, so every result is reproducible.
 */
export function compareTouches(a: PartnerTouch, b: PartnerTouch): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  const kinds = TOUCH_KIND_ORDER.indexOf(a.kind) - TOUCH_KIND_ORDER.indexOf(b.kind);
  if (kinds !== 0) return kinds;
  if (a.partnerId !== b.partnerId) return a.partnerId < b.partnerId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Which of a deal's touches count: none after the reference day (the close, or `asOf` while the deal is
 * open) and, when the policy has a lookback, none more than `lookbackDays` before the deal was created.
 */
export function selectTouches(
  deal: AttributionDeal,
  touches: readonly PartnerTouch[],
  policy: AttributionPolicy,
  asOf: CalendarDate,
): TouchSelection {
  const referenceDay = deal.closedOn ?? asOf;
  const earliestDay = policy.lookbackDays === null ? null : addDays(deal.createdOn, -policy.lookbackDays);
  const eligible: PartnerTouch[] = [];
  const ignored: TouchSelection['ignored'] = [];
  for (const touch of [...touches].sort(compareTouches)) {
    if (touch.on > referenceDay) ignored.push({ touch, reason: 'after_close' });
    else if (earliestDay !== null && touch.on < earliestDay) ignored.push({ touch, reason: 'before_lookback' });
    else eligible.push(touch);
  }
  return { referenceDay, earliestDay, eligible, ignored };
}
