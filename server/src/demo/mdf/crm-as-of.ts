import type {
  Clock,
  Deal,
  DealQuery,
  DealRepository,
  Partner,
  PartnerQuery,
  PartnerRepository,
  Program,
  Result,
} from '@conduit/core';
import { calendarDateIn } from '@conduit/core';

async function* onePage<T>(items: readonly T[]): AsyncIterable<readonly T[]> {
  if (items.length > 0) yield items;
}

const readOnly = async (): Promise<Result<{ version: number }>> => {
  throw new Error('The demo history reads the CRM; it never writes to it.');
};

/** The partners as the MDF use cases read them while the demo history is made (their current records). */
export function partnersAsOf(partners: readonly Partner[]): PartnerRepository {
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  return {
    get: async (id) => byId.get(id),
    getMany: async (ids) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    save: readOnly,
    scan: (query: PartnerQuery) =>
      onePage(
        partners.filter(
          (partner) =>
            (query.statuses === undefined || query.statuses.includes(partner.status)) &&
            (query.tierIds === undefined || (partner.tierId !== null && query.tierIds.includes(partner.tierId))),
        ),
      ),
  };
}

/** A deal as the CRM showed it at an instant (on the program day `today`): not yet created, still open, or closed. */
function dealOn(deal: Deal, now: Date, today: string): Deal | undefined {
  if (Date.parse(deal.createdAt) > now.getTime()) return undefined;
  if (deal.stage === 'open' || deal.closedOn <= today) return deal;
  const { closedOn: _closedOn, stage: _stage, ...open } = deal;
  return { ...open, stage: 'open' };
}

/**
 * The deals as the MDF use cases read them while the demo history is made: each as it stood on the
 * clock's day (a deal won later is still open then), so that co-op funds accrue only on deals already won.
 */
export function dealsAsOf(deals: readonly Deal[], program: Program, clock: Clock): DealRepository {
  const byPartner = new Map<string, Deal[]>();
  for (const deal of deals) {
    if (deal.partnerId === null) continue;
    const list = byPartner.get(deal.partnerId) ?? [];
    list.push(deal);
    byPartner.set(deal.partnerId, list);
  }
  const byId = new Map(deals.map((deal) => [deal.id, deal]));
  const visible = (list: readonly Deal[]) => {
    const now = clock.now();
    const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
    return list.flatMap((deal) => {
      const seen = dealOn(deal, now, today);
      return seen ? [seen] : [];
    });
  };
  return {
    get: async (id) => (byId.has(id) ? visible([byId.get(id)!])[0] : undefined),
    getMany: async (ids) => visible(ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))),
    save: readOnly,
    scan: (query: DealQuery) => {
      const source = query.partnerIds === undefined ? deals : query.partnerIds.flatMap((id) => byPartner.get(id) ?? []);
      return onePage(
        visible(source).filter(
          (deal) =>
            (query.accountIds === undefined || query.accountIds.includes(deal.accountId)) &&
            (query.stages === undefined || query.stages.includes(deal.stage)) &&
            (query.closedBetween === undefined ||
              (deal.stage !== 'open' &&
                deal.closedOn >= query.closedBetween.from &&
                deal.closedOn < query.closedBetween.to)),
        ),
      );
    },
  };
}
