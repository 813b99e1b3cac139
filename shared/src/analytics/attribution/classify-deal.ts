import type { AttributionPolicy } from '../../program/schema/analytics-policy.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { AttributionDeal, PartnerTouch } from './touch.js';

/**
 * How partners took part in a deal, by the program's rule:
 * - `sourced`: a partner's sourcing touch (a kind in `sourcedBy`, within `sourcingWindowDays` of the
 *   deal's creation) makes it the source; the other partners influenced the deal;
 * - `influenced`: partners touched the deal, none of them as its source;
 * - `direct`: no partner touch counts.
 */
export type DealClassification =
  | { kind: 'sourced'; source: PartnerTouch; lastSourcingDay: CalendarDate | null }
  | { kind: 'influenced'; lastSourcingDay: CalendarDate | null }
  | { kind: 'direct' };

/**
 * Classifies a deal from its eligible touches, in attribution order (see `compareTouches`): the first touch
 * of a sourcing kind on or before the last sourcing day makes its partner the source; ties on a day go to
 * the kind ranked first (sourced, registered, co-sell), then the lower partner id.
 */
export function classifyDeal(
  deal: AttributionDeal,
  eligible: readonly PartnerTouch[],
  policy: AttributionPolicy,
): DealClassification {
  if (eligible.length === 0) return { kind: 'direct' };
  const lastSourcingDay =
    policy.sourcingWindowDays === null ? null : addDays(deal.createdOn, policy.sourcingWindowDays);
  const sourcing = new Set<string>(policy.sourcedBy);
  const source = eligible.find(
    (touch) => sourcing.has(touch.kind) && (lastSourcingDay === null || touch.on <= lastSourcingDay),
  );
  return source ? { kind: 'sourced', source, lastSourcingDay } : { kind: 'influenced', lastSourcingDay };
}
