import type {
  Account,
  AccountQuery,
  AccountRepository,
  Deal,
  DealQuery,
  DealRepository,
  Lead,
  LeadQuery,
  LeadRepository,
  Partner,
  PartnerQuery,
  PartnerRepository,
  Result,
  VersionedRecord,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { ACCOUNTS, DEALS, LEADS, PARTNERS } from '../records/kinds.js';
import { among, amongField } from '../records/filters.js';
import { importRecords, type ImportedRecord, type ImportPath, type RecordImport } from '../records/record-import.js';
import { RecordTable, type RecordPageRequest, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';

/** What the API adds to a CRM repository of the core: keyset pages for lists, and the upsert import. */
export interface CrmRecords<T extends VersionedRecord, Query> {
  /** One page of the records matching `filter`, in id order. */
  page(filter: Query, page: RecordPageRequest): Promise<T[]>;
  /** Creates or updates records as a CRM hands them over (see `importRecords`); call it in a transaction. */
  import(records: readonly RecordImport<T>[], pathOf: ImportPath): Promise<Result<ImportedRecord[]>>;
}

export type PartnerRecords = PartnerRepository & CrmRecords<Partner, PartnerQuery>;
export type AccountRecords = AccountRepository & CrmRecords<Account, AccountQuery>;
export type DealRecords = DealRepository & CrmRecords<Deal, DealQuery>;
export type LeadRecords = LeadRepository & CrmRecords<Lead, LeadQuery>;

/** A repository over a record table, answering a port's queries in SQL. */
function repository<T extends VersionedRecord, Query>(
  table: RecordTable<T>,
  narrow: (query: RecordQuery, filter: Query) => RecordQuery,
) {
  return {
    get: (id: string) => table.get(id),
    getMany: (ids: readonly string[]) => table.getMany(ids),
    save: (record: T, expectation: { expectedVersion: number | null }) => table.save(record, expectation),
    scan: (filter: Query) => table.scan((query) => narrow(query, filter)),
    page: (filter: Query, page: RecordPageRequest) => table.page((query) => narrow(query, filter), page),
    import: (records: readonly RecordImport<T>[], pathOf: ImportPath) => importRecords(table, records, pathOf),
  };
}

/** The tenant's partners. */
export function partnerRepository(db: Kysely<Database>, tenantId: string): PartnerRecords {
  return repository<Partner, PartnerQuery>(new RecordTable(db, tenantId, PARTNERS), (query, filter) => {
    return amongField(among(query, 'status', filter.statuses), 'tierId', filter.tierIds);
  });
}

/** The tenant's accounts. */
export function accountRepository(db: Kysely<Database>, tenantId: string): AccountRecords {
  return repository<Account, AccountQuery>(new RecordTable(db, tenantId, ACCOUNTS), (query, filter) => {
    const owner = filter.ownerKind === undefined ? undefined : [filter.ownerKind];
    return amongField(among(query, 'status', owner), 'domain', filter.domains);
  });
}

/** The tenant's opportunities and deals. */
export function dealRepository(db: Kysely<Database>, tenantId: string): DealRecords {
  return repository<Deal, DealQuery>(new RecordTable(db, tenantId, DEALS), (query, filter) => {
    let narrowed = among(
      among(among(query, 'partner_id', filter.partnerIds), 'account_id', filter.accountIds),
      'status',
      filter.stages,
    );
    if (filter.closedBetween) {
      narrowed = narrowed
        .where('closed_on', '>=', filter.closedBetween.from)
        .where('closed_on', '<', filter.closedBetween.to);
    }
    return narrowed;
  });
}

/** The tenant's leads. */
export function leadRepository(db: Kysely<Database>, tenantId: string): LeadRecords {
  return repository<Lead, LeadQuery>(new RecordTable(db, tenantId, LEADS), (query, filter) => {
    const narrowed = among(query, 'id', filter.ids);
    return filter.createdSince === undefined
      ? narrowed
      : narrowed.where('created_at', '>=', new Date(filter.createdSince));
  });
}
