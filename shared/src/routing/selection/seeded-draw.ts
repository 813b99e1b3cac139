const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN = 0x9e3779b9;

/** FNV-1a over a string's UTF-16 code units, continuing from `hash`. */
export function hashText(text: string, hash: number = FNV_OFFSET): number {
  let value = hash;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, FNV_PRIME);
  }
  return value >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over every output bit. */
function mix(hash: number): number {
  let value = hash;
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

/** The hash a seed starts every draw from. */
export function seedHash(seed: string): number {
  return hashText('\u0000', hashText(seed));
}

/**
 * A number in [0, 1) drawn for one offer of one lead: a hash of the seed, the lead id and the attempt, so
 * that the same seed gives the same draws whatever the order or batching of leads, and a re-route draws
 * afresh.
 *
 * @example seededDraw(seedHash('spring-2026'), 'lead-7', 1) // always the same number
 */
export function seededDraw(seed: number, leadId: string, attempt: number): number {
  return mix(hashText(leadId, seed) ^ Math.imul(attempt, GOLDEN)) / 0x1_0000_0000;
}
