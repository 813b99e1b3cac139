import type { Partner, PartnerRepository, TierEffect } from '@conduit/core';

/** What a partner record should hold after a batch of tier effects: its last tier and specializations set. */
interface PartnerChange {
  tierId?: string | null;
  specializationIds?: string[];
}

const ATTEMPTS = 3;

function changesOf(effects: readonly TierEffect[]): Map<string, PartnerChange> {
  const changes = new Map<string, PartnerChange>();
  for (const effect of effects) {
    if (effect.kind !== 'update_partner_tier' && effect.kind !== 'update_partner_specializations') continue;
    const change = changes.get(effect.partnerId) ?? {};
    if (effect.kind === 'update_partner_tier') change.tierId = effect.tierId;
    else change.specializationIds = [...effect.specializationIds];
    changes.set(effect.partnerId, change);
  }
  return changes;
}

function changed(partner: Partner, change: PartnerChange): Partner | undefined {
  const tierId = change.tierId === undefined ? partner.tierId : change.tierId;
  const specializationIds = change.specializationIds ?? partner.specializationIds;
  if (tierId === partner.tierId && JSON.stringify(specializationIds) === JSON.stringify(partner.specializationIds))
    return undefined;
  return { ...partner, tierId, specializationIds };
}

/**
 * Performs the tier effects that concern the partner records the server keeps: `update_partner_tier`
 * sets the record's tier and `update_partner_specializations` its specializations, so that the other
 * workflows (registration caps, routing weights, MDF rates) read the tier the engine decided. Other
 * effects (benefits, notifications) are returned to the caller as they are. Each record is written with
 * optimistic concurrency; a record changed by someone else in the meantime is read again and the
 * change applied to it (only these two fields change). Returns the ids of the partners updated.
 */
export async function applyPartnerTierEffects(
  partners: PartnerRepository,
  effects: readonly TierEffect[],
): Promise<string[]> {
  const changes = changesOf(effects);
  if (changes.size === 0) return [];
  const updated: string[] = [];
  const read = new Map((await partners.getMany([...changes.keys()])).map((partner) => [partner.id, partner]));
  for (const [partnerId, change] of changes) {
    let partner = read.get(partnerId);
    for (let attempt = 1; partner; attempt++) {
      const next = changed(partner, change);
      if (!next) break;
      const saved = await partners.save(next, { expectedVersion: partner.version });
      if (saved.success) {
        updated.push(partnerId);
        break;
      }
      if (attempt === ATTEMPTS)
        throw new Error(`The partner record ${partnerId} kept changing while its tier was being updated.`);
      partner = await partners.get(partnerId);
    }
  }
  return updated;
}
