import type { Money } from '@conduit/core';
import type { DemoRandom } from '../random.js';

const KINDS = [
  'subscription',
  'rollout',
  'expansion',
  'upgrade',
  'renewal',
  'pilot',
  'enterprise agreement',
  'proof of concept',
  'migration',
] as const;

/** A product code as people read it: `secure-edge` → `Secure Edge`. */
export function productLabel(code: string): string {
  return code
    .split('-')
    .map((word) => (word === '' ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ');
}

/** A deal's name as a sales rep writes it: `Hartmann Maschinenbau GmbH – Insights expansion`. */
export function dealName(accountName: string, products: readonly string[], random: DemoRandom): string {
  const what = products.length === 0 ? 'Platform' : productLabel(products[0]!);
  return `${accountName} – ${what} ${random.pick(KINDS)}`.slice(0, 120);
}

/**
 * A deal amount in minor units of `currency`: log-normal around a median of 22,000 (most deals are
 * small, a few very large), scaled by the customer's and the partner's size, rounded to tens, kept
 * between 1,000 and 2,500,000.
 */
export function dealAmount(currency: string, scale: number, random: DemoRandom, minimum = 1_000): Money {
  const major = Math.min(2_500_000, Math.max(minimum, random.logNormal(22_000 * scale, 0.95)));
  return { amount: Math.round(major / 10) * 1_000, currency };
}

/** How long a deal takes from creation to closing, in days: a median of eight weeks, 7 to 300 days. */
export function salesCycleDays(random: DemoRandom): number {
  return Math.round(Math.min(300, Math.max(7, random.logNormal(55, 0.6))));
}
