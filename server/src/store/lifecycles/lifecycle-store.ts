import {
  PartnerLifecycleSchema,
  type CalendarDate,
  type PartnerLifecycle,
  type PartnerLifecycleQuery,
  type PartnerLifecycleRepository,
  type PartnerLifecycleStatus,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import { among } from '../records/filters.js';
import { RecordTable, type RecordPageRequest, type RecordQuery } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { PARTNER_LIFECYCLES, type StoredPartnerLifecycle } from './kinds.js';

/** Which lifecycles a list shows: by status, a page at a time in partner id order. */
export interface LifecyclePageQuery extends RecordPageRequest {
  statuses?: readonly PartnerLifecycleStatus[];
}

/** The lifecycles with a milestone overdue on the program day `today`, a page at a time. */
export interface OverdueLifecyclePageQuery extends RecordPageRequest {
  today: CalendarDate;
}

/** The core's lifecycle port, plus keyset pages for the API's lists. */
export interface ServerLifecycleStore extends PartnerLifecycleRepository {
  page(query: LifecyclePageQuery): Promise<PartnerLifecycle[]>;
  /** Onboarding or active lifecycles with a pending milestone due before `today`, in partner id order. */
  withOverdueMilestones(query: OverdueLifecyclePageQuery): Promise<PartnerLifecycle[]>;
}

/** A lifecycle as read back (without the record id), checked against its schema and in its field order. */
function lifecycleOf({ id: _partnerId, ...lifecycle }: StoredPartnerLifecycle): PartnerLifecycle {
  return PartnerLifecycleSchema.parse(lifecycle);
}

function narrow(query: RecordQuery, filter: PartnerLifecycleQuery): RecordQuery {
  return among(among(query, 'id', filter.partnerIds), 'status', filter.statuses);
}

/**
 * The tenant's partner lifecycles in the `records` table, keyed by partner id, with optimistic concurrency
 * (a save states the version it read, `null` to create; a stale one is refused with `stale_write`). The
 * lifted `due_on` (the earliest pending milestone's due day) finds the lifecycles with overdue milestones
 * through an index.
 */
export function lifecycleStore(db: Kysely<Database>, tenantId: string): ServerLifecycleStore {
  const table = new RecordTable<StoredPartnerLifecycle>(db, tenantId, PARTNER_LIFECYCLES);
  return {
    async get(partnerId) {
      const stored = await table.get(partnerId);
      return stored && lifecycleOf(stored);
    },
    async getMany(partnerIds) {
      return (await table.getMany(partnerIds)).map(lifecycleOf);
    },
    save: (lifecycle, expectation) => table.save({ ...lifecycle, id: lifecycle.partnerId }, expectation),
    async *scan(filter) {
      for await (const page of table.scan((query) => narrow(query, filter))) yield page.map(lifecycleOf);
    },
    async page({ statuses, ...page }) {
      return (await table.page((query) => narrow(query, statuses ? { statuses } : {}), page)).map(lifecycleOf);
    },
    async withOverdueMilestones({ today, ...page }) {
      const overdue = (query: RecordQuery) =>
        narrow(query, { statuses: ['onboarding', 'active'] }).where('due_on', '<', today);
      return (await table.page(overdue, page)).map(lifecycleOf);
    },
  };
}
