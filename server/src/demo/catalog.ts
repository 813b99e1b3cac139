import type { Program, Tier } from '@conduit/core';
import { INDUSTRIES } from './names/industry-words.js';
import type { DemoRandom } from './random.js';

/**
 * What the demo's end customers buy, the first the most common: the program's eligible products, or when
 * every product is eligible, the products its certification requirements name after a `platform`.
 */
export function demoProducts(program: Program): readonly string[] {
  const { eligibleProducts, certificationRequirements } = program.registration;
  if (eligibleProducts !== 'all') return eligibleProducts;
  return [...new Set(['platform', ...certificationRequirements.map((requirement) => requirement.product)])];
}

/** The products of a deal: one to three, the first listed product the most common. */
export function drawProducts(products: readonly string[], random: DemoRandom, allowed = products): string[] {
  const candidates = products.filter((product) => allowed.includes(product));
  if (candidates.length === 0) return [];
  const count = Math.min(
    candidates.length,
    random.weighted([1, 2, 3], (n) => [0, 6, 3, 1][n]!),
  );
  const weights = new Map(candidates.map((product, index) => [product, index === 0 ? 5 : 2 / index]));
  const chosen: string[] = [];
  while (chosen.length < count) {
    const left = candidates.filter((product) => !chosen.includes(product));
    chosen.push(random.weighted(left, (product) => weights.get(product)!));
  }
  return chosen;
}

/** An industry drawn by how common it is among end customers. */
export function drawIndustry(random: DemoRandom): string {
  return random.weighted(INDUSTRIES, (industry) => industry.weight).code;
}

/** The program's tiers, lowest rank first. */
export function tiersByRank(program: Program): Tier[] {
  return [...program.tiers].sort((a, b) => a.rank - b.rank);
}

/**
 * How a tier's position shapes the demo: the share of active partners in it, how much business its
 * partners do (deal flow weight and deal size) and how well they perform. Ranks beyond the fourth take
 * the last row.
 */
export const TIER_PROFILES: readonly {
  share: number;
  dealWeight: number;
  dealSize: number;
  performance: number;
}[] = [
  { share: 0.44, dealWeight: 0.25, dealSize: 0.75, performance: 0.48 },
  { share: 0.31, dealWeight: 1, dealSize: 1, performance: 0.62 },
  { share: 0.17, dealWeight: 3.5, dealSize: 1.3, performance: 0.73 },
  { share: 0.08, dealWeight: 10, dealSize: 1.6, performance: 0.84 },
];

/** The profile of the tier at a 0-based position among the program's tiers. */
export function tierProfile(position: number): (typeof TIER_PROFILES)[number] {
  return TIER_PROFILES[Math.min(position, TIER_PROFILES.length - 1)]!;
}

/**
 * Integer counts proportional to `shares` that sum to `total` exactly (largest remainders first, ties
 * to the earlier share).
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((acc, share) => acc + share, 0);
  const exact = shares.map((share) => (total * share) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((acc, count) => acc + count, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}
