import {
  attributionDealOf,
  convertMoney,
  touchOfDeal,
  type AttributionDeal,
  type AttributionSource,
  type Deal,
  type PartnerTouch,
} from '@conduit/core';
import type { TenantStore } from '../tenant-store.js';
import type { AnalyticsRowContext } from './channel-source.js';
import { recordScans } from './record-scans.js';

/**
 * A deal's touches as attribution reads them: the one the deal records by itself (`touchOfDeal`) and those
 * recorded through the API, a recorded touch replacing the deal's own when it has the same id.
 */
export function touchesOfDeals(own: readonly PartnerTouch[], recorded: readonly PartnerTouch[]): PartnerTouch[] {
  const recordedIds = new Set(recorded.map((touch) => touch.id));
  return [...own.filter((touch) => !recordedIds.has(touch.id)), ...recorded];
}

/** A deal as attribution reads it, its amount in the program's currency when the rates convert it. */
function attributionDeal(deal: Deal, context: AnalyticsRowContext): AttributionDeal {
  const read = attributionDealOf(deal, context.timeZone);
  const converted = convertMoney(read.amount, context.currency, context.rates);
  // Without a rate the deal keeps its currency: the report leaves it out and says so (`currency_mismatch`).
  return converted.success ? { ...read, amount: converted.data } : read;
}

/**
 * The tenant's deals and partner touches as attribution reads them, from the store: deals created or won
 * in the range (a page at a time, amounts converted to the program's currency), the touches of a page of
 * deals in one indexed query beside each deal's own touch, and partner names.
 */
export function attributionSource(store: TenantStore, context: AnalyticsRowContext): AttributionSource {
  const scans = recordScans(store.db, store.tenantId);
  /** The own touches of the page of deals handed out last: `touches` is asked for them next. */
  let ownTouches = new Map<string, PartnerTouch[]>();
  return {
    async *deals(range) {
      for await (const page of scans.deals(range, 'won')) {
        ownTouches = new Map(page.map((deal) => [deal.id, touchOfDeal(deal, context.timeZone)]));
        yield page.map((deal) => attributionDeal(deal, context));
      }
    },

    async touches(dealIds) {
      const missing = dealIds.filter((id) => !ownTouches.has(id));
      for (const deal of missing.length === 0 ? [] : await store.deals.getMany(missing))
        ownTouches.set(deal.id, touchOfDeal(deal, context.timeZone));
      const own = dealIds.flatMap((id) => ownTouches.get(id) ?? []);
      return touchesOfDeals(own, await store.analytics.touches.ofDeals(dealIds));
    },

    async partnerNames(partnerIds) {
      const partners = await store.partners.getMany(partnerIds);
      return new Map(partners.map((partner) => [partner.id, partner.name]));
    },
  };
}
