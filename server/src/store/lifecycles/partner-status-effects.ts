import type { Partner, PartnerLifecycleEffect, PartnerRepository, PartnerStatus } from '@conduit/core';

const ATTEMPTS = 3;

/**
 * The record of a partner the store has not been handed yet (it applied before the CRM's record
 * arrived): its name and status, nothing else known. The CRM's own record replaces it when it comes.
 */
function newPartner(id: string, name: string, status: PartnerStatus): Partner {
  return {
    id,
    name,
    status,
    tierId: null,
    specializationIds: [],
    coverage: { countries: [], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: [],
    certifications: [],
    version: 0,
  };
}

/**
 * Performs the lifecycle effects that concern the partner records the server keeps: `set_partner_status`
 * writes the status on the partner's record, which the other workflows' guards read (registration, lead
 * routing, MDF, tiers). A partner without a record gets one, named `nameOf(partnerId)`. Each record is
 * written with optimistic concurrency; a record changed by someone else in the meantime is read again and
 * only its status set. The other effects (notifications, onboarding tasks, lead offer recalls) are for the
 * caller to hand to the CRM adapters. Returns the partner records as written, by id.
 */
export async function applyPartnerStatusEffects(
  partners: PartnerRepository,
  effects: readonly PartnerLifecycleEffect[],
  nameOf: (partnerId: string) => string,
): Promise<Map<string, Partner>> {
  const statuses = new Map<string, PartnerStatus>();
  for (const effect of effects) if (effect.type === 'set_partner_status') statuses.set(effect.partnerId, effect.status);
  const written = new Map<string, Partner>();
  for (const [partnerId, status] of statuses) {
    let partner = await partners.get(partnerId);
    for (let attempt = 1; ; attempt++) {
      if (partner?.status === status) {
        written.set(partnerId, partner);
        break;
      }
      const next = partner ? { ...partner, status } : newPartner(partnerId, nameOf(partnerId), status);
      const saved = await partners.save(next, { expectedVersion: partner?.version ?? null });
      if (saved.success) {
        written.set(partnerId, { ...next, version: saved.data.version });
        break;
      }
      if (attempt === ATTEMPTS)
        throw new Error(`The partner record ${partnerId} kept changing while its lifecycle status was being written.`);
      partner = await partners.get(partnerId);
    }
  }
  return written;
}
