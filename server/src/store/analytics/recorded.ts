import type { DayRange, PartnerTouch, Result, VersionedRecord } from '@conduit/core';
import type { Kysely } from 'kysely';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';
import type { ImportCounts } from '../tiers/index.js';
import {
  PARTNER_ACTIVITIES,
  PARTNER_TOUCHES,
  type PartnerActivity,
  type StoredPartnerActivity,
  type StoredPartnerTouch,
} from './kinds.js';

const LOOKUP_CHUNK = 500;
/** Deal ids per statement when reading touches: far below PostgreSQL's 65,535 parameters. */
const DEAL_SLICE = 10_000;

/**
 * Saves records by id: new ones are created, changed ones replaced, identical ones left alone (compared as
 * `documentOf` writes them, since the database keeps a document's keys in its own order). A concurrent
 * change is `stale_write`; the caller's transaction makes the whole import land or not.
 */
async function saveById<T extends VersionedRecord, D extends { id: string }>(
  table: RecordTable<T>,
  input: readonly D[],
  documentOf: (record: D) => D,
): Promise<Result<ImportCounts>> {
  const records = input.map(documentOf);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < records.length; start += LOOKUP_CHUNK) {
    const chunk = records.slice(start, start + LOOKUP_CHUNK);
    const existing = new Map((await table.getMany(chunk.map((record) => record.id))).map((found) => [found.id, found]));
    for (const record of chunk) {
      const found = existing.get(record.id);
      if (found && JSON.stringify(documentOf(found as unknown as D)) === JSON.stringify(record)) {
        counts.unchanged += 1;
        continue;
      }
      const saved = await table.save({ ...record, version: found?.version ?? 0 } as unknown as T, {
        expectedVersion: found ? found.version : null,
      });
      if (!saved.success) return saved;
      if (found) counts.updated += 1;
      else counts.created += 1;
    }
  }
  return { success: true, data: counts };
}

/** Partner touches recorded through the API. */
export interface RecordedTouches {
  /** Saves touches by id (importing one again replaces it); the deals and partners are checked by the caller. */
  import(touches: readonly PartnerTouch[]): Promise<Result<ImportCounts>>;
  /** The recorded touches of these deals (one indexed query per 10,000 deals), in no particular order. */
  ofDeals(dealIds: readonly string[]): Promise<PartnerTouch[]>;
}

/** Partner activities recorded through the API. */
export interface RecordedActivities {
  /** Saves activities by id (importing one again replaces it); the partners are checked by the caller. */
  import(activities: readonly PartnerActivity[]): Promise<Result<ImportCounts>>;
  /** The activities on a day of the range, in pages. */
  scan(range: DayRange): AsyncIterable<PartnerActivity[]>;
}

/** What analytics keeps beyond the CRM records: partner touches and partner activities recorded through the API. */
export interface AnalyticsStore {
  touches: RecordedTouches;
  activities: RecordedActivities;
}

/** The fields of a touch in schema order (an optional weight only when given), so that equal touches compare equal. */
function touchDocument(touch: PartnerTouch): PartnerTouch {
  const { id, dealId, partnerId, kind, on, weight } = touch;
  return { id, dealId, partnerId, kind, on, ...(weight === undefined ? {} : { weight }) };
}

function activityDocument({ id, partnerId, kind, on, count }: PartnerActivity): PartnerActivity {
  return { id, partnerId, kind, on, count };
}

/** The analytics store of a tenant over a database (or a transaction). */
export function analyticsStore(db: Kysely<Database>, tenantId: string): AnalyticsStore {
  const touches = new RecordTable<StoredPartnerTouch>(db, tenantId, PARTNER_TOUCHES);
  const activities = new RecordTable<StoredPartnerActivity>(db, tenantId, PARTNER_ACTIVITIES);
  return {
    touches: {
      import: (list) => saveById(touches, list, touchDocument),
      async ofDeals(dealIds) {
        const found: PartnerTouch[] = [];
        for (let start = 0; start < dealIds.length; start += DEAL_SLICE) {
          const rows = await db
            .selectFrom('records')
            .select('data')
            .where('tenant_id', '=', tenantId)
            .where('kind', '=', PARTNER_TOUCHES.name)
            .where('account_id', 'in', dealIds.slice(start, start + DEAL_SLICE))
            .execute();
          found.push(...rows.map((row) => touchDocument(row.data as unknown as PartnerTouch)));
        }
        return found;
      },
    },
    activities: {
      import: (list) => saveById(activities, list, activityDocument),
      async *scan({ from, to }) {
        for await (const page of activities.scan((query) =>
          query.where('closed_on', '>=', from).where('closed_on', '<', to),
        ))
          yield page.map((stored) => activityDocument(stored));
      },
    },
  };
}
