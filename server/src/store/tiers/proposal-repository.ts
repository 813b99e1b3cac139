import {
  TierProposalRecordSchema,
  type PendingTierProposal,
  type TierProposalQuery,
  type TierProposalRecord,
  type TierProposalRepository,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { among } from '../records/filters.js';
import { RecordTable, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { TIER_PROPOSALS } from './kinds.js';

/** A page of proposals for a list: at most `limit`, after the proposal id `after`, in id order. */
export interface TierProposalPageQuery extends TierProposalQuery {
  after?: string;
  limit: number;
}

/** The core's proposal port, plus a keyset page for the API's lists. */
export interface TierProposalStore extends TierProposalRepository {
  page(query: TierProposalPageQuery): Promise<TierProposalRecord[]>;
}

/**
 * A proposal as read back, checked against its schema. Parsing also puts every object's fields back in
 * the schema's order, which PostgreSQL's `jsonb` does not keep: `sameTierProposal` compares plans as
 * JSON text, so a pending proposal read back must serialize as the engine built it, or every evaluation
 * would replace it with an identical one.
 */
function parsed(record: TierProposalRecord): TierProposalRecord {
  return TierProposalRecordSchema.parse(record);
}

function narrow(query: RecordQuery, filter: TierProposalQuery): RecordQuery {
  return among(among(query, 'status', filter.statuses), 'partner_id', filter.partnerIds);
}

/**
 * The tenant's tier proposals in the `records` table: the approval queue (`pending`, by partner) and the
 * decided ones kept for audit, with optimistic concurrency (a stale save is refused with `stale_write`).
 */
export function tierProposalRepository(db: Kysely<Database>, tenantId: string): TierProposalStore {
  const table = new RecordTable<TierProposalRecord>(db, tenantId, TIER_PROPOSALS);
  return {
    async get(id) {
      const record = await table.get(id);
      return record && parsed(record);
    },
    async pendingFor(partnerIds) {
      if (partnerIds.length === 0) return [];
      const pending: PendingTierProposal[] = [];
      for await (const page of table.scan((query) =>
        narrow(query, { statuses: ['pending'], partnerIds: [...new Set(partnerIds)] }),
      )) {
        for (const record of page.map(parsed)) if (record.status === 'pending') pending.push(record);
      }
      return pending;
    },
    save: (record, expectation) => table.save(record, expectation),
    async *scan(filter) {
      for await (const page of table.scan((query) => narrow(query, filter))) yield page.map(parsed);
    },
    async page({ after, limit, ...filter }) {
      for await (const page of table.scan((query) => {
        const narrowed = narrow(query, filter);
        return after === undefined ? narrowed : narrowed.where('id', '>', after);
      }, limit))
        return page.map(parsed);
      return [];
    },
  };
}
