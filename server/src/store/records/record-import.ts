import { isDeepStrictEqual } from 'node:util';
import type { Issue, IssuePath, Result, VersionedRecord } from '@conduit/core';
import type { RecordTable } from './record-table.js';

/**
 * A record as a CRM hands it over: the record with, optionally, the version the sender read (0: a record
 * that must not exist yet; left out: whatever is stored is replaced).
 */
export type RecordImport<T extends VersionedRecord> = T extends unknown
  ? Omit<T, 'version'> & { version?: number }
  : never;

/** What an import did to one record. */
export type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** How one imported record was stored. */
export interface ImportedRecord {
  id: string;
  version: number;
  outcome: ImportOutcome;
}

/** Where the issues about the record at `index` of an import point: `[list, index]`, or the body itself. */
export type ImportPath = (index: number) => IssuePath;

const IDS_PER_QUERY = 1000;

function withoutVersion<T extends VersionedRecord>(record: RecordImport<T> | T): Record<string, unknown> {
  const { version: _version, ...rest } = record as { version?: number };
  return rest;
}

function stale(kind: string, path: IssuePath, id: string, expected: number, found: number | null): Issue {
  return {
    path: [...path, 'version'],
    code: 'stale_write',
    message:
      found === null
        ? `The ${kind} "${id}" does not exist yet, but version ${expected} was sent: send version 0 (or none) to create it.`
        : `The ${kind} "${id}" is at version ${found}, not ${expected} as read: read it again and send it again.`,
  };
}

/**
 * Creates or updates records of one kind (an upsert, as HubSpot and Salesforce hand them over): a record
 * that did not exist is created, one that changed is saved over the version found (or the version sent,
 * when the sender states one: 0 for a record that must be new), one identical to what is stored is left
 * as it is. A version that does not match, or a write that races another, refuses the whole import with
 * `stale_write` at the record's path: call it inside a transaction so that nothing of a refused import lands.
 */
export async function importRecords<T extends VersionedRecord>(
  table: RecordTable<T>,
  records: readonly RecordImport<T>[],
  pathOf: ImportPath,
): Promise<Result<ImportedRecord[]>> {
  const kind = table.kindName;
  const existing = new Map<string, T>();
  const ids = [...new Set(records.map((record) => record.id))];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY)
    for (const found of await table.getMany(ids.slice(start, start + IDS_PER_QUERY))) existing.set(found.id, found);
  const imported: ImportedRecord[] = [];
  for (const [index, record] of records.entries()) {
    const before = existing.get(record.id);
    if (record.version !== undefined && (before?.version ?? 0) !== record.version)
      return {
        success: false,
        issues: [stale(kind, pathOf(index), record.id, record.version, before?.version ?? null)],
      };
    if (before && isDeepStrictEqual(withoutVersion(before), withoutVersion(record))) {
      imported.push({ id: record.id, version: before.version, outcome: 'unchanged' });
      continue;
    }
    const next = { ...withoutVersion(record), version: before?.version ?? 0 } as unknown as T;
    const saved = await table.save(next, { expectedVersion: before?.version ?? null });
    if (!saved.success)
      return { success: false, issues: saved.issues.map((found) => ({ ...found, path: pathOf(index) })) };
    imported.push({ id: record.id, version: saved.data.version, outcome: before ? 'updated' : 'created' });
    existing.set(record.id, { ...next, version: saved.data.version });
  }
  return { success: true, data: imported };
}
