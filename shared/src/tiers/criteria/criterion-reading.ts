import type { TierMetricTally } from '../metrics/metric-tally.js';
import type { CriteriaNode, CriterionNode } from './criteria-node.js';

/**
 * What a partner has against what a criterion requires: `actual` is minor units for revenue, a count,
 * an average score rounded to two decimals, or a custom value; `null` when there is nothing to read
 * (no satisfaction score in the window, no value of a snapshot custom metric).
 */
export interface CriterionReading {
  actual: number | null;
  required: number;
  met: boolean;
}

/** Rounds to hundredths, as satisfaction scores and thresholds are written. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/**
 * Reads one criterion from a tally. Every criterion asks for at least a value, so more never unmeets it.
 *
 * @example readCriterion(node, tally) // { actual: 45_800_000, required: 50_000_000, met: false }
 */
export function readCriterion(node: CriterionNode, tally: TierMetricTally): CriterionReading {
  const { criterion, measure } = node;
  const value = tally.value(measure.slot);
  switch (criterion.kind) {
    case 'won_revenue':
      return { actual: value, required: criterion.atLeast.amount, met: value >= criterion.atLeast.amount };
    case 'approved_registrations':
    case 'closed_won_deals':
    case 'certifications':
      return { actual: value, required: criterion.atLeast, met: value >= criterion.atLeast };
    case 'customer_satisfaction': {
      const points = tally.points(measure.slot);
      if (points === 0) return { actual: null, required: criterion.atLeast, met: false };
      const average = toHundredths(value / points);
      return { actual: average / 100, required: criterion.atLeast, met: average >= toHundredths(criterion.atLeast) };
    }
    case 'custom_metric': {
      if (criterion.window === undefined && tally.points(measure.slot) === 0) {
        return { actual: null, required: criterion.atLeast, met: false };
      }
      return { actual: value, required: criterion.atLeast, met: value >= criterion.atLeast };
    }
  }
}

/** Whether one criterion is met, without building a reading: the qualification's inner loop. */
export function criterionMet(node: CriterionNode, tally: TierMetricTally): boolean {
  const { criterion, measure } = node;
  const value = tally.value(measure.slot);
  switch (criterion.kind) {
    case 'won_revenue':
      return value >= criterion.atLeast.amount;
    case 'approved_registrations':
    case 'closed_won_deals':
    case 'certifications':
      return value >= criterion.atLeast;
    case 'customer_satisfaction':
    case 'custom_metric':
      return readCriterion(node, tally).met;
  }
}

/**
 * Whether compiled criteria hold for a tally: every condition of an `all` group (an empty one always
 * holds), at least one of an `any` group.
 */
export function criteriaMet(node: CriteriaNode, tally: TierMetricTally): boolean {
  switch (node.kind) {
    case 'criterion':
      return criterionMet(node, tally);
    case 'all':
      for (const child of node.children) if (!criteriaMet(child, tally)) return false;
      return true;
    case 'any':
      for (const child of node.children) if (criteriaMet(child, tally)) return true;
      return false;
  }
}
