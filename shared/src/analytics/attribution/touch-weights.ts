import type { AttributionModel } from '../../program/schema/analytics-policy.js';
import { toDayNumber } from '../../time/day-number.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { decayWeight } from './decay.js';
import type { PartnerTouch } from './touch.js';

/**
 * The relative integer weight of each eligible touch under a model, and whether the model fell back to
 * linear because it gave every touch a weight of 0 (position shares of 0 on the only positions present,
 * custom weights of 0 on the only kinds present).
 */
export interface TouchWeights {
  weights: number[];
  linearFallback: boolean;
}

function greatestCommonDivisor(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function leastCommonMultiple(values: readonly number[]): number {
  return values.reduce((lcm, value) => (lcm / greatestCommonDivisor(lcm, value)) * value, 1);
}

/** 1 for the touches on the given day, 0 for the others: ties on that day share it equally. */
function onDay(touches: readonly PartnerTouch[], day: CalendarDate): number[] {
  return touches.map((touch) => (touch.on === day ? 1 : 0));
}

/**
 * Position based: `first` percent to the touches of the first day, `last` percent to those of the last day
 * and `middle` percent to those in between, each position's share split equally among its touches. With a
 * single day, every touch is first and last at once and they share equally; without touches in between,
 * the first and last positions share in proportion to their percentages.
 */
function positionWeights(touches: readonly PartnerTouch[], model: { first: number; middle: number; last: number }) {
  const firstDay = touches[0]!.on;
  const lastDay = touches[touches.length - 1]!.on;
  if (firstDay === lastDay) return touches.map(() => 1);
  const position = (touch: PartnerTouch) =>
    touch.on === firstDay ? 'first' : touch.on === lastDay ? 'last' : 'middle';
  const counts = { first: 0, middle: 0, last: 0 };
  for (const touch of touches) counts[position(touch)] += 1;
  const scale = leastCommonMultiple([counts.first, counts.last, Math.max(1, counts.middle)]);
  return touches.map((touch) => {
    const at = position(touch);
    return (model[at] * scale) / counts[at];
  });
}

function customWeights(touches: readonly PartnerTouch[], weights: Record<PartnerTouch['kind'], number>): number[] {
  return touches.map((touch) => touch.weight ?? weights[touch.kind]);
}

/**
 * Weights the eligible touches of a deal, in attribution order, under `model`; `referenceDay` (the close,
 * or the day of the analysis) anchors time decay. Every weight is a non-negative safe integer and at least
 * one is positive, so that the deal's amount can be split exactly by largest remainder.
 */
export function touchWeights(
  touches: readonly PartnerTouch[],
  model: AttributionModel,
  referenceDay: CalendarDate,
): TouchWeights {
  if (touches.length === 0) throw new Error('Weighting needs at least one touch.');
  let weights: number[];
  switch (model.kind) {
    case 'first_touch':
      weights = onDay(touches, touches[0]!.on);
      break;
    case 'last_touch':
      weights = onDay(touches, touches[touches.length - 1]!.on);
      break;
    case 'linear':
      weights = touches.map(() => 1);
      break;
    case 'time_decay': {
      const reference = toDayNumber(referenceDay);
      const ages = touches.map((touch) => reference - toDayNumber(touch.on));
      const youngest = Math.min(...ages);
      weights = ages.map((age) => decayWeight(age - youngest, model.halfLifeDays));
      break;
    }
    case 'position_based':
      weights = positionWeights(touches, model);
      break;
    case 'custom':
      weights = customWeights(touches, model.weights);
      break;
  }
  if (weights.some((weight) => weight > 0)) return { weights, linearFallback: false };
  return { weights: touches.map(() => 1), linearFallback: true };
}
