import type { Registration, RegistrationQuery, RegistrationRepository } from '@conduit/core';
import type { Kysely } from 'kysely';
import { REGISTRATIONS } from '../records/kinds.js';
import { RecordTable, type RecordPageRequest, type RecordQuery } from '../records/record-table.js';
import { among } from '../records/filters.js';
import type { Database } from '../schema.js';

/** The core's registration port, plus one page at a time for the API's list (keyset pagination by id). */
export interface RegistrationRecords extends RegistrationRepository {
  page(filter: RegistrationQuery, request: RecordPageRequest): Promise<Registration[]>;
}

/** The tenant's deal registrations, queried by status, partner, protection end and closing day. */
export function registrationRepository(db: Kysely<Database>, tenantId: string): RegistrationRecords {
  const table = new RecordTable<Registration>(db, tenantId, REGISTRATIONS);
  const narrowedBy =
    (filter: RegistrationQuery) =>
    (query: RecordQuery): RecordQuery => {
      let narrowed = among(among(query, 'status', filter.statuses), 'partner_id', filter.partnerIds);
      if (filter.protectionEndsBefore !== undefined)
        narrowed = narrowed.where('due_on', '<', filter.protectionEndsBefore);
      if (filter.closedSince !== undefined) narrowed = narrowed.where('closed_on', '>=', filter.closedSince);
      return narrowed;
    };
  return {
    get: (id) => table.get(id),
    getMany: (ids) => table.getMany(ids),
    save: (record, expectation) => table.save(record, expectation),
    scan: (filter) => table.scan(narrowedBy(filter)),
    page: (filter, request) => table.page(narrowedBy(filter), request),
  };
}
