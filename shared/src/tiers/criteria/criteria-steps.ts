import { traceStep, type JsonValue, type TraceStep } from '../../trace/decision-trace.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';
import type { CriteriaNode, GroupNode } from './criteria-node.js';
import { readCriterion } from './criterion-reading.js';
import { describeReading, readingFacts } from './criterion-words.js';

/** Whose criteria are explained: a tier or a specialization, by id and display name. */
export interface CriteriaOwner {
  kind: 'tier' | 'specialization';
  id: string;
  name: string;
}

/** The explanation of a set of criteria for one partner: whether they hold, and the steps that show it. */
export interface ExplainedCriteria {
  met: boolean;
  /** Conditions directly under the root group, and how many of them hold. */
  conditions: number;
  metConditions: number;
  steps: TraceStep[];
}

function explainNode(owner: CriteriaOwner, node: CriteriaNode, tally: TierMetricTally, steps: TraceStep[]): boolean {
  if (node.kind === 'criterion') {
    const reading = readCriterion(node, tally);
    const facts = readingFacts(owner, node, reading);
    steps.push(
      traceStep(
        `${owner.kind}_criterion`,
        reading.met ? 'pass' : 'fail',
        describeReading(owner.name, node, reading),
        facts,
      ),
    );
    return reading.met;
  }
  const at = steps.length;
  let metCount = 0;
  for (const child of node.children) if (explainNode(owner, child, tally, steps)) metCount += 1;
  const count = node.children.length;
  const met = node.kind === 'all' ? metCount === count : metCount > 0;
  const how = node.kind === 'all' ? 'all' : 'any one';
  const facts: Record<string, JsonValue> =
    owner.kind === 'tier'
      ? { tierId: owner.id, group: node.kind, conditions: count, met: metCount }
      : { specializationId: owner.id, group: node.kind, conditions: count, met: metCount };
  steps.splice(
    at,
    0,
    traceStep(
      `${owner.kind}_criteria_group`,
      met ? 'pass' : 'fail',
      `${owner.name} asks for ${how} of ${count} conditions: ${metCount} ${metCount === 1 ? 'is' : 'are'} met.`,
      facts,
    ),
  );
  return met;
}

/**
 * Explains criteria for a partner: one step per criterion (`tier_criterion` or
 * `specialization_criterion`, pass or fail, with actual and required values) and one per nested group
 * (`…_criteria_group`, before its conditions), in the order the program lists them.
 *
 * @example explainCriteria({ kind: 'tier', id: 'gold', name: 'Gold' }, compiled, tally).steps[0].message
 * // 'Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has …'
 */
export function explainCriteria(owner: CriteriaOwner, root: GroupNode, tally: TierMetricTally): ExplainedCriteria {
  const steps: TraceStep[] = [];
  let metConditions = 0;
  for (const child of root.children) if (explainNode(owner, child, tally, steps)) metConditions += 1;
  const conditions = root.children.length;
  const met = root.kind === 'all' ? metConditions === conditions : metConditions > 0;
  return { met, conditions, metConditions, steps };
}
