import type { ExchangeRateTable, Result, WriteExpectation } from '@conduit/core';
import type { Kysely } from 'kysely';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { EXCHANGE_RATES_ID, MDF_EXCHANGE_RATES, type ExchangeRatesRecord } from './kinds.js';

/** The tenant's exchange-rate table for MDF: one versioned record, replaced as a whole. */
export interface ExchangeRatesStore {
  /** The table in force, or undefined when none was ever published. */
  get(): Promise<ExchangeRatesRecord | undefined>;
  /** Replaces the table; `expectedVersion` is the version read (`null` for the first), `stale_write` otherwise. */
  save(
    table: ExchangeRateTable,
    updatedBy: string | null,
    expectation: WriteExpectation,
  ): Promise<Result<{ version: number }>>;
}

/** The tenant's exchange rates, in the `records` table (kind `mdf_exchange_rates`, id `current`). */
export function exchangeRates(db: Kysely<Database>, tenantId: string): ExchangeRatesStore {
  const records = new RecordTable<ExchangeRatesRecord>(db, tenantId, MDF_EXCHANGE_RATES);
  return {
    get: () => records.get(EXCHANGE_RATES_ID),
    save: (table, updatedBy, expectation) =>
      records.save({ id: EXCHANGE_RATES_ID, table, updatedBy, version: expectation.expectedVersion ?? 0 }, expectation),
  };
}
