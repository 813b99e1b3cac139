import type { Issue, Partner, PartnerLifecycleRepository } from '@conduit/core';
import type { ImportPath } from '../store/records/record-import.js';

/**
 * The partner statuses a CRM write may not set. A partner's status is what the other workflows' guards
 * read (registration, lead routing, MDF, tiers); once the partner has a lifecycle, the lifecycle decides
 * it, with its rules, its history and its audit trail, and writes it on the record itself. A CRM record
 * handed over for such a partner must carry the lifecycle's status: a different one (an edit in the CRM,
 * or a copy read before the lifecycle moved) is refused with `status_set_by_lifecycle`, naming the status
 * to send and the way to change it. A partner without a lifecycle keeps the status its CRM gives it.
 *
 * Call it after writing the records, in the same transaction: a lifecycle change that commits in between
 * is then seen here, or its own write of the partner's status comes after this one.
 */
export async function statusesSetByLifecycles(
  lifecycles: PartnerLifecycleRepository,
  partners: readonly Pick<Partner, 'id' | 'status'>[],
  pathOf: ImportPath,
): Promise<Issue[]> {
  const owned = new Map(
    (await lifecycles.getMany([...new Set(partners.map((partner) => partner.id))])).map((lifecycle) => [
      lifecycle.partnerId,
      lifecycle.status,
    ]),
  );
  return partners.flatMap((partner, index) => {
    const status = owned.get(partner.id);
    if (status === undefined || status === partner.status) return [];
    return [
      {
        path: [...pathOf(index), 'status'],
        code: 'status_set_by_lifecycle',
        message: `Partner ${partner.id} is ${status} in its lifecycle, which alone changes its status: send "${status}", and move the partner with POST /api/v1/partners/${partner.id}/lifecycle/<event>.`,
      },
    ];
  });
}
