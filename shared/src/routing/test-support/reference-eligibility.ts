import { distance } from 'geokdbush';
import type { Lead } from '../../entities/lead.js';
import type { Partner, PartnerStatus } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import type { RoutingStep } from '../../program/schema/routing-policy.js';
import type { CalendarDate } from '../../time/calendar-date.js';

/*
 * The routing rules written the plain way, one partner at a time, from the documented semantics and without
 * any of the engine's indexes: the oracle the property tests compare the compiled engine with.
 */

const normalized = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** Whether a certification counts on a day: earned by then and not past its expiry date. */
function valid(certification: Partner['certifications'][number], today: CalendarDate): boolean {
  return certification.earnedOn <= today && (certification.expiresOn === null || today <= certification.expiresOn);
}

function rankOf(program: Program, tierId: string | null): number {
  if (tierId === null) return 0;
  return program.tiers.find((tier) => tier.id === tierId)?.rank ?? 0;
}

/** The statuses that receive leads under a program. */
export function referenceReceivingStatuses(program: Program): PartnerStatus[] {
  const onboarding = program.routing.steps.some(
    (step) => step.kind === 'partner_status' && step.allow.includes('onboarding'),
  );
  return onboarding ? ['active', 'onboarding'] : ['active'];
}

/** Kilometres between a lead and a partner, or Infinity when either has no location. */
export function referenceDistanceKm(partner: Partner, lead: Lead): number {
  if (!partner.location || !lead.location) return Number.POSITIVE_INFINITY;
  return distance(lead.location.lon, lead.location.lat, partner.location.lon, partner.location.lat);
}

/** Whether one partner passes one step for a lead (a distance step: within its maximum radius). */
export function referencePasses(
  program: Program,
  step: RoutingStep,
  partner: Partner,
  lead: Lead,
  today: CalendarDate,
): boolean {
  switch (step.kind) {
    case 'partner_status':
      return (step.allow as readonly string[]).includes(partner.status);
    case 'territory': {
      const inSubdivision = lead.subdivision !== undefined && partner.coverage.subdivisions.includes(lead.subdivision);
      if (step.match === 'subdivision') return inSubdivision;
      const country = lead.country ?? lead.subdivision?.split('-')[0];
      return inSubdivision || (country !== undefined && partner.coverage.countries.includes(country));
    }
    case 'postal_prefix':
      return (
        lead.postalCode !== undefined &&
        partner.coverage.postalPrefixes.some(
          (prefix) => normalized(prefix) !== '' && normalized(lead.postalCode!).startsWith(normalized(prefix)),
        )
      );
    case 'distance':
      return referenceDistanceKm(partner, lead) <= step.maxRadiusKm;
    case 'industry':
      return lead.industry !== undefined && partner.industries.includes(lead.industry);
    case 'language':
      return lead.language !== undefined && partner.languages.includes(lead.language);
    case 'specialization':
      return step.specializationIds
        ? step.specializationIds.some((id) => partner.specializationIds.includes(id))
        : lead.specializationId !== undefined && partner.specializationIds.includes(lead.specializationId);
    case 'minimum_tier':
      return rankOf(program, partner.tierId) >= rankOf(program, step.tierId) && rankOf(program, step.tierId) > 0;
    case 'certification':
      return (
        lead.product !== undefined &&
        partner.certifications.some(
          (certification) =>
            valid(certification, today) &&
            (certification.product === undefined || certification.product === lead.product) &&
            (step.certificationType === undefined || certification.type === step.certificationType),
        )
      );
  }
}

/**
 * The finalists of a lead among `available` partners, step by step: a required step that leaves nobody
 * blocks the lead (`null`); an optional one that would is skipped; a distance step keeps the partners within
 * the smallest radius (initial, widened by the growth factor at most 63 times, then the maximum) that holds
 * anyone.
 */
export function referenceFinalists(
  program: Program,
  available: readonly Partner[],
  lead: Lead,
  today: CalendarDate,
): Partner[] | null {
  let candidates = [...available];
  if (candidates.length === 0) return null;
  for (const step of program.routing.steps) {
    let kept = candidates.filter((partner) => referencePasses(program, step, partner, lead, today));
    if (step.kind === 'distance' && kept.length > 0) {
      const nearest = Math.min(...kept.map((partner) => referenceDistanceKm(partner, lead)));
      let radius = step.initialRadiusKm;
      for (let widened = 0; radius < nearest && radius < step.maxRadiusKm; widened++) {
        radius = widened < 63 ? Math.min(radius * step.growthFactor, step.maxRadiusKm) : step.maxRadiusKm;
      }
      kept = kept.filter((partner) => referenceDistanceKm(partner, lead) <= radius);
    }
    if (kept.length > 0) candidates = kept;
    else if (step.required) return null;
  }
  return candidates;
}
