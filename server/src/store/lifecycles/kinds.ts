import type { PartnerLifecycle } from '@conduit/core';
import type { RecordKind } from '../records/record-table.js';

/** A partner's lifecycle as the `records` table keeps it: its id is the partner's id (one lifecycle per partner). */
export type StoredPartnerLifecycle = PartnerLifecycle & { id: string };

/**
 * The earliest due day of a milestone still pending, while the milestones are followed (onboarding or
 * active; a suspended or offboarded partner's milestones are not reported overdue): a lifecycle has an
 * overdue milestone on a day exactly when this day is before it.
 */
function nextDueOn(lifecycle: PartnerLifecycle): string | null {
  if (lifecycle.status !== 'onboarding' && lifecycle.status !== 'active') return null;
  const due = lifecycle.onboarding.milestones.flatMap((milestone) =>
    milestone.status === 'pending' ? [milestone.dueOn] : [],
  );
  return due.length === 0 ? null : due.reduce((earliest, day) => (day < earliest ? day : earliest));
}

/**
 * Partner lifecycles, one per partner (id = partner id): `status` is the lifecycle's status, `partner_id`
 * the partner, `due_on` the earliest due day of a pending milestone while onboarding or active (so that
 * the lifecycles with overdue milestones are one range of the `(tenant, kind, due_on)` index), and
 * `created_at` the day the partner applied.
 */
export const PARTNER_LIFECYCLES: RecordKind<StoredPartnerLifecycle> = {
  name: 'partner_lifecycle',
  columns: (lifecycle) => ({
    status: lifecycle.status,
    partnerId: lifecycle.partnerId,
    dueOn: nextDueOn(lifecycle),
    createdAt: lifecycle.appliedAt,
  }),
};
