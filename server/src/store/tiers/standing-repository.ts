import {
  TierStandingSchema,
  type TierStanding,
  type TierStandingQuery,
  type TierStandingRepository,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { among } from '../records/filters.js';
import { RecordTable, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { TIER_STANDINGS, type StoredTierStanding } from './kinds.js';

/** A page of standings for a list: at most `limit`, after the partner id `after`, in partner id order. */
export interface TierStandingPageQuery {
  statuses?: readonly TierStanding['status'][];
  after?: string;
  limit: number;
}

/** The core's standing port, plus a keyset page for the API's lists. */
export interface TierStandingStore extends TierStandingRepository {
  page(query: TierStandingPageQuery): Promise<TierStanding[]>;
}

/** A standing as read back (without the record id), checked against its schema and in its field order. */
function standingOf({ id: _partnerId, ...standing }: StoredTierStanding): TierStanding {
  return TierStandingSchema.parse(standing);
}

/**
 * The tenant's tier standings in the `records` table, keyed by partner id, with optimistic concurrency
 * (a stale save is refused with `stale_write`). `scheduledDueBy` reads the lifted `due_on` column, so the
 * settling job finds the due changes through an index instead of reading every standing.
 */
export function tierStandingRepository(db: Kysely<Database>, tenantId: string): TierStandingStore {
  const table = new RecordTable<StoredTierStanding>(db, tenantId, TIER_STANDINGS);
  const narrow = (query: RecordQuery, filter: TierStandingQuery): RecordQuery => {
    let narrowed = among(among(query, 'id', filter.partnerIds), 'status', filter.statuses);
    if (filter.scheduledDueBy !== undefined) narrowed = narrowed.where('due_on', '<=', filter.scheduledDueBy);
    return narrowed;
  };
  return {
    async get(partnerId) {
      const stored = await table.get(partnerId);
      return stored && standingOf(stored);
    },
    async getMany(partnerIds) {
      return (await table.getMany(partnerIds)).map(standingOf);
    },
    save: (standing, expectation) => table.save({ ...standing, id: standing.partnerId }, expectation),
    async *scan(filter) {
      for await (const page of table.scan((query) => narrow(query, filter))) yield page.map(standingOf);
    },
    async page({ statuses, after, limit }) {
      for await (const page of table.scan((query) => {
        const narrowed = narrow(query, statuses ? { statuses } : {});
        return after === undefined ? narrowed : narrowed.where('id', '>', after);
      }, limit))
        return page.map(standingOf);
      return [];
    },
  };
}
