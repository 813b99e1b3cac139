import type { SelectionStrategy } from '../../program/schema/routing-policy.js';
import type { CapacityPeriod } from '../periods/capacity-periods.js';

/** A strategy's name in a sentence. */
export function strategyName(strategy: SelectionStrategy): string {
  switch (strategy.kind) {
    case 'weighted_round_robin':
      return 'smooth weighted round robin';
    case 'least_loaded':
      return 'least loaded';
    case 'best_score':
      return 'best score';
    case 'nearest':
      return 'nearest partner';
    case 'weighted_random':
      return 'seeded weighted random';
  }
}

/** What a strategy ranks finalists by, and whether higher ranks first. */
export function rankingOf(strategy: SelectionStrategy): { by: string; higherFirst: boolean } {
  switch (strategy.kind) {
    case 'weighted_round_robin':
      return { by: 'current weight', higherFirst: true };
    case 'least_loaded':
      return { by: `leads ${periodWords(strategy.period)}`, higherFirst: false };
    case 'best_score':
      return { by: 'score', higherFirst: true };
    case 'nearest':
      return { by: 'distance', higherFirst: false };
    case 'weighted_random':
      return { by: 'routing weight', higherFirst: true };
  }
}

/** `today`, `this week`, `this month`, `this quarter`. */
export function periodWords(period: CapacityPeriod): string {
  return period === 'day' ? 'today' : `this ${period}`;
}
