import type { NormalizedName } from '../normalize/normalize-company-name.js';
import { boundedEditDistance, tokenSimilarity } from './edit-distance.js';

/** How two names came to look alike. */
export type NameMatchKind = 'identical' | 'compact' | 'tokens' | 'acronym' | 'none';

/** The similarity of two normalised names, with what made it. */
export interface NameSimilarity {
  score: number;
  kind: NameMatchKind;
  /**
   * Share of the names' token weight that matched (dice) and of the name most covered, if it has a
   * distinctive word (containment, at least dice).
   */
  dice: number;
  containment: number;
  /** Token pairs that matched other than exactly, e.g. `['wolrd', 'world']`. */
  approximate: [string, string][];
}

const NO_MATCH: NameSimilarity = { score: 0, kind: 'none', dice: 0, containment: 0, approximate: [] };
const EPSILON = 1e-9;

/** Scores given to each kind of evidence between two names. */
export const NAME_SCORES = {
  /** Token overlap blends the share of both names that matched (dice) with that of the smaller (containment). */
  diceShare: 0.65,
  /** A distinctive name wholly contained in the other scores at least this, plus a tenth of its overlap. */
  contained: 0.74,
  /** The most a name that does not match entirely can score: below `same`. */
  partialCeiling: 0.89,
  compactEqual: 0.95,
  compactOneEdit: 0.9,
  acronym: 0.84,
  threeLetterAcronym: 0.78,
  shortAcronym: 0.74,
  /** Weight kept by a token that equals two neighbours joined ("pepejeans", "pepe jeans"). */
  joined: 0.95,
  /** The factor applied when both names carry numbers and share none. */
  numbersDisagree: 0.8,
} as const;

interface Alignment {
  matchedA: number;
  matchedB: number;
  approximate: [string, string][];
}

/** Matches tokens one to one: equal first, then a token equal to two neighbours joined, then near-equal. */
function alignTokens(a: NormalizedName, b: NormalizedName): Alignment {
  const usedA = new Uint8Array(a.tokens.length);
  const usedB = new Uint8Array(b.tokens.length);
  const alignment: Alignment = { matchedA: 0, matchedB: 0, approximate: [] };
  let unmatchedA = a.tokens.length;
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      if (!usedB[j] && a.tokens[i] === b.tokens[j]) {
        usedA[i] = usedB[j] = 1;
        alignment.matchedA += a.weights[i]!;
        alignment.matchedB += b.weights[j]!;
        unmatchedA -= 1;
        break;
      }
    }
  }
  if (unmatchedA === 0 || unmatchedA === a.tokens.length - b.tokens.length) return alignment;
  joinNeighbours(a, b, usedA, usedB, alignment, false);
  joinNeighbours(b, a, usedB, usedA, alignment, true);
  matchNearTokens(a, b, usedA, usedB, alignment);
  return alignment;
}

/** A free token equal to two free neighbours of the other name joined ("pepejeans" and "pepe jeans"). */
function joinNeighbours(
  single: NormalizedName,
  pairs: NormalizedName,
  usedSingle: Uint8Array,
  usedPairs: Uint8Array,
  alignment: Alignment,
  swapped: boolean,
): void {
  for (let i = 0; i < single.tokens.length; i++) {
    const token = single.tokens[i]!;
    if (usedSingle[i] || token.length < 4) continue;
    for (let j = 0; j + 1 < pairs.tokens.length; j++) {
      if (usedPairs[j] || usedPairs[j + 1] || pairs.tokens[j]!.length + pairs.tokens[j + 1]!.length !== token.length)
        continue;
      if (pairs.tokens[j]! + pairs.tokens[j + 1]! !== token) continue;
      usedSingle[i] = usedPairs[j] = usedPairs[j + 1] = 1;
      const singleWeight = single.weights[i]! * NAME_SCORES.joined;
      const pairWeight = (pairs.weights[j]! + pairs.weights[j + 1]!) * NAME_SCORES.joined;
      const joined = `${pairs.tokens[j]!} ${pairs.tokens[j + 1]!}`;
      if (swapped) {
        alignment.matchedA += pairWeight;
        alignment.matchedB += singleWeight;
        alignment.approximate.push([joined, token]);
      } else {
        alignment.matchedA += singleWeight;
        alignment.matchedB += pairWeight;
        alignment.approximate.push([token, joined]);
      }
      break;
    }
  }
}

/** Free tokens one or two edits apart, best first, with a tie-break that ignores which name came first. */
function matchNearTokens(
  a: NormalizedName,
  b: NormalizedName,
  usedA: Uint8Array,
  usedB: Uint8Array,
  alignment: Alignment,
): void {
  const candidates: { similarity: number; i: number; j: number; key: string }[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    if (usedA[i]) continue;
    for (let j = 0; j < b.tokens.length; j++) {
      if (usedB[j]) continue;
      const similarity = tokenSimilarity(a.tokens[i]!, b.tokens[j]!);
      if (similarity === 0) continue;
      const [first, second] = [a.tokens[i]!, b.tokens[j]!].sort();
      candidates.push({ similarity, i, j, key: `${first}\u0000${second}` });
    }
  }
  if (candidates.length === 0) return;
  candidates.sort((x, y) => y.similarity - x.similarity || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { similarity, i, j } of candidates) {
    if (usedA[i] || usedB[j]) continue;
    usedA[i] = usedB[j] = 1;
    alignment.matchedA += a.weights[i]! * similarity;
    alignment.matchedB += b.weights[j]! * similarity;
    alignment.approximate.push([a.tokens[i]!, b.tokens[j]!]);
  }
}

/**
 * Whether a name written without spaces begins with another of at least five letters: "Tietoenator" and
 * "Tieto", "Bigstockphoto" and "Bigstock".
 */
function startsWithWord(longer: string, shorter: string): boolean {
  return shorter.length >= 5 && longer.length > shorter.length && longer.startsWith(shorter);
}

/** Whether both names carry numbers and share none: "Fund 2040" and "Fund 2045", "Nr 13271" and "Nr 12172". */
function numbersDisagree(a: NormalizedName, b: NormalizedName): boolean {
  return a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((token) => b.numbers.includes(token));
}

const WORD_CHARACTERS = /^[\p{L}\p{N}]+$/u;

/** Whether a one-word name is the initials of a longer one ("NPCIL", "Nuclear Power Corporation of India Ltd"). */
function acronymScore(short: NormalizedName, long: NormalizedName): number {
  if (short.tokens.length !== 1 || long.tokens.length < 2) return 0;
  const acronym = short.compact;
  if (acronym.length < 2 || acronym.length > 8 || !long.initials.includes(acronym) || !WORD_CHARACTERS.test(acronym))
    return 0;
  if (acronym.length >= 4) return NAME_SCORES.acronym;
  return acronym.length === 3 ? NAME_SCORES.threeLetterAcronym : NAME_SCORES.shortAcronym;
}

/**
 * How alike two company names are, from 0 (nothing in common) to 1 (the same name once normalised).
 * Symmetric. Token overlap is weighted (distinctive words count more than "Group" or "Services") and
 * blends the share of both names that matched with the share of the smaller one; only names that match
 * entirely can reach `same`, and a distinctive name wholly inside another ("Saltrock", "Saltrock
 * Surfwear") is at least possible. Spacing variants, acronyms and one or two typos in long words count too.
 */
export function nameSimilarity(a: NormalizedName, b: NormalizedName): NameSimilarity {
  if (a.key === b.key && (a.key !== '' || a.folded === b.folded)) {
    return { score: 1, kind: 'identical', dice: 1, containment: 1, approximate: [] };
  }
  if (a.key === '' || b.key === '') return NO_MATCH;
  const { matchedA, matchedB, approximate } = alignTokens(a, b);
  const total = a.weight + b.weight;
  const dice = total > 0 ? (matchedA + matchedB) / total : 0;
  // Only a name with something distinctive can be "contained": "Global Solutions" inside "Acme Global
  // Solutions" says little.
  const containment = Math.max(dice, a.weight >= 1 ? matchedA / a.weight : 0, b.weight >= 1 ? matchedB / b.weight : 0);
  let tokenScore = NAME_SCORES.diceShare * dice + (1 - NAME_SCORES.diceShare) * containment;
  if (matchedA < a.weight - EPSILON || matchedB < b.weight - EPSILON) {
    if (containment >= 1 - EPSILON && Math.min(a.weight, b.weight) >= 1) {
      tokenScore = Math.max(tokenScore, NAME_SCORES.contained + 0.1 * dice);
    }
    tokenScore = Math.min(tokenScore, NAME_SCORES.partialCeiling);
  }
  let best: NameSimilarity = { score: tokenScore, kind: 'tokens', dice, containment, approximate };
  const consider = (score: number, kind: NameMatchKind) => {
    if (score > best.score) best = { ...best, score, kind };
  };
  if (a.compact === b.compact || a.spelled === b.spelled) consider(NAME_SCORES.compactEqual, 'compact');
  else if (
    a.compact.length === b.compact.length &&
    a.compact.length >= 10 &&
    boundedEditDistance(a.compact, b.compact, 1) <= 1
  ) {
    consider(NAME_SCORES.compactOneEdit, 'compact');
  } else if (startsWithWord(a.spelled, b.spelled) || startsWithWord(b.spelled, a.spelled)) {
    consider(NAME_SCORES.contained + 0.1 * dice, 'compact');
  }
  consider(Math.max(acronymScore(a, b), acronymScore(b, a)), 'acronym');
  if (best.score > 0 && numbersDisagree(a, b)) best = { ...best, score: best.score * NAME_SCORES.numbersDisagree };
  return best.score > 0 ? best : NO_MATCH;
}
