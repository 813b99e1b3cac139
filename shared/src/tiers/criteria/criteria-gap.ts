import type { JsonValue } from '../../trace/decision-trace.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';
import type { CriteriaNode, GroupNode } from './criteria-node.js';
import { readCriterion } from './criterion-reading.js';
import { describeGap, readingFacts } from './criterion-words.js';

/** What a partner lacks to meet a set of criteria: in words, and each criterion it misses as facts. */
export interface CriteriaGap {
  words: string;
  unmet: Record<string, JsonValue>[];
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Alternatives: "either a or b", "either a, b or c"; when an alternative is itself a list, they are
 * set apart with ", or " so that the reader sees where each ends: "either a and b, or c".
 */
function joinAlternatives(gaps: readonly GapWords[]): string {
  const words = gaps.map((gap) => gap.words);
  if (gaps.some((gap) => gap.compound)) return `either ${words.join(', or ')}`;
  return `either ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

interface GapWords extends CriteriaGap {
  /** Whether the words list several things, so that they need setting apart among alternatives. */
  compound: boolean;
}

function gapOf(node: CriteriaNode, tally: TierMetricTally): GapWords | undefined {
  if (node.kind === 'criterion') {
    const reading = readCriterion(node, tally);
    if (reading.met) return undefined;
    return { words: describeGap(node, reading), unmet: [readingFacts(undefined, node, reading)], compound: false };
  }
  const gaps: GapWords[] = [];
  for (const child of node.children) {
    const gap = gapOf(child, tally);
    if (gap !== undefined) gaps.push(gap);
    else if (node.kind === 'any') return undefined;
  }
  if (gaps.length === 0) return undefined;
  const unmet = gaps.flatMap((gap) => gap.unmet);
  if (gaps.length === 1) return { ...gaps[0]!, unmet };
  if (node.kind === 'all') return { words: joinAnd(gaps.map((gap) => gap.words)), unmet, compound: true };
  return { words: joinAlternatives(gaps), unmet, compound: true };
}

/**
 * The gap between a partner and a set of criteria, or `undefined` when they hold: every unmet
 * condition of an `all` group, "either … or …" for an `any` group. The alternatives of an `any`
 * group that holds are not part of the gap.
 *
 * @example criteriaGap(gold, tally)?.words
 * // '42,000.00 USD more partner-sourced won revenue over the last 12 months and 2 more unexpired certifications …'
 */
export function criteriaGap(root: GroupNode, tally: TierMetricTally): CriteriaGap | undefined {
  const gap = gapOf(root, tally);
  return gap && { words: gap.words, unmet: gap.unmet };
}
