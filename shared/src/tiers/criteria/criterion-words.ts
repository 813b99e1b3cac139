import { formatMoney } from '../../money/money.js';
import type { JsonValue } from '../../trace/decision-trace.js';
import type { CriterionNode } from './criteria-node.js';
import { toHundredths, type CriterionReading } from './criterion-reading.js';

/** A number as a person reads it in a sentence: at most four decimals. */
export function formatQuantity(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

function more(count: number, singular: string): string {
  return `${formatQuantity(count)} more ${count === 1 ? singular : `${singular}s`}`;
}

/** How much is missing, in the criterion's unit (minor units for revenue); 0 when it is met. */
export function shortfallOf(node: CriterionNode, reading: CriterionReading): number {
  if (reading.met) return 0;
  if (reading.actual === null) return reading.required;
  if (node.criterion.kind === 'customer_satisfaction') {
    return (toHundredths(reading.required) - toHundredths(reading.actual)) / 100;
  }
  return Math.round((reading.required - reading.actual) * 10_000) / 10_000;
}

function money(node: CriterionNode, amount: number): string {
  if (node.criterion.kind !== 'won_revenue') throw new Error('Only revenue criteria read money.');
  return formatMoney({ amount, currency: node.criterion.atLeast.currency });
}

/** What the partner has, in words: "458,000.00 USD", "4", "an average of 82.5", "no scores yet". */
export function describeActual(node: CriterionNode, reading: CriterionReading): string {
  if (reading.actual === null)
    return node.criterion.kind === 'customer_satisfaction' ? 'no scores yet' : 'no value yet';
  switch (node.criterion.kind) {
    case 'won_revenue':
      return money(node, reading.actual);
    case 'customer_satisfaction':
      return `an average of ${formatQuantity(reading.actual)}`;
    default:
      return formatQuantity(reading.actual);
  }
}

function describeShortfall(node: CriterionNode, shortfall: number): string {
  switch (node.criterion.kind) {
    case 'won_revenue':
      return money(node, shortfall);
    case 'customer_satisfaction':
      return `${formatQuantity(shortfall)} points`;
    default:
      return formatQuantity(shortfall);
  }
}

function readingHead(owner: string, node: CriterionNode): string {
  const memo = node.head;
  if (memo !== undefined && memo.owner === owner) return memo.text;
  const text = `${owner} requires ${node.requirement}: has `;
  node.head = { owner, text };
  return text;
}

/**
 * One criterion as read for a partner, in a sentence:
 * "Gold requires at least 3 unexpired certifications of type "sales-professional": has 4, which meets it."
 */
export function describeReading(owner: string, node: CriterionNode, reading: CriterionReading): string {
  const head = readingHead(owner, node) + describeActual(node, reading);
  if (reading.met) return `${head}, which meets it.`;
  if (reading.actual === null) return `${head}.`;
  return `${head}, ${describeShortfall(node, shortfallOf(node, reading))} short.`;
}

/**
 * What would meet an unmet criterion, in words and numbers:
 * "42,000.00 USD more partner-sourced won revenue over the last 12 months".
 */
export function describeGap(node: CriterionNode, reading: CriterionReading): string {
  const { criterion } = node;
  const shortfall = shortfallOf(node, reading);
  switch (criterion.kind) {
    case 'won_revenue': {
      const what = criterion.attribution === 'sourced' ? 'partner-sourced' : 'partner-sourced or influenced';
      return `${money(node, shortfall)} more ${what} won revenue ${node.windowWords}`;
    }
    case 'approved_registrations':
      return `${more(shortfall, 'approved deal registration')} ${node.windowWords}`;
    case 'closed_won_deals':
      return `${more(shortfall, 'closed won deal')} ${node.windowWords}`;
    case 'certifications': {
      const type = criterion.certificationType ? ` of type "${criterion.certificationType}"` : '';
      const product = criterion.product ? ` for product "${criterion.product}"` : '';
      return `${more(shortfall, 'unexpired certification')}${type}${product}`;
    }
    case 'customer_satisfaction':
      return reading.actual === null
        ? `customer satisfaction scores averaging at least ${formatQuantity(criterion.atLeast)} ${node.windowWords} (none yet)`
        : `an average customer satisfaction ${formatQuantity(shortfall)} points higher ${node.windowWords}`;
    case 'custom_metric': {
      const window = criterion.window ? ` ${node.windowWords}` : '';
      return reading.actual === null
        ? `${criterion.label} of at least ${formatQuantity(criterion.atLeast)} (no value yet)`
        : `${criterion.label} ${formatQuantity(shortfall)} higher${window}`;
    }
  }
}

/** A quantity as a fact: money as `{ amount, currency }`, anything else as a number or `null`. */
function quantityFact(node: CriterionNode, value: number | null): JsonValue {
  if (value === null || node.criterion.kind !== 'won_revenue') return value;
  return { amount: value, currency: node.criterion.atLeast.currency };
}

/** Whose criterion a reading belongs to, for its facts: a tier or a specialization by id, or none. */
export interface ReadingOwner {
  kind: 'tier' | 'specialization';
  id: string;
}

/**
 * The facts of one reading, plain JSON: whose criterion it is (`tierId` or `specializationId`, when an
 * owner is given), the criterion, what it requires (in words and as a value), what the partner has,
 * how far it is, whether it is met, and the window's days (`null` without one). `required` and
 * `window` are shared with every trace that cites the criterion: never mutate facts.
 */
export function readingFacts(
  owner: ReadingOwner | undefined,
  node: CriterionNode,
  reading: CriterionReading,
): Record<string, JsonValue> {
  const criterion = node.criterion.kind;
  const actual = quantityFact(node, reading.actual);
  const shortBy = quantityFact(node, shortfallOf(node, reading));
  const { requirement, requiredFact: required, windowFact: window } = node;
  const met = reading.met;
  // One literal per shape, so that every fact object of a kind shares its hidden class.
  if (owner === undefined) return { criterion, requirement, required, actual, shortBy, met, window };
  if (owner.kind === 'tier')
    return { tierId: owner.id, criterion, requirement, required, actual, shortBy, met, window };
  return { specializationId: owner.id, criterion, requirement, required, actual, shortBy, met, window };
}
