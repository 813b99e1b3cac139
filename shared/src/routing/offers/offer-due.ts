import { TZDate } from '@date-fns/tz';
import type { RoutingPolicy } from '../../program/schema/routing-policy.js';
import { addDays, parseCalendarDate } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';

type OfferPolicy = RoutingPolicy['offers'];
type BusinessHours = NonNullable<OfferPolicy['businessHours']>;

const HOUR_MS = 3_600_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** Enough days for the longest SLA (720 hours) at one business hour a week. */
const SEARCH_DAYS = 366 * 15;

function localInstant(date: string, time: string, timeZone: string): number {
  const parts = parseCalendarDate(date)!;
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new TZDate(parts.year, parts.month - 1, parts.day, hours, minutes, 0, 0, timeZone).getTime();
}

function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  const parts = parseCalendarDate(date)!;
  return WEEKDAYS[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()]!;
}

/**
 * The instant `hours` business hours after `from`: only the business days' hours between `start` and `end`
 * count, in the program's time zone (daylight-saving changes included). An offer made outside business
 * hours starts counting at the next opening.
 *
 * @example
 * // Friday 16:00 in New York, 4 business hours of 08:00–18:00 Monday to Friday → Monday 10:00
 * addBusinessHours(new Date('2026-11-20T21:00:00Z'), 4, hours, 'America/New_York') // 2026-11-23T15:00:00Z
 */
export function addBusinessHours(from: Date, hours: number, businessHours: BusinessHours, timeZone: string): Date {
  let remaining = hours * HOUR_MS;
  const start = from.getTime();
  let day = calendarDateIn(from, timeZone);
  for (let searched = 0; searched < SEARCH_DAYS; searched++, day = addDays(day, 1)) {
    if (!businessHours.days.includes(weekdayOf(day))) continue;
    const opens = localInstant(day, businessHours.start, timeZone);
    const closes = localInstant(day, businessHours.end, timeZone);
    const counting = Math.max(start, opens);
    if (counting >= closes) continue;
    if (remaining <= closes - counting) return new Date(counting + remaining);
    remaining -= closes - counting;
  }
  throw new Error('Business hours never add up to the SLA: the program guarantees at least one business day.');
}

/**
 * When an offer made at `offeredAt` must be answered: `slaHours` later on the clock, or that many business
 * hours later in the program's time zone.
 */
export function offerDueAt(offeredAt: Date, offers: OfferPolicy, timeZone: string): Date {
  switch (offers.slaClock) {
    case 'calendar_hours':
      return new Date(offeredAt.getTime() + offers.slaHours * HOUR_MS);
    case 'business_hours':
      if (!offers.businessHours) throw new Error('A business-hour SLA needs business hours (parseProgram checks it).');
      return addBusinessHours(offeredAt, offers.slaHours, offers.businessHours, timeZone);
  }
}
