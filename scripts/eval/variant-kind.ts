/**
 * Classifies how two names of one company differ, by plain string rules that are independent of the
 * matcher under test, so that results can be reported per kind of variant.
 */
export type VariantKind =
  'case_punctuation' | 'legal_form' | 'acronym' | 'extension' | 'partial_overlap' | 'spelling' | 'rename_or_brand';

export const VARIANT_KINDS: readonly VariantKind[] = [
  'case_punctuation',
  'legal_form',
  'acronym',
  'extension',
  'partial_overlap',
  'spelling',
  'rename_or_brand',
];

/** Kinds that no string measure can find (a rename, a brand and its owner): reported, not counted in F1. */
export const UNMATCHABLE_KINDS: ReadonlySet<VariantKind> = new Set(['rename_or_brand']);

const LEGAL_WORDS = new Set(
  'inc incorporated corp corporation co company ltd limited llc lp llp plc gmbh ag kg sa sas sarl nv bv spa srl ab abp as asa oy oyj kk pty pte bhd berhad sdn the'.split(
    ' ',
  ),
);
const SMALL_WORDS = new Set('of and de the la le du der des di da et und y'.split(' '));

function words(name: string): string[] {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function isAcronymOf(short: string[], long: string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  const acronym = short[0]!;
  const variants = [
    long,
    long.filter((word) => !SMALL_WORDS.has(word)),
    long.filter((word) => !LEGAL_WORDS.has(word) && !SMALL_WORDS.has(word)),
  ];
  return variants.some((variant) => variant.length >= 2 && variant.map((word) => word[0]).join('') === acronym);
}

/**
 * The kind of variant between two names of one company.
 *
 * @example variantKind('Acme Inc.', 'ACME') // 'legal_form'
 */
export function variantKind(left: string, right: string): VariantKind {
  const [a, b] = [words(left), words(right)];
  if (a.join('') === b.join('')) return 'case_punctuation';
  const [coreA, coreB] = [a.filter((word) => !LEGAL_WORDS.has(word)), b.filter((word) => !LEGAL_WORDS.has(word))];
  if (coreA.join(' ') === coreB.join(' ')) return 'legal_form';
  if (isAcronymOf(a, b) || isAcronymOf(b, a)) return 'acronym';
  const [setA, setB] = [new Set(coreA), new Set(coreB)];
  if ([...setA].every((word) => setB.has(word)) || [...setB].every((word) => setA.has(word))) return 'extension';
  if ([...setA].some((word) => setB.has(word) && !SMALL_WORDS.has(word))) return 'partial_overlap';
  const [compactA, compactB] = [coreA.join(''), coreB.join('')];
  const longer = Math.max(compactA.length, compactB.length);
  if (
    compactA.includes(compactB) ||
    compactB.includes(compactA) ||
    editDistance(compactA, compactB) <= Math.max(1, Math.floor(longer / 6))
  ) {
    return 'spelling';
  }
  return 'rename_or_brand';
}
