import type { LeadFacts } from './lead-values.js';
import { certifiedFor } from '../compile/certification-masks.js';
import type { CompiledStep } from '../compile/compiled-step.js';
import { intersectInto, intersectUnionInto, type PartnerBits } from '../compile/partner-bits.js';
import { sortedHas } from '../compile/postal-prefix-trie.js';
import type { RoutingSession } from '../session/routing-session.js';
import { leadCountry } from './lead-values.js';

/** Above this many candidates, a distance step searches the kdbush index instead of scanning candidates. */
const INDEXED_SEARCH_FROM = 256;

function nobody(into: PartnerBits): false {
  into.clear();
  return false;
}

function within(into: PartnerBits, from: PartnerBits, mask: PartnerBits | undefined): boolean {
  return mask ? intersectInto(into, from, mask) : nobody(into);
}

/** `into = from ∩ list` for a sorted list of positions. */
function withinList(into: PartnerBits, from: PartnerBits, list: Int32Array | null): boolean {
  into.clear();
  if (!list) return false;
  for (let index = 0; index < list.length; index++) {
    const position = list[index]!;
    if (from.has(position)) into.add(position);
  }
  return !into.isEmpty();
}

/**
 * The distance step, as Odoo assigns resellers: the candidates within the initial radius of the lead, or
 * if there are none, within the radius widened by the growth factor, and so on up to the maximum radius.
 * Among few candidates each distance is computed; among many, geokdbush walks the kdbush index nearest
 * first. Leaves the radius used and the nearest distance on the session for the trace.
 */
function withinReach(session: RoutingSession, step: CompiledStep, from: PartnerBits, into: PartnerBits): boolean {
  const radii = step.radiiHaversine!;
  const maxHaversine = radii[radii.length - 1]!;
  const { locations } = session.compiled;
  const lead = session.leadPosition;
  session.reachRadius = -1;
  session.nearestHaversine = Number.NaN;
  into.clear();
  if (!session.hasLeadPosition) return false;
  const span = (from.hi - from.lo) << 5;
  if (span > INDEXED_SEARCH_FROM && from.count() > INDEXED_SEARCH_FROM) {
    const nearest = locations.nearestWithin(lead, step.radiiKm![step.radiiKm!.length - 1]!, (p) => from.has(p));
    if (nearest.length === 0) return false;
    const closest = locations.haversine(nearest[0]!, lead);
    let radius = 0;
    while (radii[radius]! < closest) radius++;
    session.reachRadius = radius;
    session.nearestHaversine = closest;
    for (const position of nearest) {
      if (!(locations.haversine(position, lead) <= radii[radius]!)) break;
      into.add(position);
    }
    return true;
  }
  const haversine = session.haversine;
  let closest = Number.POSITIVE_INFINITY;
  for (let word = from.lo; word < from.hi; word++) {
    let bits = from.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      const value = locations.haversine(position, lead);
      haversine[position] = value;
      if (value < closest) closest = value;
    }
  }
  if (!(closest <= maxHaversine)) return false;
  let radius = 0;
  while (radii[radius]! < closest) radius++;
  const limit = radii[radius]!;
  session.reachRadius = radius;
  session.nearestHaversine = closest;
  for (let word = from.lo; word < from.hi; word++) {
    let bits = from.words[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      const position = (word << 5) | (31 - Math.clz32(lowest));
      bits ^= lowest;
      if (haversine[position]! <= limit) into.add(position);
    }
  }
  return true;
}

/**
 * Narrows the candidates `from` by one step for a lead, into `into` (never the same set); returns whether
 * anyone is left. A lead without the value a step matches on (no country, no product…) leaves nobody.
 */
export function narrowByStep(
  session: RoutingSession,
  step: CompiledStep,
  lead: LeadFacts,
  from: PartnerBits,
  into: PartnerBits,
): boolean {
  const { compiled } = session;
  switch (step.kind) {
    case 'partner_status':
    case 'minimum_tier':
      return intersectInto(into, from, step.fixedMask!);
    case 'specialization':
      return within(
        into,
        from,
        step.fixedMask ??
          (lead.specializationId === undefined ? undefined : compiled.specializations.get(lead.specializationId)),
      );
    case 'territory':
      if (step.subdivisionOnly) {
        return within(
          into,
          from,
          lead.subdivision === undefined ? undefined : compiled.subdivisions.get(lead.subdivision),
        );
      } else {
        const country = leadCountry(lead);
        return intersectUnionInto(
          into,
          from,
          country === undefined ? undefined : compiled.countries.get(country),
          lead.subdivision === undefined ? undefined : compiled.subdivisions.get(lead.subdivision),
        );
      }
    case 'postal_prefix':
      return withinList(
        into,
        from,
        lead.postalCode === undefined ? null : compiled.postalPrefixes.lookup(lead.postalCode),
      );
    case 'distance':
      return withinReach(session, step, from, into);
    case 'industry':
      return within(into, from, lead.industry === undefined ? undefined : compiled.industries.get(lead.industry));
    case 'language':
      return within(into, from, lead.language === undefined ? undefined : compiled.languages.get(lead.language));
    case 'certification':
      return within(
        into,
        from,
        lead.product === undefined
          ? undefined
          : certifiedFor(session.certificationsOfStep[step.position], lead.product),
      );
  }
}

/**
 * Whether one partner passes a step for a lead, whatever the other candidates: for a distance step, whether
 * it lies within the maximum radius. Used to tell whether an account's earlier partner is still eligible.
 */
export function stepAdmits(session: RoutingSession, step: CompiledStep, lead: LeadFacts, position: number): boolean {
  const { compiled } = session;
  switch (step.kind) {
    case 'partner_status':
    case 'minimum_tier':
      return step.fixedMask!.has(position);
    case 'specialization': {
      const mask =
        step.fixedMask ??
        (lead.specializationId === undefined ? undefined : compiled.specializations.get(lead.specializationId));
      return mask?.has(position) ?? false;
    }
    case 'territory': {
      const inSubdivision =
        lead.subdivision !== undefined && (compiled.subdivisions.get(lead.subdivision)?.has(position) ?? false);
      if (step.subdivisionOnly) return inSubdivision;
      const country = leadCountry(lead);
      return inSubdivision || (country !== undefined && (compiled.countries.get(country)?.has(position) ?? false));
    }
    case 'postal_prefix': {
      const list = lead.postalCode === undefined ? null : compiled.postalPrefixes.lookup(lead.postalCode);
      return list !== null && sortedHas(list, position);
    }
    case 'distance': {
      if (!session.hasLeadPosition) return false;
      const radii = step.radiiHaversine!;
      return compiled.locations.haversine(position, session.leadPosition) <= radii[radii.length - 1]!;
    }
    case 'industry':
      return lead.industry !== undefined && (compiled.industries.get(lead.industry)?.has(position) ?? false);
    case 'language':
      return lead.language !== undefined && (compiled.languages.get(lead.language)?.has(position) ?? false);
    case 'certification':
      return (
        lead.product !== undefined &&
        (session.certifications.lookup(lead.product, step.certificationType)?.has(position) ?? false)
      );
  }
}
