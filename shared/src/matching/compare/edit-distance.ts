/* Rows of the distance table, reused across calls so that comparing words allocates nothing. */
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

function ensureRowLength(length: number): void {
  if (rowCurrent.length >= length) return;
  const size = Math.max(length, rowCurrent.length * 2);
  [rowBefore, rowPrevious, rowCurrent] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
}

/**
 * The optimal-string-alignment distance between two strings (insertions, deletions, substitutions and
 * swaps of neighbours each cost 1), or `limit + 1` as soon as it is known to exceed `limit`.
 *
 * @example boundedEditDistance('acme', 'amce', 2) // 1
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  ensureRowLength(b.length + 1);
  for (let j = 0; j <= b.length; j++) rowPrevious[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rowCurrent[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(
        rowPrevious[j]! + 1,
        rowCurrent[j - 1]! + 1,
        rowPrevious[j - 1]! + (charA === charB ? 0 : 1),
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, rowBefore[j - 2]! + 1);
      }
      rowCurrent[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [rowBefore, rowPrevious, rowCurrent] = [rowPrevious, rowCurrent, rowBefore];
  }
  return Math.min(rowPrevious[b.length]!, limit + 1);
}

/** Whether two words share enough letters to be within `limit` edits: each edit changes at most two counts. */
function lettersAllow(a: string, b: string, limit: number): boolean {
  let difference = 0;
  const counts = new Map<number, number>();
  for (let index = 0; index < a.length; index++)
    counts.set(a.charCodeAt(index), (counts.get(a.charCodeAt(index)) ?? 0) + 1);
  for (let index = 0; index < b.length; index++)
    counts.set(b.charCodeAt(index), (counts.get(b.charCodeAt(index)) ?? 0) - 1);
  for (const count of counts.values()) difference += Math.abs(count);
  return difference <= 2 * limit;
}

/**
 * How alike two tokens are, from 0 to 1: 1 when equal, 0.9 for one edit and 0.8 for two in long tokens,
 * 0 otherwise. Short tokens and tokens with digits must be equal: "Acme" and "Acne", "3G" and "4G" are
 * different companies.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return 0;
  const limit = shorter >= 9 ? 2 : 1;
  if (Math.abs(a.length - b.length) > limit || /\d/.test(a) || /\d/.test(b)) return 0;
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1) && limit === 1)
    return 0;
  if (!lettersAllow(a, b, limit)) return 0;
  const distance = boundedEditDistance(a, b, limit);
  if (distance > limit) return 0;
  return distance === 1 ? 0.9 : 0.8;
}
