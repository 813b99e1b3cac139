import {
  isOfferExpired,
  ok,
  recycleExpiredLeadOffers,
  type LeadDistribution,
  type Partner,
  type PartnerQuery,
  type PartnerRepository,
  type RoutingPorts,
  type StoredDistribution,
} from '@conduit/core';
import { inRoutingTransaction } from '../workflows/routing-ports.js';
import { jobActor, JobTally, type JobCounts, type JobRunner } from './job-runner.js';

/** The partners routing may offer leads to, as `loadRoutingContext` asks for them. */
const ROUTABLE: PartnerQuery = { statuses: ['active', 'onboarding'] };

/**
 * The partners port of an item's transaction, answering the routable partners' scan from a list read once
 * per page of offers (routing every lead of a page reads the same partners; their loads and capacity are in
 * the routing state, which each item re-reads). Other queries go to the transaction's repository.
 */
function withRoutablePartners(partners: PartnerRepository, routable: readonly Partner[]): PartnerRepository {
  return {
    ...partners,
    scan(query: PartnerQuery) {
      if (JSON.stringify(query) !== JSON.stringify(ROUTABLE)) return partners.scan(query);
      return (async function* () {
        yield [...routable];
      })();
    },
  };
}

/** The routing ports narrowed to one lead's offer (the only one `dueOffers` returns), with the page's partners. */
function forOneOffer(ports: RoutingPorts, stored: StoredDistribution, routable: readonly Partner[]): RoutingPorts {
  return {
    ...ports,
    partners: withRoutablePartners(ports.partners, routable),
    routing: {
      ...ports.routing,
      async *dueOffers() {
        yield [stored];
      },
    },
  };
}

/** What became of a recycled lead, from its last record: offered again, or waiting in a queue. */
function countsOf(expired: readonly LeadDistribution[], assignments: readonly LeadDistribution[]): JobCounts {
  const last = assignments[0] ?? expired[0];
  return {
    due: 1,
    expired: expired.length,
    reoffered: last?.status === 'offered' ? 1 : 0,
    queued: last?.status === 'queued' ? 1 : 0,
  };
}

/**
 * Offer recycling (lead SLAs): every offer past its deadline expires and its lead is offered to another
 * partner, or queued for a person once the program's maximum of offers was made, through the core's
 * `recycleExpiredLeadOffers`: one lead per transaction, holding the tenant's routing lock, with the
 * routing state, the lead's distribution and the audit entries (the expiry, the new routing decision)
 * committed together. A lead whose offer is no longer past due when its turn comes (accepted meanwhile,
 * or recycled by a run that was killed after committing it) is skipped.
 * Counts: `due` (offers looked at), `expired`, `reoffered`, `queued`, `skipped`, `failed` (refused writes).
 */
export const recycleOffers: JobRunner = async (store, clock, _program, options = {}) => {
  const tally = new JobTally(['due', 'expired', 'reoffered', 'queued', 'skipped', 'failed'], options);
  const scope = { store, clock, actor: jobActor('offer-recycling', options) };
  for await (const page of store.routing.dueOffers(clock.now())) {
    const routable: Partner[] = [];
    for await (const partners of store.partners.scan(ROUTABLE)) routable.push(...partners);
    for (const { record } of page) {
      tally.checkStop();
      const result = await inRoutingTransaction(scope, async (ports, transaction) => {
        const [stored] = await ports.routing.distributions([record.leadId]);
        let counts: JobCounts = { due: 1, skipped: 1 };
        if (stored && isOfferExpired(stored.record, clock.now())) {
          const recycled = await recycleExpiredLeadOffers(forOneOffer(ports, stored, routable));
          if (!recycled.success) return recycled;
          counts = countsOf(recycled.data.expired, recycled.data.assignments);
        }
        await tally.report(transaction, counts);
        return ok(counts);
      });
      if (result.success) tally.add(result.data);
      else await tally.count(store, { due: 1, failed: 1 });
    }
  }
  return tally.totals;
};
