import type { Issue, RecordReader, RecordWriter, Result, VersionedRecord, WriteExpectation } from '@conduit/core';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';

/** The columns lifted out of a record's JSON for queries; what each means depends on the kind. */
export interface RecordColumns {
  status?: string | null;
  partnerId?: string | null;
  accountId?: string | null;
  /** A day the record is due on (a registration's protection end). */
  dueOn?: string | null;
  /** An instant the record is due at (an offer's SLA deadline). */
  dueAt?: string | null;
  /** The day the record was closed (a deal's or a registration's). */
  closedOn?: string | null;
  createdAt?: string | null;
}

/** A kind of record kept in the `records` table: its name and the columns its queries filter on. */
export interface RecordKind<T extends VersionedRecord> {
  name: string;
  columns(record: T): RecordColumns;
}

/** A query over one kind's records of one tenant. */
export type RecordQuery = SelectQueryBuilder<
  Database,
  'records',
  { id: string; version: number; data: Record<string, unknown> }
>;

/** A page of records in id order: those after the id `after`, at most `limit`. */
export interface RecordPageRequest {
  after?: string | undefined;
  limit: number;
}

const PAGE_SIZE = 500;
const GET_MANY_SLICE = 10_000;

function staleWrite(kind: string, id: string, expectedVersion: number | null): Issue {
  return {
    path: ['expectedVersion'],
    code: 'stale_write',
    message:
      expectedVersion === null
        ? `A ${kind} with the id "${id}" already exists.`
        : `The ${kind} "${id}" changed since version ${expectedVersion} was read: reload it and try again.`,
  };
}

/**
 * The records of one kind and one tenant, as the core's ports want them: read by id, written with
 * optimistic concurrency (a write states the version it read, `null` to create; a stale one is refused
 * with `stale_write`), scanned in pages in id order. Every statement is scoped by the tenant.
 */
export class RecordTable<T extends VersionedRecord> implements RecordReader<T>, RecordWriter<T> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenantId: string,
    private readonly kind: RecordKind<T>,
  ) {}

  /** The kind's name, as the `kind` column holds it (`partner`, `deal`…). */
  get kindName(): string {
    return this.kind.name;
  }

  /** A table bound to another executor, e.g. inside a transaction. */
  using(db: Kysely<Database>): RecordTable<T> {
    return new RecordTable(db, this.tenantId, this.kind);
  }

  private base(): RecordQuery {
    return this.db
      .selectFrom('records')
      .select(['id', 'version', 'data'])
      .where('tenant_id', '=', this.tenantId)
      .where('kind', '=', this.kind.name);
  }

  private static toRecord<R>(row: { version: number; data: Record<string, unknown> }): R {
    return { ...row.data, version: row.version } as R;
  }

  async get(id: string): Promise<T | undefined> {
    const row = await this.base().where('id', '=', id).executeTakeFirst();
    return row && RecordTable.toRecord<T>(row);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    const found: T[] = [];
    // PostgreSQL takes at most 65,535 parameters in a statement: ask in slices.
    for (let start = 0; start < ids.length; start += GET_MANY_SLICE) {
      const rows = await this.base()
        .where('id', 'in', ids.slice(start, start + GET_MANY_SLICE))
        .execute();
      found.push(...rows.map((row) => RecordTable.toRecord<T>(row)));
    }
    return found;
  }

  async save(record: T, { expectedVersion }: WriteExpectation): Promise<Result<{ version: number }>> {
    const columns = this.kind.columns(record);
    const { version: _ignored, ...document } = record;
    const values = {
      data: document as Record<string, unknown>,
      status: columns.status ?? null,
      partner_id: columns.partnerId ?? null,
      account_id: columns.accountId ?? null,
      due_on: columns.dueOn ?? null,
      due_at: columns.dueAt ?? null,
      closed_on: columns.closedOn ?? null,
      created_at: columns.createdAt ?? null,
    };
    const saved =
      expectedVersion === null
        ? await this.db
            .insertInto('records')
            .values({ tenant_id: this.tenantId, kind: this.kind.name, id: record.id, version: 1, ...values })
            .onConflict((conflict) => conflict.columns(['tenant_id', 'kind', 'id']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await this.db
            .updateTable('records')
            .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: sql<string>`now()` }))
            .where('tenant_id', '=', this.tenantId)
            .where('kind', '=', this.kind.name)
            .where('id', '=', record.id)
            .where('version', '=', expectedVersion)
            .returning('version')
            .executeTakeFirst();
    if (!saved) return { success: false, issues: [staleWrite(this.kind.name, record.id, expectedVersion)] };
    return { success: true, data: { version: saved.version } };
  }

  /** Every record matching `narrow`, in pages, in id order (keyset pagination: stable while others write). */
  async *scan(
    narrow: (query: RecordQuery) => RecordQuery = (query) => query,
    pageSize = PAGE_SIZE,
  ): AsyncIterable<T[]> {
    let after: string | undefined;
    for (;;) {
      let query = narrow(this.base());
      if (after !== undefined) query = query.where('id', '>', after);
      const rows = await query.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((row) => RecordTable.toRecord<T>(row));
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** One page of the records matching `narrow`, in id order: at most `limit`, after the id `after` (keyset). */
  async page(narrow: (query: RecordQuery) => RecordQuery, { after, limit }: RecordPageRequest): Promise<T[]> {
    let query = narrow(this.base());
    if (after !== undefined) query = query.where('id', '>', after);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((row) => RecordTable.toRecord<T>(row));
  }

  /** How many records match `narrow`. */
  async count(narrow: (query: RecordQuery) => RecordQuery = (query) => query): Promise<number> {
    const row = await narrow(this.base())
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
