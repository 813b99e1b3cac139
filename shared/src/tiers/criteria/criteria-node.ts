import type { Money } from '../../money/money.js';
import { describeCriterion, describeWindow } from '../../program/describe/describe-criterion.js';
import type { Condition, Criteria, Criterion } from '../../program/schema/criteria.js';
import type { Measure, MeasureCatalog } from '../metrics/measure.js';

/** A criterion bound to the measure it reads, with what stays the same for every partner worked out once. */
export interface CriterionNode {
  kind: 'criterion';
  criterion: Criterion;
  measure: Measure;
  /** `describeCriterion` of the criterion: "at least 3 unexpired certifications of type …". */
  requirement: string;
  /** The threshold as a fact: money for revenue, a number otherwise. */
  requiredFact: Money | number;
  /** The window's first and last days as a fact, or `null` for criteria without a window. */
  windowFact: { from: string; through: string } | null;
  /** The window in words ("over the last 12 months"), or `''` for criteria without a window. */
  windowWords: string;
  /** A memo of the start of this criterion's sentence for its owner ("Gold requires …: has "). */
  head?: { owner: string; text: string };
}

/** A group of conditions that holds when all, or any, of them hold. */
export interface GroupNode {
  kind: 'all' | 'any';
  children: readonly CriteriaNode[];
}

/** Criteria compiled for an evaluation date: groups and criteria bound to measures. */
export type CriteriaNode = GroupNode | CriterionNode;

function compileCondition(condition: Condition, catalog: MeasureCatalog): CriteriaNode {
  if (condition.kind === 'all' || condition.kind === 'any') {
    return { kind: condition.kind, children: condition.conditions.map((child) => compileCondition(child, catalog)) };
  }
  const measure = catalog.measureOf(condition);
  const range = 'range' in measure ? measure.range : undefined;
  return {
    kind: 'criterion',
    criterion: condition,
    measure,
    requirement: describeCriterion(condition),
    requiredFact: condition.kind === 'won_revenue' ? { ...condition.atLeast } : condition.atLeast,
    windowFact: range ? { from: range.from, through: range.through } : null,
    windowWords: 'window' in condition && condition.window ? describeWindow(condition.window) : '',
  };
}

/**
 * Binds every criterion of a set of criteria to its measure in the catalog, keeping the groups.
 *
 * @example compileCriteria(tier.criteria, catalog) // { kind: 'all', children: [{ kind: 'criterion', … }] }
 */
export function compileCriteria(criteria: Criteria, catalog: MeasureCatalog): GroupNode {
  return { kind: criteria.kind, children: criteria.conditions.map((child) => compileCondition(child, catalog)) };
}
