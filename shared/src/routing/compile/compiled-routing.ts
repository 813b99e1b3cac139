import type { Partner, PartnerStatus } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { canReceiveLeads, leadGateOf } from '../../partner-lifecycle/guards/partner-gates.js';
import type { RoutingStep } from '../../program/schema/routing-policy.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { CAPACITY_PERIODS, type CapacityPeriod } from '../periods/capacity-periods.js';
import { CertificationMasks } from './certification-masks.js';
import { wideningRadii, type CompiledStep } from './compiled-step.js';
import { differenceInto, PartnerBits, unionOf } from './partner-bits.js';
import { haversineOfKm, PartnerLocations } from './partner-locations.js';
import { PostalPrefixTrie } from './postal-prefix-trie.js';

/** A cap standing for "no cap". */
export const UNCAPPED = 0x7fffffff;

/** The performance a partner without a score counts with under best-score selection. */
export const NEUTRAL_PERFORMANCE = 0.5;

/** The routing weight of a partner without a (known) tier. */
export const UNTIERED_WEIGHT = 1;

/**
 * The routing section of a program compiled against the partners: partners get positions, and each
 * attribute a step or a selection strategy reads becomes a bitset per value (country, subdivision, industry,
 * language, specialization, tier, certification), a trie (postal prefixes), a kdbush index (locations) or a
 * typed array (caps, weights, scores). Built once, then every lead is routed against it.
 *
 * Positions follow the partners' first covered country, then their ids, so that partners of one country sit
 * in neighbouring words; ties between partners are broken by id (`tieRank`), never by position.
 */
export class CompiledRouting {
  readonly partnerCount: number;
  readonly wordCount: number;
  /** Partners by position. */
  readonly partners: readonly Partner[];
  readonly positionOf: ReadonlyMap<string, number>;
  /** Each partner's rank when partners are sorted by id: the last tie-breaker. */
  readonly tieRank: Int32Array;
  /** The statuses that may receive leads: active, and onboarding where a `partner_status` step allows it. */
  readonly receivingStatuses: readonly PartnerStatus[];
  readonly receivingStatus: PartnerBits;
  readonly routingWeight: Int32Array;
  /** Best-score factors that do not depend on the lead: performance^w × tierWeight^w. */
  readonly staticScore: Float64Array;
  readonly locations: PartnerLocations;
  readonly countries: ReadonlyMap<string, PartnerBits>;
  readonly subdivisions: ReadonlyMap<string, PartnerBits>;
  readonly industries: ReadonlyMap<string, PartnerBits>;
  readonly languages: ReadonlyMap<string, PartnerBits>;
  readonly specializations: ReadonlyMap<string, PartnerBits>;
  readonly postalPrefixes: PostalPrefixTrie;
  /** Each partner's cap per period: the tighter of the per-partner and its tier's cap. */
  readonly caps: Readonly<Record<CapacityPeriod, Int32Array>>;
  readonly steps: readonly CompiledStep[];
  readonly requiredSteps: readonly CompiledStep[];
  /**
   * Whether the steps before the last required one are all required and keep exactly the partners that
   * pass them (no distance step, which keeps only the nearest ring): then a partner that is available and
   * passes every required step keeps each required step from leaving nobody, whatever else the steps do.
   * (An optional step, or a distance step, placed earlier could leave only partners a later required step
   * refuses.)
   */
  readonly requiredFirst: boolean;
  /** The default partner's position, or -1 when the fallback is a queue or the partner is not among these. */
  readonly fallbackPosition: number;
  /** Whether an account's leads go back to the partner its earlier lead went to (sticky assignment). */
  readonly stickyEnabled: boolean;
  private certificationCache: CertificationMasks | undefined;

  constructor(
    readonly program: Program,
    inputPartners: readonly Partner[],
  ) {
    const partners = orderPartners(inputPartners);
    const count = partners.length;
    const words = Math.max(1, (count + 31) >>> 5);
    this.partnerCount = count;
    this.wordCount = words;
    this.partners = partners;
    this.positionOf = new Map(partners.map((partner, position) => [partner.id, position]));
    this.tieRank = new Int32Array(count);
    partners
      .map((partner, position) => ({ id: partner.id, position }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .forEach((entry, rank) => (this.tieRank[entry.position] = rank));

    const { routing } = program;
    const leadGate = leadGateOf(program);
    this.receivingStatuses = leadGate.allowOnboarding ? ['active', 'onboarding'] : ['active'];
    this.receivingStatus = this.maskWhere((partner) => canReceiveLeads(partner, leadGate).allowed);

    const tiers = new Map(program.tiers.map((tier) => [tier.id, tier]));
    const maxWeight = Math.max(UNTIERED_WEIGHT, ...program.tiers.map((tier) => tier.benefits.routingWeight));
    const weights = routing.selection.kind === 'best_score' ? routing.selection.weights : undefined;
    this.routingWeight = new Int32Array(count);
    this.staticScore = new Float64Array(count);
    partners.forEach((partner, position) => {
      const tier = partner.tierId === null ? undefined : tiers.get(partner.tierId);
      const weight = tier?.benefits.routingWeight ?? UNTIERED_WEIGHT;
      this.routingWeight[position] = weight;
      if (weights) {
        const performance = partner.performanceScore ?? NEUTRAL_PERFORMANCE;
        this.staticScore[position] = performance ** weights.performance * (weight / maxWeight) ** weights.tierWeight;
      }
    });

    this.locations = new PartnerLocations(partners.map((partner) => partner.location));
    this.countries = this.masksBy((partner) => partner.coverage.countries);
    this.subdivisions = this.masksBy((partner) => partner.coverage.subdivisions);
    this.industries = this.masksBy((partner) => partner.industries);
    this.languages = this.masksBy((partner) => partner.languages);
    this.specializations = this.masksBy((partner) => partner.specializationIds);
    this.postalPrefixes = new PostalPrefixTrie(partners.map((partner) => partner.coverage.postalPrefixes));

    this.caps = compileCaps(program, partners);
    this.steps = routing.steps.map((step, position) => {
      const compiled = this.compileStep(step, position, tiers);
      const mask = compiled.fixedMask;
      const neverNarrows =
        mask !== null && !differenceInto(new PartnerBits(this.wordCount), this.receivingStatus, mask);
      return { ...compiled, neverNarrows };
    });
    this.requiredSteps = this.steps.filter((step) => step.required);
    const lastRequired = this.steps.findLastIndex((step) => step.required);
    this.requiredFirst = this.steps
      .slice(0, Math.max(0, lastRequired))
      .every((step) => step.neverNarrows || (step.required && step.step.kind !== 'distance'));
    this.fallbackPosition =
      routing.fallback.kind === 'partner' ? (this.positionOf.get(routing.fallback.partnerId) ?? -1) : -1;
    this.stickyEnabled = routing.sticky.enabled;
  }

  /** Which partners hold a valid certification for a product on `today` (cached for the last day asked). */
  certificationsOn(today: CalendarDate): CertificationMasks {
    if (this.certificationCache?.today !== today) {
      this.certificationCache = new CertificationMasks(
        today,
        this.wordCount,
        this.partners.map((partner) => partner.certifications),
      );
    }
    return this.certificationCache;
  }

  private maskWhere(predicate: (partner: Partner) => boolean): PartnerBits {
    const positions: number[] = [];
    this.partners.forEach((partner, position) => {
      if (predicate(partner)) positions.push(position);
    });
    return PartnerBits.of(this.wordCount, positions);
  }

  private masksBy(values: (partner: Partner) => readonly string[]): Map<string, PartnerBits> {
    const masks = new Map<string, PartnerBits>();
    this.partners.forEach((partner, position) => {
      for (const value of values(partner)) {
        let mask = masks.get(value);
        if (!mask) {
          mask = new PartnerBits(this.wordCount);
          masks.set(value, mask);
        }
        mask.add(position);
      }
    });
    return masks;
  }

  private compileStep(
    step: RoutingStep,
    position: number,
    tiers: ReadonlyMap<string, Program['tiers'][number]>,
  ): Omit<CompiledStep, 'neverNarrows'> {
    const base = {
      position,
      step,
      kind: step.kind,
      subdivisionOnly: step.kind === 'territory' && step.match === 'subdivision',
      required: step.required,
      radiiKm: null,
      radiiHaversine: null,
    };
    switch (step.kind) {
      case 'partner_status':
        return {
          ...base,
          fixedMask: this.maskWhere((partner) => (step.allow as readonly string[]).includes(partner.status)),
          certificationType: null,
        };
      case 'minimum_tier': {
        const minimum = tiers.get(step.tierId)?.rank ?? Number.POSITIVE_INFINITY;
        const rankOf = (partner: Partner) => (partner.tierId === null ? 0 : (tiers.get(partner.tierId)?.rank ?? 0));
        return { ...base, fixedMask: this.maskWhere((partner) => rankOf(partner) >= minimum), certificationType: null };
      }
      case 'specialization':
        return {
          ...base,
          fixedMask: step.specializationIds
            ? unionOf(
                this.wordCount,
                step.specializationIds.flatMap((id) => this.specializations.get(id) ?? []),
              )
            : null,
          certificationType: null,
        };
      case 'distance': {
        const radii = wideningRadii(step.initialRadiusKm, step.growthFactor, step.maxRadiusKm);
        return {
          ...base,
          fixedMask: null,
          radiiKm: Float64Array.from(radii),
          radiiHaversine: Float64Array.from(radii, haversineOfKm),
          certificationType: null,
        };
      }
      case 'certification':
        return { ...base, fixedMask: null, certificationType: step.certificationType ?? null };
      case 'territory':
      case 'postal_prefix':
      case 'industry':
      case 'language':
        return { ...base, fixedMask: null, certificationType: null };
    }
  }
}

/** Partners in compiled order: by first covered country (so that a country's partners sit together), then id. */
function orderPartners(partners: readonly Partner[]): Partner[] {
  const seen = new Set<string>();
  for (const partner of partners) {
    if (seen.has(partner.id)) throw new Error(`Partner ids must be unique: ${partner.id} appears twice.`);
    seen.add(partner.id);
  }
  const clusterOf = (partner: Partner) =>
    partner.coverage.countries[0] ?? partner.coverage.subdivisions[0]?.slice(0, 2) ?? partner.country ?? '';
  return partners
    .map((partner) => ({ partner, cluster: clusterOf(partner) }))
    .sort((a, b) => (a.cluster !== b.cluster ? (a.cluster < b.cluster ? -1 : 1) : a.partner.id < b.partner.id ? -1 : 1))
    .map((entry) => entry.partner);
}

function compileCaps(program: Program, partners: readonly Partner[]): Record<CapacityPeriod, Int32Array> {
  const { perPartner, perTier } = program.routing.capacity;
  const tierCaps = new Map(perTier.map((caps) => [caps.tierId, caps]));
  const caps = {} as Record<CapacityPeriod, Int32Array>;
  for (const period of CAPACITY_PERIODS) {
    caps[period] = Int32Array.from(partners, (partner) => {
      const own = perPartner?.[period] ?? UNCAPPED;
      const tier = partner.tierId === null ? undefined : tierCaps.get(partner.tierId)?.[period];
      return Math.min(own, tier ?? UNCAPPED);
    });
  }
  return caps;
}
