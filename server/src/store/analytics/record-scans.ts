import type { Deal, DayRange, MdfPostingOf, MdfRequest, Registration } from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import { MDF_ALLOCATIONS, MDF_REQUESTS } from '../mdf/kinds.js';
import { DEALS, REGISTRATIONS } from '../records/kinds.js';
import { RecordTable } from '../records/record-table.js';
import { LEAD_DISTRIBUTIONS, type StoredDistributionRecord } from '../routing/kinds.js';
import type { Database } from '../schema.js';
import { daysAround, instantsAround } from './day-range.js';

/*
 * The records analytics reads for a range of program days, narrowed in SQL by the lifted columns and read
 * in pages in id order. Timestamps are compared with instants around the range (see `instantsAround`), so
 * a page may hold a record just outside it: the report decides by the record's program day.
 */

/** Rows per page: fewer round trips than the repositories' pages, still small documents. */
export const ANALYTICS_PAGE = 1_000;

/** The tenant's records that analytics scans, in pages. */
export interface RecordScans {
  /** Deals created in the range, or closed in it (`won`: only those won in it). */
  deals(range: DayRange, closings: 'any' | 'won'): AsyncIterable<Deal[]>;
  /**
   * Registrations of these statuses that may have been submitted or decided in the range: created before its
   * end, and not ended before its start (a registration ends on or after its decision).
   */
  registrations(range: DayRange, statuses: readonly Registration['status'][]): AsyncIterable<Registration[]>;
  /**
   * Lead distributions whose offers may have ended in the range: those that entered their current status
   * on or after its start (every offer of a distribution ended before its current status began).
   */
  distributions(range: DayRange): AsyncIterable<StoredDistributionRecord[]>;
  /** MDF requests submitted in the range. */
  mdfRequestsSubmitted(range: DayRange): AsyncIterable<MdfRequest[]>;
  /** MDF requests of these statuses whose activity starts in the range. */
  mdfRequestsStarting(range: DayRange, statuses: readonly MdfRequest['status'][]): AsyncIterable<MdfRequest[]>;
  /** The ledger's `pay` postings posted in the range, in ledger order. */
  payments(range: DayRange): AsyncIterable<MdfPostingOf<'pay'>[]>;
  /** Whether the tenant has any MDF allocation, i.e. uses MDF at all. */
  usesMdf(): Promise<boolean>;
}

/** The analytics scans of a tenant over a database (or a transaction). */
export function recordScans(db: Kysely<Database>, tenantId: string): RecordScans {
  const deals = new RecordTable<Deal>(db, tenantId, DEALS);
  const registrations = new RecordTable<Registration>(db, tenantId, REGISTRATIONS);
  const distributions = new RecordTable<StoredDistributionRecord>(db, tenantId, LEAD_DISTRIBUTIONS);
  const requests = new RecordTable<MdfRequest>(db, tenantId, MDF_REQUESTS);
  const instants = (range: DayRange) => {
    const around = instantsAround(range);
    return { from: new Date(around.from), to: new Date(around.to) };
  };

  return {
    deals(range, closings) {
      const around = instants(range);
      return deals.scan(
        (query) =>
          query.where((eb) =>
            eb.or([
              eb.and([eb('created_at', '>=', around.from), eb('created_at', '<', around.to)]),
              eb.and([
                eb('closed_on', '>=', range.from),
                eb('closed_on', '<', range.to),
                ...(closings === 'won' ? [eb('status', '=', 'won')] : []),
              ]),
            ]),
          ),
        ANALYTICS_PAGE,
      );
    },

    registrations(range, statuses) {
      const around = instants(range);
      const days = daysAround(range);
      return registrations.scan(
        (query) =>
          query
            .where('status', 'in', [...statuses])
            .where('created_at', '<', around.to)
            .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', days.from)])),
        ANALYTICS_PAGE,
      );
    },

    distributions(range) {
      const around = instants(range);
      return distributions.scan((query) => query.where('created_at', '>=', around.from), ANALYTICS_PAGE);
    },

    mdfRequestsSubmitted(range) {
      const around = instants(range);
      return requests.scan(
        (query) => query.where('created_at', '>=', around.from).where('created_at', '<', around.to),
        ANALYTICS_PAGE,
      );
    },

    mdfRequestsStarting(range, statuses) {
      return requests.scan(
        (query) =>
          query
            .where('status', 'in', [...statuses])
            .where(sql<string>`data->>'startDate'`, '>=', range.from)
            .where(sql<string>`data->>'startDate'`, '<', range.to),
        ANALYTICS_PAGE,
      );
    },

    async *payments(range) {
      const around = instants(range);
      let after: string | undefined;
      for (;;) {
        let query = db
          .selectFrom('ledger_postings')
          .select(['seq', 'data'])
          .where('tenant_id', '=', tenantId)
          .where('kind', '=', 'pay')
          .where('posted_at', '>=', around.from)
          .where('posted_at', '<', around.to)
          .orderBy('seq')
          .limit(ANALYTICS_PAGE);
        if (after !== undefined) query = query.where('seq', '>', after);
        const rows = await query.execute();
        if (rows.length === 0) return;
        yield rows.map((row) => row.data as unknown as MdfPostingOf<'pay'>);
        if (rows.length < ANALYTICS_PAGE) return;
        after = String(rows[rows.length - 1]!.seq);
      }
    },

    async usesMdf() {
      const found = await db
        .selectFrom('records')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', MDF_ALLOCATIONS.name)
        .limit(1)
        .executeTakeFirst();
      return found !== undefined;
    },
  };
}
