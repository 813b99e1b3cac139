import type { Lead, Result } from '@conduit/core';
import type { Kysely } from 'kysely';
import { LEADS } from '../records/kinds.js';
import { importRecords, type ImportedRecord, type RecordImport } from '../records/record-import.js';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';

/** A lead as a CRM hands it over: the `Lead` with, optionally, the version the sender read (0: a new lead). */
export type LeadImport = RecordImport<Lead>;

/** How one imported lead was stored. */
export type ImportedLead = ImportedRecord;

/**
 * Creates or updates leads (an upsert, as HubSpot and Salesforce hand them over), as `importRecords` does
 * for every CRM record kind: issues point at `leads[index]`. Call it inside a transaction so that
 * nothing of a refused import lands.
 */
export function importLeads(
  db: Kysely<Database>,
  tenantId: string,
  leads: readonly LeadImport[],
): Promise<Result<ImportedLead[]>> {
  return importRecords(new RecordTable(db, tenantId, LEADS), leads, (index) => ['leads', index]);
}
