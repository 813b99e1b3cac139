import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { PartnerRoleSchema, type Deal } from '../../entities/deal.js';
import { NonNegativeMoneySchema } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';

/**
 * A partner deal closed won: what tier evaluation reads of a `Deal` (the partner, its role, the day it
 * closed and the amount). Revenue counts only in the program's currency; other currencies are reported
 * as issues, never converted.
 *
 * @example { id: 'opp-1', partnerId: 'p-1', partnerRole: 'sourced', closedOn: '2026-03-02', amount: { amount: 4_200_000, currency: 'USD' } }
 */
export const TierWonDealSchema = z.strictObject({
  id: RecordIdSchema,
  partnerId: RecordIdSchema,
  partnerRole: PartnerRoleSchema,
  closedOn: CalendarDateSchema,
  amount: NonNegativeMoneySchema,
});
export type TierWonDeal = z.infer<typeof TierWonDealSchema>;

/**
 * The won partner deal a CRM deal amounts to, or `undefined` when it is open, lost or has no partner.
 *
 * @example tierWonDealOf(deal) // { id, partnerId, partnerRole, closedOn, amount } for a won partner deal
 */
export function tierWonDealOf(deal: Deal): TierWonDeal | undefined {
  if (deal.stage !== 'won' || deal.partnerId === null || deal.partnerRole === null) return undefined;
  return {
    id: deal.id,
    partnerId: deal.partnerId,
    partnerRole: deal.partnerRole,
    closedOn: deal.closedOn,
    amount: deal.amount,
  };
}
