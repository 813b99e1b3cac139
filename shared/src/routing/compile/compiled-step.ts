import type { RoutingStep } from '../../program/schema/routing-policy.js';
import type { PartnerBits } from './partner-bits.js';

/**
 * A routing step prepared for fast evaluation: its mask when the step does not depend on the lead
 * (`partner_status`, `minimum_tier`, `specialization` with a fixed list), and the widening radii of a
 * `distance` step as haversines.
 */
export interface CompiledStep {
  readonly position: number;
  readonly step: RoutingStep;
  /**
   * The step's kind, and for a territory step whether it matches subdivisions only: copied from `step`, whose
   * objects differ in shape from kind to kind, so that routing reads them from objects of one shape.
   */
  readonly kind: RoutingStep['kind'];
  readonly subdivisionOnly: boolean;
  readonly required: boolean;
  readonly fixedMask: PartnerBits | null;
  /**
   * Whether the step keeps every partner that may receive leads at all (a fixed mask holding them all,
   * such as a status step allowing every receiving status): it can never narrow the candidates.
   */
  readonly neverNarrows: boolean;
  /** The radii a distance step tries, in km, smallest first (the last is the maximum). */
  readonly radiiKm: Float64Array | null;
  /** The same radii as haversines, which distances are compared as. */
  readonly radiiHaversine: Float64Array | null;
  /** The certification type a certification step asks for, or `null` for any. */
  readonly certificationType: string | null;
}

/**
 * The radii a distance step tries: the initial one, multiplied by the growth factor while below the maximum
 * (at most 63 times, so that a growth factor barely above 1 cannot make the list endless), then the maximum.
 */
export function wideningRadii(initialKm: number, growthFactor: number, maxKm: number): number[] {
  const radii: number[] = [];
  let radius = initialKm;
  while (radius < maxKm && radii.length < 64) {
    radii.push(radius);
    radius *= growthFactor;
  }
  radii.push(maxKm);
  return radii;
}
