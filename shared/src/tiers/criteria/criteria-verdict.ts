import type { ExplainedCriteria } from './criteria-steps.js';

/**
 * How a set of criteria came out, in words that follow "Qualifies for Gold:" or "Does not qualify
 * for Gold:": "meets all 3 of its conditions", "1 of its 3 conditions is unmet", "meets none of its
 * 2 alternative conditions".
 */
export function describeVerdict(explained: ExplainedCriteria, group: 'all' | 'any'): string {
  const { conditions: n, metConditions: m, met } = explained;
  if (n === 0) return 'it has no criteria, so every partner qualifies';
  if (n === 1) return met ? 'meets its only condition' : 'its only condition is unmet';
  if (group === 'all') {
    const unmet = n - m;
    if (met) return `meets all ${n} of its conditions`;
    return unmet === n
      ? `meets none of its ${n} conditions`
      : `${unmet} of its ${n} conditions ${unmet === 1 ? 'is' : 'are'} unmet`;
  }
  return met ? `meets ${m} of its ${n} alternative conditions` : `meets none of its ${n} alternative conditions`;
}
