import { isDeepStrictEqual } from 'node:util';
import type { ConflictOfInterest, ConflictOfInterestSource, Issue, Result } from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import { RecordTable, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { conflictIdOf, CONFLICTS_OF_INTEREST, type ConflictStatus, type StoredConflictRecord } from './kinds.js';

/** How one imported conflict of interest was stored. */
export interface ImportedConflict {
  id: string;
  version: number;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** Which conflicts of interest to list: every field narrows; a page at a time in id order. */
export interface ConflictListQuery {
  status?: ConflictStatus;
  partnerId?: string;
  accountId?: string;
  leadId?: string;
  after?: string;
  limit: number;
}

/**
 * The tenant's conflicts of interest: the routing engine's `ConflictOfInterestSource` (the conflicts in
 * force for some leads or accounts), and the import, list and withdrawal the API offers.
 */
export interface ConflictStore extends ConflictOfInterestSource {
  /** Creates or updates each conflict (same partner and subject: same record), making it active again. */
  import(conflicts: readonly ConflictOfInterest[]): Promise<Result<ImportedConflict[]>>;
  list(query: ConflictListQuery): Promise<StoredConflictRecord[]>;
  get(id: string): Promise<StoredConflictRecord | undefined>;
  /** Withdraws a conflict (routing no longer excludes the partner), at the version read when one is given. */
  withdraw(id: string, expectedVersion?: number): Promise<Result<StoredConflictRecord>>;
}

/** The lead a conflict names, read from the document (conflicts are few per tenant; none is indexed). */
const leadIdOf = sql<string>`data->>'leadId'`;

function conflictOf(record: StoredConflictRecord): ConflictOfInterest {
  const { id: _id, status: _status, version: _version, ...conflict } = record;
  return conflict;
}

function sameConflict(a: StoredConflictRecord, b: StoredConflictRecord): boolean {
  return a.status === b.status && isDeepStrictEqual(conflictOf(a), conflictOf(b));
}

/** The conflicts of interest of one tenant over a database (or a transaction). */
export function conflictStore(db: Kysely<Database>, tenantId: string): ConflictStore {
  const table = new RecordTable(db, tenantId, CONFLICTS_OF_INTEREST);

  return {
    async find({ leadIds, accountIds }) {
      if (leadIds.length === 0 && accountIds.length === 0) return [];
      const found: ConflictOfInterest[] = [];
      const narrow = (query: RecordQuery) =>
        query
          .where('status', '=', 'active')
          .where((eb) =>
            eb.or([
              ...(accountIds.length > 0 ? [eb('account_id', 'in', [...accountIds])] : []),
              ...(leadIds.length > 0 ? [eb(leadIdOf, 'in', [...leadIds])] : []),
            ]),
          );
      for await (const page of table.scan(narrow)) found.push(...page.map(conflictOf));
      return found;
    },

    async import(conflicts) {
      const records = conflicts.map((conflict): StoredConflictRecord => ({
        ...conflict,
        id: conflictIdOf(conflict),
        status: 'active',
        version: 0,
      }));
      const existing = new Map((await table.getMany(records.map((record) => record.id))).map((row) => [row.id, row]));
      const imported: ImportedConflict[] = [];
      for (const record of records) {
        const before = existing.get(record.id);
        if (before && sameConflict(before, record)) {
          imported.push({ id: record.id, version: before.version, outcome: 'unchanged' });
          continue;
        }
        const saved = await table.save(record, { expectedVersion: before?.version ?? null });
        if (!saved.success) return saved;
        imported.push({ id: record.id, version: saved.data.version, outcome: before ? 'updated' : 'created' });
        existing.set(record.id, { ...record, version: saved.data.version });
      }
      return { success: true, data: imported };
    },

    async list({ status, partnerId, accountId, leadId, after, limit }) {
      const page: StoredConflictRecord[] = [];
      const narrow = (query: RecordQuery) => {
        let narrowed = status === undefined ? query : query.where('status', '=', status);
        if (partnerId !== undefined) narrowed = narrowed.where('partner_id', '=', partnerId);
        if (accountId !== undefined) narrowed = narrowed.where('account_id', '=', accountId);
        if (leadId !== undefined) narrowed = narrowed.where(leadIdOf, '=', leadId);
        return after === undefined ? narrowed : narrowed.where('id', '>', after);
      };
      for await (const rows of table.scan(narrow, limit)) {
        page.push(...rows);
        break;
      }
      return page;
    },

    get: (id) => table.get(id),

    async withdraw(id, expectedVersion) {
      const found = await table.get(id);
      if (!found) {
        const missing: Issue = {
          path: ['id'],
          code: 'not_found',
          message: `There is no conflict of interest "${id}".`,
        };
        return { success: false, issues: [missing] };
      }
      const version = expectedVersion ?? found.version;
      if (found.status === 'withdrawn' && version === found.version) return { success: true, data: found };
      const withdrawn: StoredConflictRecord = { ...found, status: 'withdrawn' };
      const saved = await table.save(withdrawn, { expectedVersion: version });
      if (!saved.success) return saved;
      return { success: true, data: { ...withdrawn, version: saved.data.version } };
    },
  };
}
