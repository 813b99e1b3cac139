import { isGenericWord } from './vocabulary.js';

/** How much a token weighs when names are compared: generic words, numbers and single letters weigh less. */
export function tokenWeight(token: string): number {
  if (token.length === 1) return 0.3;
  if (isGenericWord(token)) return 0.35;
  if (/^\d+$/.test(token)) return 0.6;
  return 1;
}
