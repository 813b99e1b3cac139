import type { CalendarDate, PartnerTouch } from '@conduit/core';
import type { RecordKind } from '../records/record-table.js';

/** A partner touch recorded through the API, as the `records` table keeps it. */
export type StoredPartnerTouch = PartnerTouch & { version: number };

/**
 * Partner touches recorded through the API (beyond the one a deal records by itself): `account_id` holds
 * the deal, so that the touches of a page of deals are one indexed query; `partner_id` the partner,
 * `status` the touch kind and `closed_on` its day.
 */
export const PARTNER_TOUCHES: RecordKind<StoredPartnerTouch> = {
  name: 'partner_touch',
  columns: (touch) => ({ status: touch.kind, partnerId: touch.partnerId, accountId: touch.dealId, closedOn: touch.on }),
};

/** Something a partner did, `count` times on a day, as recorded through the API (id: its id in its source). */
export interface PartnerActivity {
  id: string;
  partnerId: string;
  kind: string;
  on: CalendarDate;
  count: number;
}

/** A recorded partner activity as the `records` table keeps it. */
export type StoredPartnerActivity = PartnerActivity & { version: number };

/** Recorded partner activities: `partner_id` the partner, `status` the activity kind, `closed_on` its day. */
export const PARTNER_ACTIVITIES: RecordKind<StoredPartnerActivity> = {
  name: 'partner_activity',
  columns: (activity) => ({ status: activity.kind, partnerId: activity.partnerId, closedOn: activity.on }),
};
