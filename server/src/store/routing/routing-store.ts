import type { OfferedLead, RoutingCommit, RoutingStore, StoredDistribution, StoredRoutingState } from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { commitRouting, type RoutingCommitResult } from './commit.js';
import { LEAD_DISTRIBUTIONS, ROUTING_STATE_ID, ROUTING_STATES, type StoredDistributionRecord } from './kinds.js';

/** How many distributions a page of due offers holds, and how many ids one `IN (…)` lists at most. */
const PAGE_SIZE = 500;
const IDS_PER_QUERY = 1000;

/** An open offer as stored, with the version a write must state. */
export interface StoredOffer {
  record: OfferedLead;
  version: number;
}

/** Where a page of open offers starts: after this deadline and lead (offers come by deadline, then lead id). */
export interface OfferCursor {
  dueAt: string;
  leadId: string;
}

/** Which open offers to list: one partner's, those due before an instant, a page at a time. */
export interface OpenOfferQuery {
  partnerId?: string;
  /** Offers whose deadline is before this instant (ISO 8601). */
  dueBefore?: string;
  after?: OfferCursor;
  limit: number;
}

/**
 * The routing engine's `RoutingStore` over the `records` table, plus the reads the API needs: the
 * tenant's state (one record), each lead's distribution (one record per lead, its open offer's deadline
 * in the indexed `due_at` column), the open offers, and the tenant's routing lock.
 */
export interface SqlRoutingStore extends RoutingStore {
  commit(change: RoutingCommit): Promise<RoutingCommitResult>;
  /** Open offers in deadline order (then lead id), narrowed by partner and deadline. */
  openOffers(query: OpenOfferQuery): Promise<StoredOffer[]>;
  /**
   * Serializes the tenant's routing mutations until the current transaction ends (a PostgreSQL advisory
   * lock, released at commit or rollback): a mutation holding it decides on data no other routing
   * mutation can change before it commits. Other tenants are not held up; reads never wait for it.
   */
  lock(): Promise<void>;
}

function distributionOf(row: StoredDistributionRecord): StoredDistribution {
  const { id: _id, version, ...record } = row;
  return { record, version };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function openOffersOf(db: Kysely<Database>, tenantId: string) {
  return db
    .selectFrom('records')
    .select(['id', 'version', 'data', 'due_at'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', LEAD_DISTRIBUTIONS.name)
    .where('status', '=', 'offered');
}

/**
 * One page of the offers due at or before `now`, by deadline then lead id, after a keyset position: a
 * range of the `(tenant_id, kind, due_at)` index (exported so that a test can read its plan).
 */
export function dueOffersPage(
  db: Kysely<Database>,
  tenantId: string,
  now: Date,
  after: { dueAt: Date; id: string } | undefined,
  limit = PAGE_SIZE,
) {
  let query = openOffersOf(db, tenantId).where('due_at', '<=', now);
  if (after) query = query.where((eb) => eb(eb.refTuple('due_at', 'id'), '>', eb.tuple(after.dueAt, after.id)));
  return query.orderBy('due_at').orderBy('id').limit(limit);
}

/** The routing store of one tenant over a database (or a transaction); every statement is scoped by the tenant. */
export function sqlRoutingStore(db: Kysely<Database>, tenantId: string): SqlRoutingStore {
  const states = new RecordTable(db, tenantId, ROUTING_STATES);
  const distributions = new RecordTable(db, tenantId, LEAD_DISTRIBUTIONS);

  return {
    async loadState(): Promise<StoredRoutingState | undefined> {
      const stored = await states.get(ROUTING_STATE_ID);
      if (!stored) return undefined;
      const { id: _id, version, ...state } = stored;
      return { state, version };
    },

    async distributions(leadIds) {
      const found: StoredDistribution[] = [];
      for (const ids of chunks([...new Set(leadIds)], IDS_PER_QUERY))
        for (const row of await distributions.getMany(ids)) found.push(distributionOf(row));
      return found;
    },

    /** Offers due at or before `now`, by deadline then lead id, paged by keyset over `(due_at, id)`. */
    async *dueOffers(now) {
      let after: { dueAt: Date; id: string } | undefined;
      for (;;) {
        const rows = await dueOffersPage(db, tenantId, now, after).execute();
        if (rows.length === 0) return;
        yield rows.map((row) => distributionOf({ ...row.data, version: row.version } as StoredDistributionRecord));
        if (rows.length < PAGE_SIZE) return;
        const last = rows[rows.length - 1]!;
        after = { dueAt: last.due_at!, id: last.id };
      }
    },

    commit: (change) => commitRouting(db, tenantId, change),

    async openOffers({ partnerId, dueBefore, after, limit }) {
      let query = openOffersOf(db, tenantId);
      if (partnerId !== undefined) query = query.where('partner_id', '=', partnerId);
      if (dueBefore !== undefined) query = query.where('due_at', '<', new Date(dueBefore));
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('due_at', 'id'), '>', eb.tuple(new Date(after.dueAt), after.leadId)),
        );
      const rows = await query.orderBy('due_at').orderBy('id').limit(limit).execute();
      return rows.map((row) => {
        const { record, version } = distributionOf({ ...row.data, version: row.version } as StoredDistributionRecord);
        return { record: record as OfferedLead, version };
      });
    },

    async lock() {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`conduit.routing:${tenantId}`}, 0))`.execute(db);
    },
  };
}
