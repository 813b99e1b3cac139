import type { IssuePath } from '../../result/issue.js';
import { isConditionGroup, type Condition, type Criteria } from '../schema/criteria.js';

/** Visits every condition of a set of criteria, depth first, with its path in the document. */
export function walkConditions(
  criteria: Criteria,
  criteriaPath: IssuePath,
  visit: (condition: Condition, path: IssuePath, isRoot: boolean) => void,
): void {
  const walk = (condition: Condition, path: IssuePath, isRoot: boolean): void => {
    visit(condition, path, isRoot);
    if (isConditionGroup(condition)) {
      condition.conditions.forEach((child, index) => walk(child, [...path, 'conditions', index], false));
    }
  };
  walk(criteria, criteriaPath, true);
}
