import type { Registration, RegistrationQuery, RegistrationRepository } from '@conduit/core';
import type { Kysely } from 'kysely';
import { REGISTRATIONS } from '../records/kinds.js';
import { RecordTable } from '../records/record-table.js';
import { among } from '../records/filters.js';
import type { Database } from '../schema.js';

/** The tenant's deal registrations, queried by status, partner, protection end and closing day. */
export function registrationRepository(db: Kysely<Database>, tenantId: string): RegistrationRepository {
  const table = new RecordTable<Registration>(db, tenantId, REGISTRATIONS);
  return {
    get: (id) => table.get(id),
    getMany: (ids) => table.getMany(ids),
    save: (record, expectation) => table.save(record, expectation),
    scan: (filter: RegistrationQuery) =>
      table.scan((query) => {
        let narrowed = among(among(query, 'status', filter.statuses), 'partner_id', filter.partnerIds);
        if (filter.protectionEndsBefore !== undefined)
          narrowed = narrowed.where('due_on', '<', filter.protectionEndsBefore);
        if (filter.closedSince !== undefined) narrowed = narrowed.where('closed_on', '>=', filter.closedSince);
        return narrowed;
      }),
  };
}
