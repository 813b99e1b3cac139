import type { Deal } from '../../entities/deal.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { AttributionDeal, PartnerTouch } from '../attribution/touch.js';

/** A CRM deal as attribution reads it, created on the program day of its `createdAt`. */
export function attributionDealOf(deal: Deal, timeZone: string): AttributionDeal {
  return {
    id: deal.id,
    amount: { ...deal.amount },
    stage: deal.stage,
    createdOn: calendarDateIn(new Date(deal.createdAt), timeZone),
    closedOn: deal.stage === 'open' ? null : deal.closedOn,
  };
}

/**
 * The touch a CRM deal records by itself: its partner, as `sourced` or as an `influence_activity`, on the day
 * the deal was created; none for a direct deal. For tenants that record no other touches, this makes the
 * attribution models agree with the deal's own partner fields.
 */
export function touchOfDeal(deal: Deal, timeZone: string): PartnerTouch[] {
  if (deal.partnerId === null || deal.partnerRole === null) return [];
  return [
    {
      id: `${deal.id}#partner`,
      dealId: deal.id,
      partnerId: deal.partnerId,
      kind: deal.partnerRole === 'sourced' ? 'sourced' : 'influence_activity',
      on: calendarDateIn(new Date(deal.createdAt), timeZone),
    },
  ];
}
