import { issue, type Issue } from '../../result/issue.js';
import type { Program } from '../schema/program.js';

/** Position-based shares are percentages of the deal: first, middle and last add up to 100. */
function positionWeightIssues({ analytics }: Program): Issue[] {
  const model = analytics.attribution.model;
  if (model.kind !== 'position_based') return [];
  const sum = model.first + model.middle + model.last;
  if (sum === 100) return [];
  return [
    issue(
      ['analytics', 'attribution', 'model'],
      'weights_sum',
      `The position-based shares add up to ${sum} % (first ${model.first}, middle ${model.middle}, last ${model.last}): they must add up to 100 %.`,
    ),
  ];
}

/** Custom weights are relative: at least one touch kind must weigh something. */
function customWeightIssues({ analytics }: Program): Issue[] {
  const model = analytics.attribution.model;
  if (model.kind !== 'custom') return [];
  if (Object.values(model.weights).some((weight) => weight > 0)) return [];
  return [
    issue(
      ['analytics', 'attribution', 'model', 'weights'],
      'weights_zero',
      'Every touch kind weighs 0, so no touch would earn credit: give at least one kind a positive weight.',
    ),
  ];
}

/** The rules of the analytics policy. */
export function analyticsRuleIssues(program: Program): Issue[] {
  return [...positionWeightIssues(program), ...customWeightIssues(program)];
}
