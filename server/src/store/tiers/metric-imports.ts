import type {
  CalendarDate,
  Result,
  TierCustomMetricValue,
  TierSatisfactionScore,
  VersionedRecord,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { RecordTable, type RecordKind } from '../records/record-table.js';
import type { Database } from '../schema.js';
import {
  CUSTOM_METRIC_VALUES,
  customMetricValueId,
  SATISFACTION_SCORES,
  type StoredCustomMetricValue,
  type StoredSatisfactionScore,
} from './kinds.js';

/** What an import did: values new to the store, values replaced by a different one, values already there. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Which of a partner's values to list: dated from `from` through `through` (both optional), oldest first. */
export interface PartnerValuesQuery {
  from?: CalendarDate;
  through?: CalendarDate;
  limit: number;
}

/** A kind of imported, dated partner value: import (replacing by id) and list a partner's. */
export interface ImportedValues<Value> {
  /** Saves the values, each under its id: new ones are created, changed ones replaced. A concurrent change is `stale_write`. */
  import(values: readonly Value[]): Promise<Result<ImportCounts>>;
  /** A partner's values, oldest first. */
  forPartner(partnerId: string, query: PartnerValuesQuery): Promise<Value[]>;
}

const LOOKUP_CHUNK = 500;

function importedValues<Stored extends VersionedRecord & { partnerId: string }, Value>(
  db: Kysely<Database>,
  tenantId: string,
  kind: RecordKind<Stored>,
  toStored: (value: Value) => Omit<Stored, 'version'>,
  fromStored: (stored: Omit<Stored, 'version'>) => Value,
): ImportedValues<Value> {
  const table = new RecordTable<Stored>(db, tenantId, kind);
  const same = (a: Omit<Stored, 'version'>, b: Omit<Stored, 'version'>) =>
    JSON.stringify(fromStored(a)) === JSON.stringify(fromStored(b));
  return {
    async import(values) {
      const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
      for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
        const chunk = values.slice(start, start + LOOKUP_CHUNK).map(toStored);
        const existing = new Map(
          (await table.getMany(chunk.map((value) => value.id))).map((stored) => [stored.id, stored]),
        );
        for (const value of chunk) {
          const found = existing.get(value.id);
          if (found && same(found, value)) {
            counts.unchanged += 1;
            continue;
          }
          const saved = await table.save({ ...value, version: found?.version ?? 0 } as Stored, {
            expectedVersion: found ? found.version : null,
          });
          if (!saved.success) return saved;
          if (found) counts.updated += 1;
          else counts.created += 1;
        }
      }
      return { success: true, data: counts };
    },
    async forPartner(partnerId, { from, through, limit }) {
      let query = db
        .selectFrom('records')
        .select('data')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', kind.name)
        .where('partner_id', '=', partnerId);
      if (from !== undefined) query = query.where('closed_on', '>=', from);
      if (through !== undefined) query = query.where('closed_on', '<=', through);
      const rows = await query.orderBy('closed_on').orderBy('id').limit(limit).execute();
      return rows.map((row) => fromStored(row.data as Omit<Stored, 'version'>));
    },
  };
}

/** A satisfaction score with the id it has in its source (a survey response), as imported. */
export type ImportedSatisfactionScore = TierSatisfactionScore & { id: string };

/** The tenant's imported customer-satisfaction scores, kept by source id. */
export function satisfactionScores(db: Kysely<Database>, tenantId: string): ImportedValues<ImportedSatisfactionScore> {
  return importedValues<StoredSatisfactionScore, ImportedSatisfactionScore>(
    db,
    tenantId,
    SATISFACTION_SCORES,
    (score: ImportedSatisfactionScore) => ({
      id: score.id,
      partnerId: score.partnerId,
      date: score.date,
      value: score.value,
    }),
    (stored) => ({ id: stored.id, partnerId: stored.partnerId, date: stored.date, value: stored.value }),
  );
}

/** The tenant's imported custom metric values, one per partner, metric and day. */
export function customMetricValues(db: Kysely<Database>, tenantId: string): ImportedValues<TierCustomMetricValue> {
  return importedValues<StoredCustomMetricValue, TierCustomMetricValue>(
    db,
    tenantId,
    CUSTOM_METRIC_VALUES,
    (value: TierCustomMetricValue) => ({
      id: customMetricValueId(value),
      partnerId: value.partnerId,
      key: value.key,
      date: value.date,
      value: value.value,
    }),
    (stored) => ({ partnerId: stored.partnerId, key: stored.key, date: stored.date, value: stored.value }),
  );
}
