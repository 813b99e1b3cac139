import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { GeoPoint } from '../../geo/schemas.js';

/** The mean Earth radius geokdbush uses, in kilometres. */
export const EARTH_RADIUS_KM = 6371;
/** Degrees to radians, written as geokdbush writes it so that results agree to the last bit. */
export const RADIANS_PER_DEGREE = Math.PI / 180;

function haverSin(theta: number): number {
  const half = Math.sin(theta / 2);
  return half * half;
}

/**
 * The haversine of the central angle a distance spans: distances compare as these, without square roots or
 * arcsines, exactly as geokdbush compares them.
 */
export function haversineOfKm(km: number): number {
  return haverSin(km / EARTH_RADIUS_KM);
}

/** The great-circle distance in kilometres a haversine stands for. */
export function kmOfHaversine(haversine: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(haversine));
}

/** A lead's position prepared for distance computations. */
export interface LeadPosition {
  lat: number;
  lon: number;
  cosLat: number;
}

/**
 * Where partners are, by compiled position (NaN when a partner has no location), with a kdbush index over
 * those that have one for geo-nearest searches among many candidates.
 */
export class PartnerLocations {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  private readonly index: KDBush | null;
  private readonly partnerOfItem: Int32Array;

  constructor(locations: readonly (GeoPoint | undefined)[]) {
    const count = locations.length;
    this.lat = new Float64Array(count).fill(Number.NaN);
    this.lon = new Float64Array(count).fill(Number.NaN);
    this.cosLat = new Float64Array(count).fill(Number.NaN);
    const located: number[] = [];
    locations.forEach((location, partner) => {
      if (!location) return;
      this.lat[partner] = location.lat;
      this.lon[partner] = location.lon;
      this.cosLat[partner] = Math.cos(location.lat * RADIANS_PER_DEGREE);
      located.push(partner);
    });
    this.partnerOfItem = Int32Array.from(located);
    if (located.length === 0) {
      this.index = null;
    } else {
      const index = new KDBush(located.length);
      for (const partner of located) index.add(this.lon[partner]!, this.lat[partner]!);
      this.index = index.finish();
    }
  }

  /**
   * The haversine between a lead and a partner (NaN when the partner has no location), computed the way
   * geokdbush computes it so that both agree to the last bit.
   */
  haversine(partner: number, lead: LeadPosition): number {
    const partnerLat = this.lat[partner]!;
    const lonTerm = haverSin((lead.lon - this.lon[partner]!) * RADIANS_PER_DEGREE);
    return lead.cosLat * this.cosLat[partner]! * lonTerm + haverSin((lead.lat - partnerLat) * RADIANS_PER_DEGREE);
  }

  /**
   * Partners within `maxKm` of the lead that `accept` admits, nearest first, found with geokdbush's
   * nearest-neighbour search over the kdbush index.
   */
  nearestWithin(lead: LeadPosition, maxKm: number, accept: (partner: number) => boolean): number[] {
    if (!this.index) return [];
    const items = around(this.index, lead.lon, lead.lat, Infinity, maxKm, (item) => accept(this.partnerOfItem[item]!));
    return items.map((item) => this.partnerOfItem[item]!);
  }
}
