import type { KpiOffer, LeadDistribution } from '@conduit/core';

/** A lead a partner accepted, and when (milliseconds since the epoch). */
export interface Acceptance {
  partnerId: string;
  acceptedAt: number;
}

/** The offers of a distribution that ended, and the times its partners accepted the lead. */
export interface DistributionOutcomes {
  offers: KpiOffer[];
  acceptances: Acceptance[];
}

/**
 * What a lead's distribution says about its offers: those in its history that were declined (answered when
 * declined), expired (ended when their SLA passed) or accepted before a person took the lead back, and the
 * current offer once accepted, as KPI rows ending on the program day `dayOf` gives; and every acceptance.
 * Offers still open, and offers a person withdrew before the partner answered, did not end with the
 * partner's answer or silence and are left out.
 *
 * @example distributionOutcomes(distribution, (ms) => days.ofTime(ms)).offers // [{ partnerId: 'p-7', outcome: 'declined', … }]
 */
export function distributionOutcomes(
  distribution: LeadDistribution,
  dayOf: (ms: number) => number,
): DistributionOutcomes {
  const offers: KpiOffer[] = [];
  const acceptances: Acceptance[] = [];
  const ended = (
    offer: { partnerId: string; offeredAt: string; dueAt: string },
    outcome: 'accepted' | 'declined' | 'expired',
    endedAt: string,
  ) => {
    const at = Date.parse(endedAt);
    offers.push({
      partnerId: offer.partnerId,
      offeredAt: Date.parse(offer.offeredAt),
      dueAt: Date.parse(offer.dueAt),
      outcome,
      answeredAt: outcome === 'expired' ? null : at,
      resolvedOn: dayOf(at),
    });
    if (outcome === 'accepted') acceptances.push({ partnerId: offer.partnerId, acceptedAt: at });
  };
  for (const event of distribution.history) {
    switch (event.kind) {
      case 'declined':
        ended(event, 'declined', event.at);
        break;
      case 'expired':
        ended(event, 'expired', event.dueAt);
        break;
      case 'withdrawn':
        if (event.acceptedAt !== null) ended(event, 'accepted', event.acceptedAt);
        break;
      case 'dequeued':
        break;
    }
  }
  if (distribution.status === 'accepted') ended(distribution, 'accepted', distribution.acceptedAt);
  return { offers, acceptances };
}
