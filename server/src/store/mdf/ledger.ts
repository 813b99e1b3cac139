import type { MdfLedgerQuery, MdfLedgerReader, MdfPosting } from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

const PAGE_SIZE = 500;

/** A posting with its place in the ledger: `seq` grows with every append, so it orders and pages the ledger. */
export interface LedgerEntry {
  seq: string;
  posting: MdfPosting;
}

/** A page of the ledger: the entries after `after` (a `seq`), at most `limit`. */
export interface LedgerPageRequest {
  after?: string | undefined;
  limit: number;
}

/** The tenant's ledger, read in append order (appending is the commit's alone: see `appendPostings`). */
export interface MdfLedgerStore extends MdfLedgerReader {
  /** One page of the entries a query selects, for APIs that hand out a cursor. */
  page(query: MdfLedgerQuery, page: LedgerPageRequest): Promise<LedgerEntry[]>;
}

/** The tenant's MDF ledger in `ledger_postings`, every statement scoped by the tenant. */
export function mdfLedger(db: Kysely<Database>, tenantId: string): MdfLedgerStore {
  async function select(query: MdfLedgerQuery, after: string | undefined, limit: number) {
    const lists = [query.allocationIds, query.budgetIds, query.kinds, query.requestIds];
    if (lists.some((values) => values !== undefined && values.length === 0)) return [];
    let statement = db
      .selectFrom('ledger_postings')
      .select(['seq', 'data'])
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .limit(limit);
    if (query.allocationIds) statement = statement.where('allocation_id', 'in', [...query.allocationIds]);
    if (query.budgetIds) statement = statement.where('budget_id', 'in', [...query.budgetIds]);
    if (query.kinds) statement = statement.where('kind', 'in', [...query.kinds]);
    if (query.requestIds) statement = statement.where(sql<string>`data->>'requestId'`, 'in', [...query.requestIds]);
    if (after !== undefined) statement = statement.where('seq', '>', after);
    return statement.execute();
  }
  const entry = (row: { seq: unknown; data: Record<string, unknown> }): LedgerEntry => ({
    seq: String(row.seq),
    posting: row.data as unknown as MdfPosting,
  });

  return {
    async *scan(query) {
      let after: string | undefined;
      for (;;) {
        const rows = await select(query, after, PAGE_SIZE);
        if (rows.length === 0) return;
        yield rows.map((row) => entry(row).posting);
        if (rows.length < PAGE_SIZE) return;
        after = String(rows[rows.length - 1]!.seq);
      }
    },

    async page(query, { after, limit }) {
      return (await select(query, after, limit)).map(entry);
    },
  };
}

/**
 * Appends postings to the tenant's ledger, skipping those whose id it holds already (the primary key
 * (tenant, id) makes a posting id an idempotency key); returns the ids it appended. Only a commit calls it.
 */
export async function appendPostings(
  db: Kysely<Database>,
  tenantId: string,
  postings: readonly MdfPosting[],
): Promise<Set<string>> {
  if (postings.length === 0) return new Set();
  const appended = await db
    .insertInto('ledger_postings')
    .values(
      postings.map((posting) => ({
        tenant_id: tenantId,
        id: posting.id,
        kind: posting.kind,
        allocation_id: 'allocationId' in posting ? posting.allocationId : null,
        budget_id: 'budgetId' in posting ? posting.budgetId : null,
        posted_at: posting.postedAt,
        data: posting,
      })),
    )
    .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doNothing())
    .returning('id')
    .execute();
  return new Set(appended.map((row) => row.id));
}
