import { buildCompanyIndex, compareCompanies, type MatchOptions } from '@conduit/core';
import type { CompanyVariants } from './company-variants.js';
import { pickIndex, seededRandom } from './seeded-random.js';
import { UNMATCHABLE_KINDS, VARIANT_KINDS, variantKind, type VariantKind } from './variant-kind.js';

/** Hits among queries: how often the right company came first, and among the first five. */
export interface RetrievalCounts {
  queries: number;
  hitAt1: number;
  hitAt5: number;
}

export interface RetrievalResult {
  indexed: number;
  overall: RetrievalCounts;
  byKind: Record<VariantKind, RetrievalCounts>;
}

function emptyCounts(): RetrievalCounts {
  return { queries: 0, hitAt1: 0, hitAt5: 0 };
}

/**
 * Indexes one name per company (chosen with the seed) among all the others, queries with another name of
 * the same company, and counts how often that company ranks first and in the first five.
 */
export function evaluateRetrieval(
  companies: readonly CompanyVariants[],
  options: MatchOptions,
  seed: number,
): RetrievalResult {
  const random = seededRandom(seed);
  const chosen = companies.map((company) => {
    const indexed = pickIndex(random, company.names.length);
    let queried = pickIndex(random, company.names.length - 1);
    if (queried >= indexed) queried += 1;
    return { id: company.id, indexed: company.names[indexed]!, queried: company.names[queried]! };
  });
  const index = buildCompanyIndex(
    chosen.map(({ id, indexed }) => ({ id, name: indexed })),
    options,
  );
  const overall = emptyCounts();
  const byKind = Object.fromEntries(VARIANT_KINDS.map((kind) => [kind, emptyCounts()])) as Record<
    VariantKind,
    RetrievalCounts
  >;
  for (const { id, indexed, queried } of chosen) {
    const hits = index.search({ name: queried }, { limit: 5 });
    const rank = hits.findIndex((hit) => hit.id === id);
    for (const counts of [overall, byKind[variantKind(indexed, queried)]]) {
      counts.queries += 1;
      if (rank === 0) counts.hitAt1 += 1;
      if (rank >= 0 && rank < 5) counts.hitAt5 += 1;
    }
  }
  return { indexed: chosen.length, overall, byKind };
}

/** Counts of a binary decision against the truth, with the usual ratios. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

function confusion(truePositives: number, falsePositives: number, falseNegatives: number): Confusion {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

export interface PairKindCounts {
  pairs: number;
  /** Pairs judged `same` or `possible`. */
  matched: number;
  /** Pairs judged `same`. */
  same: number;
}

export interface PairResult {
  positives: number;
  negatives: number;
  /** `same` or `possible` counted as a match, over the name-variant kinds (renames and brands left out). */
  nameVariants: Confusion;
  /** The same, over every kind. */
  allKinds: Confusion;
  /** `same` alone: the verdict that raises a conflict without review. */
  sameVerdict: Confusion;
  byKind: Record<VariantKind, PairKindCounts>;
  hardNegatives: PairKindCounts;
}

function firstSignificantWord(name: string): string | undefined {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return words?.find((word) => word.length > 2 && word !== 'the');
}

/**
 * Pairwise evaluation: pairs of names of one company are positives (up to `pairsPerCompany` per company,
 * chosen with the seed); each positive gets one negative, a name of another company that shares its first
 * significant word when there is one (a hard negative), or else any other company's name.
 */
export function evaluatePairs(
  companies: readonly CompanyVariants[],
  options: MatchOptions,
  seed: number,
  pairsPerCompany = 4,
): PairResult {
  const random = seededRandom(seed);
  const byFirstWord = new Map<string, { company: number; name: string }[]>();
  companies.forEach((company, companyIndex) => {
    for (const name of company.names) {
      const word = firstSignificantWord(name);
      if (word === undefined) continue;
      const list = byFirstWord.get(word) ?? [];
      list.push({ company: companyIndex, name });
      byFirstWord.set(word, list);
    }
  });
  const byKind = Object.fromEntries(VARIANT_KINDS.map((kind) => [kind, { pairs: 0, matched: 0, same: 0 }])) as Record<
    VariantKind,
    PairKindCounts
  >;
  const hardNegatives: PairKindCounts = { pairs: 0, matched: 0, same: 0 };
  let [positives, negatives] = [0, 0];
  const counts = { variantTp: 0, variantFn: 0, allTp: 0, allFn: 0, fp: 0, sameTp: 0, sameFn: 0, sameFp: 0 };

  companies.forEach((company, companyIndex) => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < company.names.length; i++) {
      for (let j = i + 1; j < company.names.length; j++) pairs.push([company.names[i]!, company.names[j]!]);
    }
    for (let draw = 0; draw < pairsPerCompany && pairs.length > 0; draw++) {
      const [left, right] = pairs.splice(pickIndex(random, pairs.length), 1)[0]!;
      const kind = variantKind(left, right);
      const verdict = compareCompanies({ name: left }, { name: right }, options).verdict;
      positives += 1;
      byKind[kind].pairs += 1;
      const matched = verdict !== 'different';
      if (matched) byKind[kind].matched += 1;
      if (verdict === 'same') byKind[kind].same += 1;
      if (!UNMATCHABLE_KINDS.has(kind)) {
        if (matched) counts.variantTp += 1;
        else counts.variantFn += 1;
      }
      if (matched) counts.allTp += 1;
      else counts.allFn += 1;
      if (verdict === 'same') counts.sameTp += 1;
      else counts.sameFn += 1;

      const sharing = (byFirstWord.get(firstSignificantWord(left) ?? '') ?? []).filter(
        (other) => other.company !== companyIndex,
      );
      const hard = sharing.length > 0;
      const negative = hard
        ? sharing[pickIndex(random, sharing.length)]!.name
        : (() => {
            let other = pickIndex(random, companies.length - 1);
            if (other >= companyIndex) other += 1;
            const names = companies[other]!.names;
            return names[pickIndex(random, names.length)]!;
          })();
      const negativeVerdict = compareCompanies({ name: left }, { name: negative }, options).verdict;
      negatives += 1;
      if (hard) hardNegatives.pairs += 1;
      if (negativeVerdict !== 'different') {
        counts.fp += 1;
        if (hard) hardNegatives.matched += 1;
      }
      if (negativeVerdict === 'same') {
        counts.sameFp += 1;
        if (hard) hardNegatives.same += 1;
      }
    }
  });
  return {
    positives,
    negatives,
    nameVariants: confusion(counts.variantTp, counts.fp, counts.variantFn),
    allKinds: confusion(counts.allTp, counts.fp, counts.allFn),
    sameVerdict: confusion(counts.sameTp, counts.sameFp, counts.sameFn),
    byKind,
    hardNegatives,
  };
}
