import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { criteriaGap } from '../criteria/criteria-gap.js';
import { explainCriteria } from '../criteria/criteria-steps.js';
import { describeVerdict } from '../criteria/criteria-verdict.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';
import { levelName, type CompiledProgram } from './compiled-program.js';

/**
 * The criteria steps of the tiers that matter to a partner, from the highest down: the tier it holds
 * when it falls short of it, the tier of its gap (the one it moves to and must keep, or the next one
 * up), and the tier it qualifies for. Each tier gets a `tier_qualification` verdict followed by its
 * criteria with actual and required values.
 */
export function explainTiers(
  compiled: CompiledProgram,
  currentLevel: number,
  targetLevel: number,
  qualifyingLevel: number,
  tally: TierMetricTally,
): TraceStep[] {
  const levels = new Set<number>();
  if (currentLevel > qualifyingLevel) levels.add(currentLevel);
  const gap = gapLevel(compiled, targetLevel, qualifyingLevel);
  if (gap !== undefined) levels.add(gap);
  if (qualifyingLevel > 0) levels.add(qualifyingLevel);
  const steps: TraceStep[] = [];
  for (const level of [...levels].sort((a, b) => b - a)) {
    const tier = compiled.tiers[level - 1];
    if (!tier) continue;
    const explained = explainCriteria(tier.owner, tier.criteria, tally);
    const verdict = describeVerdict(explained, tier.criteria.kind);
    steps.push(
      traceStep(
        'tier_qualification',
        explained.met ? 'pass' : 'fail',
        explained.met
          ? `Qualifies for ${tier.tier.name}: ${verdict}.`
          : `Does not qualify for ${tier.tier.name}: ${verdict}.`,
        { tierId: tier.tier.id, rank: tier.tier.rank, met: explained.met },
      ),
      ...explained.steps,
    );
  }
  return steps;
}

/**
 * The tier whose gap a partner is shown: the tier it holds when it falls short of it (what it takes
 * to keep it), otherwise the next tier above where it stands; `undefined` at the highest tier.
 */
export function gapLevel(compiled: CompiledProgram, currentLevel: number, qualifyingLevel: number): number | undefined {
  if (qualifyingLevel < currentLevel) return currentLevel;
  const next = Math.max(currentLevel, qualifyingLevel) + 1;
  return next <= compiled.tiers.length ? next : undefined;
}

/**
 * The `tier_gap` step: what the partner lacks for the tier of `gapLevel`, in words and numbers
 * ("To reach Gold: 42,000.00 USD more partner-sourced won revenue over the last 12 months."), or
 * that it holds the highest tier.
 */
export function explainGap(
  compiled: CompiledProgram,
  currentLevel: number,
  qualifyingLevel: number,
  tally: TierMetricTally,
): TraceStep {
  const level = gapLevel(compiled, currentLevel, qualifyingLevel);
  const tier = level === undefined ? undefined : compiled.tiers[level - 1];
  if (!tier) {
    const top = levelName(compiled, compiled.tiers.length);
    return traceStep('tier_gap', 'info', `${top} is the highest tier: there is no tier above it.`, {
      tierId: null,
      unmet: [],
    });
  }
  const gap = criteriaGap(tier.criteria, tally);
  const keep = level === currentLevel;
  if (!gap) {
    return traceStep('tier_gap', 'info', `Meets the criteria of ${tier.tier.name}.`, {
      tierId: tier.tier.id,
      unmet: [],
    });
  }
  return traceStep('tier_gap', 'info', `To ${keep ? 'keep' : 'reach'} ${tier.tier.name}: ${gap.words}.`, {
    tierId: tier.tier.id,
    toKeep: keep,
    words: gap.words,
    unmet: gap.unmet,
  });
}
