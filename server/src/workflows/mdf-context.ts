import {
  calendarDateIn,
  type Clock,
  type ExchangeRateTable,
  type MdfAccrualSources,
  type MdfAllocationSources,
  type MdfContext,
  type MdfRoiSources,
  type Program,
} from '@conduit/core';
import { programInForce } from '../http/no-program.js';
import { SnapshotStore, type SnapshotExpectation } from '../store/mdf/snapshot-store.js';
import type { TenantStore } from '../store/tenant-store.js';
import { uuidIds } from './ids.js';

/** Everything the MDF use cases take: the core's `MdfContext` and the CRM repositories some of them read. */
export interface MdfUseCaseContext extends MdfContext, MdfAllocationSources, MdfAccrualSources, MdfRoiSources {
  /** The tenant's MDF store, reading at the client's snapshot and keeping the versions its commits stored. */
  store: SnapshotStore;
}

/**
 * The exchange rates MDF converts with: the table the tenant published (`PUT /api/v1/mdf/exchange-rates`),
 * or, when none was, an empty table as of today, with which only same-currency amounts convert (a request
 * in another currency than its allocation's is then refused with `exchange_rate_missing`).
 */
export async function exchangeRatesInForce(
  store: TenantStore,
  program: Program,
  clock: Clock,
): Promise<ExchangeRateTable> {
  const published = await store.mdf.exchangeRates.get();
  return published?.table ?? { asOf: calendarDateIn(clock.now(), program.fiscalCalendar.timeZone), rates: [] };
}

/**
 * The MDF use cases' context over a tenant's store (bound to the request's transaction): the program in
 * force (`NoProgramError` without one), the clock, UUID ids, the exchange rates in force, partners and
 * deals, and the MDF store guarded by the versions the client said it read.
 */
export async function mdfContext(
  store: TenantStore,
  clock: Clock,
  expectations: readonly SnapshotExpectation[] = [],
): Promise<MdfUseCaseContext> {
  const program = await programInForce(store);
  return {
    store: new SnapshotStore(store.mdf, expectations),
    program,
    clock,
    ids: uuidIds,
    rates: await exchangeRatesInForce(store, program, clock),
    partners: store.partners,
    deals: store.deals,
  };
}
