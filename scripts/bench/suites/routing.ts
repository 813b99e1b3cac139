/**
 * Lead routing (issue 5): the in-memory routing decision of `routeLeads` on a seeded workload of 500
 * partners, a 20-step program and 100,000 leads, then 10,000 partners; and the same eligibility rules run by
 * json-rules-engine (one engine, one rule per step, run per lead and partner) followed by the same
 * selection code, on the same leads. The suite asserts that both assign every lead identically before it
 * prints leads/s for both and the ratio.
 */
import { performance } from 'node:perf_hooks';
import { distance } from 'geokdbush';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import {
  emptyRoutingState,
  LeadSchema,
  PartnerSchema,
  routeLeads,
  type Lead,
  type LeadDistribution,
  type Partner,
  type Program,
  type RoutingPolicy,
  type RoutingState,
} from '@conduit/core';
import { compileRouting } from '../../../shared/src/routing/compile/compile-routing.js';
import { isCertificationValid } from '../../../shared/src/routing/compile/certification-masks.js';
import { PartnerBits } from '../../../shared/src/routing/compile/partner-bits.js';
import { availableFor } from '../../../shared/src/routing/session/availability.js';
import { decide, type RequiredEligibility } from '../../../shared/src/routing/session/decide.js';
import { RoutingSession } from '../../../shared/src/routing/session/routing-session.js';
import { seededRandom } from '../../eval/seeded-random.js';
import { demoProgramInput, parsedProgram } from '../data/demo-program.js';
import { comparedFigure, type Figure } from '../figure.js';
import { measure } from '../measure.js';
import type { BenchmarkSuite } from '../suite.js';

// ---------------------------------------------------------------------------------------------------------
// A seeded workload: the same program, partners and leads on every run.

/** A seeded generator with the helpers the workload needs. */
function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (probability: number) => next() < probability;
  const some = <T>(items: readonly T[], most: number): T[] => [
    ...new Set(Array.from({ length: 1 + int(most) }, () => pick(items))),
  ];
  return { next, int, pick, chance, some };
}
type Random = ReturnType<typeof generator>;

interface Region {
  country: string;
  subdivision: string;
  lat: number;
  lon: number;
  postal: string;
  language: string;
}

const REGIONS: readonly Region[] = [
  { country: 'US', subdivision: 'US-CA', lat: 36.8, lon: -119.4, postal: '9', language: 'en' },
  { country: 'US', subdivision: 'US-NY', lat: 42.2, lon: -74.9, postal: '1', language: 'en' },
  { country: 'US', subdivision: 'US-TX', lat: 31.0, lon: -99.9, postal: '7', language: 'en' },
  { country: 'US', subdivision: 'US-IL', lat: 40.0, lon: -89.2, postal: '6', language: 'en' },
  { country: 'US', subdivision: 'US-WA', lat: 47.4, lon: -120.7, postal: '8', language: 'en' },
  { country: 'DE', subdivision: 'DE-BY', lat: 48.8, lon: 11.5, postal: '8', language: 'de' },
  { country: 'DE', subdivision: 'DE-BE', lat: 52.5, lon: 13.4, postal: '1', language: 'de' },
  { country: 'DE', subdivision: 'DE-NW', lat: 51.4, lon: 7.7, postal: '4', language: 'de' },
  { country: 'DE', subdivision: 'DE-HH', lat: 53.6, lon: 10.0, postal: '2', language: 'de' },
  { country: 'FR', subdivision: 'FR-IDF', lat: 48.8, lon: 2.4, postal: '7', language: 'fr' },
  { country: 'FR', subdivision: 'FR-ARA', lat: 45.4, lon: 4.4, postal: '6', language: 'fr' },
  { country: 'FR', subdivision: 'FR-PAC', lat: 43.9, lon: 6.1, postal: '1', language: 'fr' },
  { country: 'GB', subdivision: 'GB-ENG', lat: 52.4, lon: -1.2, postal: 'S', language: 'en' },
  { country: 'GB', subdivision: 'GB-SCT', lat: 56.5, lon: -4.2, postal: 'E', language: 'en' },
  { country: 'CA', subdivision: 'CA-ON', lat: 44.6, lon: -79.4, postal: 'M', language: 'en' },
  { country: 'CA', subdivision: 'CA-QC', lat: 46.8, lon: -71.2, postal: 'H', language: 'fr' },
  { country: 'CA', subdivision: 'CA-BC', lat: 49.3, lon: -123.1, postal: 'V', language: 'en' },
  { country: 'AU', subdivision: 'AU-NSW', lat: -33.9, lon: 151.2, postal: '2', language: 'en' },
  { country: 'AU', subdivision: 'AU-VIC', lat: -37.8, lon: 145.0, postal: '3', language: 'en' },
  { country: 'JP', subdivision: 'JP-13', lat: 35.7, lon: 139.7, postal: '1', language: 'ja' },
  { country: 'JP', subdivision: 'JP-27', lat: 34.7, lon: 135.5, postal: '5', language: 'ja' },
  { country: 'BR', subdivision: 'BR-SP', lat: -23.5, lon: -46.6, postal: '0', language: 'pt' },
  { country: 'ES', subdivision: 'ES-MD', lat: 40.4, lon: -3.7, postal: '2', language: 'es' },
  { country: 'ES', subdivision: 'ES-CT', lat: 41.6, lon: 1.5, postal: '0', language: 'es' },
  { country: 'NL', subdivision: 'NL-NH', lat: 52.5, lon: 4.8, postal: '1', language: 'nl' },
  { country: 'IT', subdivision: 'IT-25', lat: 45.6, lon: 9.8, postal: '2', language: 'it' },
];
const INDUSTRIES = ['manufacturing', 'retail', 'finance', 'healthcare', 'public', 'energy', 'media', 'logistics'];
const PRODUCTS = ['edr', 'siem', 'xdr', 'cloud-backup', 'firewall'];
const CERTIFICATION_TYPES = ['sales', 'technical', 'support'];
const SPECIALIZATIONS = ['cloud-migration', 'security', 'data-analytics'];
const TIERS = ['registered', 'registered', 'registered', 'silver', 'silver', 'silver', 'gold', 'gold', 'platinum'];

const step = (id: string, required: boolean, rest: Record<string, unknown>) => ({ id, name: id, required, ...rest });

/** Twenty steps: hard territory, status and certification requirements, then preferences that narrow. */
const STEPS = [
  step('receiving', true, { kind: 'partner_status', allow: ['active', 'onboarding'] }),
  step('country', true, { kind: 'territory', match: 'country' }),
  step('certified', true, { kind: 'certification' }),
  step('tiered', true, { kind: 'minimum_tier', tierId: 'registered' }),
  step('prefer-active', false, { kind: 'partner_status', allow: ['active'] }),
  step('region', false, { kind: 'territory', match: 'subdivision' }),
  step('postal-area', false, { kind: 'postal_prefix' }),
  step('nearby', false, { kind: 'distance', initialRadiusKm: 50, growthFactor: 2, maxRadiusKm: 800 }),
  step('industry', false, { kind: 'industry' }),
  step('language', false, { kind: 'language' }),
  step('specialization', false, { kind: 'specialization' }),
  step('technical', false, { kind: 'certification', certificationType: 'technical' }),
  step('sales', false, { kind: 'certification', certificationType: 'sales' }),
  step('support', false, { kind: 'certification', certificationType: 'support' }),
  step('cloud-or-data', false, { kind: 'specialization', specializationIds: ['cloud-migration', 'data-analytics'] }),
  step('security-practice', false, { kind: 'specialization', specializationIds: ['security'] }),
  step('silver-up', false, { kind: 'minimum_tier', tierId: 'silver' }),
  step('gold-up', false, { kind: 'minimum_tier', tierId: 'gold' }),
  step('platinum', false, { kind: 'minimum_tier', tierId: 'platinum' }),
  step('industry-again', false, { kind: 'industry' }),
];

/** The demo program with the 20-step routing section and generous caps (most leads find a partner). */
function benchmarkProgram(): Program {
  const input = demoProgramInput() as { routing: Record<string, unknown> };
  input.routing = {
    ...input.routing,
    steps: STEPS,
    selection: { kind: 'weighted_round_robin' },
    capacity: {
      periods: 'fiscal',
      weekStartsOn: 'monday',
      perPartner: { day: 400, week: 1500, month: 5000, quarter: 12000 },
      perTier: [
        { tierId: 'registered', day: 150, week: 500 },
        { tierId: 'silver', day: 300, week: 1000 },
      ],
    },
  } satisfies Partial<Record<keyof RoutingPolicy, unknown>>;
  const program = parsedProgram(input);
  if (program.routing.steps.length !== 20) throw new Error('The benchmark program has 20 steps.');
  return program;
}

function near(random: Random, region: Region, spread: number) {
  return {
    lat: Math.round((region.lat + (random.next() - 0.5) * spread) * 1e5) / 1e5,
    lon: Math.round((region.lon + (random.next() - 0.5) * spread) * 1e5) / 1e5,
  };
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => String(random.int(10))).join('');
}

/** Records as they arrive from storage or an API: parsed from JSON. */
function asStored<T>(records: T[]): T[] {
  return JSON.parse(JSON.stringify(records)) as T[];
}

function makePartners(count: number, seed: number): Partner[] {
  const random = generator(seed);
  return asStored(
    Array.from({ length: count }, (_, index): Partner => {
      const home = random.pick(REGIONS);
      const sameCountry = REGIONS.filter((region) => region.country === home.country);
      const wholeCountry = random.chance(0.5);
      const status = random.chance(0.88) ? 'active' : random.chance(0.5) ? 'onboarding' : 'suspended';
      return {
        id: `partner-${String(index).padStart(5, '0')}`,
        name: `Partner ${index}`,
        status,
        tierId: random.chance(0.97) ? random.pick(TIERS) : null,
        specializationIds: random.chance(0.6) ? random.some(SPECIALIZATIONS, 2) : [],
        country: home.country,
        location: near(random, home, 3),
        coverage: {
          countries: wholeCountry ? [home.country] : [],
          subdivisions: wholeCountry
            ? []
            : [...new Set([home, random.pick(sameCountry)].map((region) => region.subdivision))],
          postalPrefixes: random.chance(0.6)
            ? Array.from({ length: 1 + random.int(3) }, () => home.postal + digits(random, 1 + random.int(2)))
            : [],
        },
        industries: random.some(INDUSTRIES, 3),
        languages: [...new Set([home.language, ...(random.chance(0.5) ? ['en'] : [])])],
        certifications: Array.from({ length: random.int(4) }, () => ({
          type: random.pick(CERTIFICATION_TYPES),
          ...(random.chance(0.9) ? { product: random.pick(PRODUCTS) } : {}),
          earnedOn: '2025-03-01',
          expiresOn: random.chance(0.1) ? '2026-06-30' : null,
        })),
        performanceScore: Math.round(random.next() * 100) / 100,
        version: 1,
      };
    }),
  );
}

function makeLeads(count: number, seed: number): Lead[] {
  const random = generator(seed);
  return asStored(
    Array.from({ length: count }, (_, index): Lead => {
      // An account's leads come from where the account is: account n lies in region n mod the regions.
      const account = random.chance(0.6) ? random.int(20_000) : undefined;
      const region = account === undefined ? random.pick(REGIONS) : REGIONS[account % REGIONS.length]!;
      return {
        id: `lead-${String(index).padStart(6, '0')}`,
        createdAt: '2026-11-24T08:00:00Z',
        company: `Prospect ${index}`,
        country: region.country,
        ...(random.chance(0.9) ? { subdivision: region.subdivision } : {}),
        ...(random.chance(0.8) ? { postalCode: region.postal + digits(random, 4) } : {}),
        ...(random.chance(0.85) ? { location: near(random, region, 4) } : {}),
        ...(random.chance(0.9) ? { industry: random.pick(INDUSTRIES) } : {}),
        ...(random.chance(0.97) ? { product: random.pick(PRODUCTS) } : {}),
        ...(random.chance(0.8) ? { language: region.language } : {}),
        ...(random.chance(0.5) ? { specializationId: random.pick(SPECIALIZATIONS) } : {}),
        ...(account === undefined ? {} : { accountId: `account-${account}` }),
        version: 1,
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// The peer: the same eligibility rules as one json-rules-engine engine, run per lead and partner; then the
// same narrowing semantics (required steps stop, optional ones are skipped when they would leave nobody)
// and the same selection code (`decide`).

type Step = Program['routing']['steps'][number];
const FALSE: TopLevelCondition = { all: [{ fact: 'never', operator: 'equal', value: true }] };

function conditionOf(program: Program, definition: Step): TopLevelCondition {
  const lead = (path: string) => ({ fact: 'lead', path });
  switch (definition.kind) {
    case 'partner_status':
      return { all: [{ fact: 'partner', path: '$.status', operator: 'in', value: [...definition.allow] }] };
    case 'territory':
      return definition.match === 'country'
        ? {
            any: [
              { fact: 'partner', path: '$.coverage.countries', operator: 'contains', value: lead('$.country') },
              { fact: 'partner', path: '$.coverage.subdivisions', operator: 'contains', value: lead('$.subdivision') },
            ],
          }
        : {
            all: [
              { fact: 'partner', path: '$.coverage.subdivisions', operator: 'contains', value: lead('$.subdivision') },
            ],
          };
    case 'postal_prefix':
      return {
        all: [
          {
            fact: 'lead',
            path: '$.postalCode',
            operator: 'startsWithOneOf',
            value: { fact: 'partner', path: '$.coverage.postalPrefixes' },
          },
        ],
      };
    case 'distance':
      return { all: [{ fact: 'distanceKm', operator: 'lessThanInclusive', value: definition.maxRadiusKm }] };
    case 'industry':
      return { all: [{ fact: 'partner', path: '$.industries', operator: 'contains', value: lead('$.industry') }] };
    case 'language':
      return { all: [{ fact: 'partner', path: '$.languages', operator: 'contains', value: lead('$.language') }] };
    case 'specialization':
      return definition.specializationIds
        ? {
            any: definition.specializationIds.map((id) => ({
              fact: 'partner',
              path: '$.specializationIds',
              operator: 'contains',
              value: id,
            })),
          }
        : {
            all: [
              { fact: 'partner', path: '$.specializationIds', operator: 'contains', value: lead('$.specializationId') },
            ],
          };
    case 'minimum_tier': {
      const rank = program.tiers.find((tier) => tier.id === definition.tierId)?.rank;
      return rank === undefined
        ? FALSE
        : { all: [{ fact: 'tierRank', operator: 'greaterThanInclusive', value: rank }] };
    }
    case 'certification':
      return {
        all: [
          { fact: 'certified', params: { type: definition.certificationType ?? null }, operator: 'equal', value: true },
        ],
      };
  }
}

const normalizePostal = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

function rulesEngine(program: Program, today: string): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('startsWithOneOf', (code: unknown, prefixes: unknown) => {
    if (typeof code !== 'string' || !Array.isArray(prefixes)) return false;
    const normalized = normalizePostal(code);
    return prefixes.some((prefix) => typeof prefix === 'string' && normalized.startsWith(normalizePostal(prefix)));
  });
  const ranks = new Map(program.tiers.map((tier) => [tier.id, tier.rank]));
  engine.addFact('tierRank', async (_params, almanac) => {
    const partner = await almanac.factValue<Partner>('partner');
    return partner.tierId === null ? 0 : (ranks.get(partner.tierId) ?? 0);
  });
  engine.addFact('distanceKm', async (_params, almanac) => {
    const [partner, lead] = [await almanac.factValue<Partner>('partner'), await almanac.factValue<Lead>('lead')];
    if (!partner.location || !lead.location) return Number.POSITIVE_INFINITY;
    return distance(lead.location.lon, lead.location.lat, partner.location.lon, partner.location.lat);
  });
  engine.addFact('certified', async (params: Record<string, unknown>, almanac) => {
    const [partner, lead] = [await almanac.factValue<Partner>('partner'), await almanac.factValue<Lead>('lead')];
    if (lead.product === undefined) return false;
    return partner.certifications.some(
      (certification) =>
        isCertificationValid(certification, today) &&
        (certification.product === undefined || certification.product === lead.product) &&
        (params.type === null || certification.type === params.type),
    );
  });
  program.routing.steps.forEach((definition, index) => {
    const rule: RuleProperties = {
      name: definition.id,
      priority: 1000 - index,
      conditions: conditionOf(program, definition),
      event: { type: definition.id },
    };
    engine.addRule(rule);
  });
  return engine;
}

/** Routes leads with json-rules-engine deciding eligibility and the engine's own `decide` choosing. */
async function routeWithRulesEngine(
  program: Program,
  partners: readonly Partner[],
  leads: readonly Lead[],
  state: RoutingState,
  now: Date,
): Promise<LeadDistribution[]> {
  const compiled = compileRouting(program, partners);
  const session = new RoutingSession(compiled, state, now, { traces: false, conflicts: [] });
  const engine = rulesEngine(program, session.today);
  const steps = compiled.steps;
  const scratch = new PartnerBits(compiled.wordCount);
  for (const lead of leads) {
    const existing = session.distributions.get(lead.id);
    if (existing !== undefined && existing.status !== 'rerouting') {
      session.assignments.push(existing);
      continue;
    }
    session.locateLead(lead.location);
    const available = availableFor(session, lead, existing, scratch);
    const positions = available.positions();
    const anyone = positions.length > 0;
    const passed = new Map<number, Set<string>>();
    const distances = new Map<number, number>();
    for (const position of positions) {
      const result = await engine.run({ lead, partner: compiled.partners[position] });
      passed.set(position, new Set(result.results.map((rule) => rule.name)));
      distances.set(position, await result.almanac.factValue<number>('distanceKm'));
    }
    let candidates = positions;
    let blocked = false;
    for (const compiledStep of steps) {
      let kept = candidates.filter((position) => passed.get(position)!.has(compiledStep.step.id));
      const definition = compiledStep.step;
      if (definition.kind === 'distance' && kept.length > 0) {
        const nearestKm = Math.min(...kept.map((position) => distances.get(position)!));
        let radius = definition.initialRadiusKm;
        while (radius < nearestKm && radius < definition.maxRadiusKm) {
          radius = Math.min(radius * definition.growthFactor, definition.maxRadiusKm);
        }
        kept = kept.filter((position) => distances.get(position)! <= radius);
      }
      if (kept.length > 0) candidates = kept;
      else if (compiledStep.required) {
        blocked = true;
        break;
      }
    }
    const eligible = anyone && !blocked;
    const admits = (position: number) =>
      available.has(position) &&
      compiled.requiredSteps.every((required) => passed.get(position)?.has(required.step.id) ?? false);
    const eligibility: RequiredEligibility = {
      admits: (_session, _lead, _existing, position) => admits(position),
      refusal: (_session, _lead, _existing, position) => (admits(position) ? '' : 'fails a required step'),
    };
    const finalists = eligible ? PartnerBits.of(compiled.wordCount, candidates) : null;
    decide(session, lead, existing, finalists, eligibility, null);
  }
  return session.assignments;
}

// ---------------------------------------------------------------------------------------------------------

const NOW = new Date('2026-11-24T15:00:00Z');
const LEADS = 100_000;
/** Leads the peer routes (it evaluates every rule for every available partner, per lead). */
const PEER_LEADS = { 500: 120, 10_000: 8 } as const;
/** Leads per call when traces are on (a trace per lead is kept in memory). */
const TRACED_BATCH = 10_000;

function assertIdentical(ours: readonly LeadDistribution[], theirs: readonly LeadDistribution[], what: string): void {
  const [a, b] = [JSON.stringify(ours), JSON.stringify(theirs)];
  if (a !== b) {
    const index = ours.findIndex((record, at) => JSON.stringify(record) !== JSON.stringify(theirs[at]));
    throw new Error(
      `${what}: the two engines disagree on lead ${index}: ${JSON.stringify(ours[index])} vs ${JSON.stringify(theirs[index])}`,
    );
  }
}

function leadsPerSecond(leads: number, operation: () => unknown, minTimeMs: number): number {
  const timing = measure(operation, { minTimeMs, minRuns: 5, warmupRuns: 2 });
  return (leads * 1000) / timing.p50Ms;
}

async function measureScale(
  program: Program,
  partnerCount: number,
  leads: readonly Lead[],
  log: (line: string) => void,
): Promise<Figure[]> {
  const partners = makePartners(partnerCount, 7 + partnerCount);
  for (const partner of partners.slice(0, 200)) PartnerSchema.parse(partner);
  const state = emptyRoutingState();
  const compileStarted = performance.now();
  compileRouting(program, partners);
  const compileMs = performance.now() - compileStarted;
  log(`${partnerCount} partners compiled in ${compileMs.toFixed(1)} ms`);

  const reference = routeLeads({ program, partners, leads, state, now: NOW, traces: false }).assignments;
  const again = routeLeads({ program, partners, leads, state, now: NOW, traces: false }).assignments;
  assertIdentical(reference, again, 'routing twice');
  const offered = reference.filter((record) => record.status === 'offered').length;
  const sticky = reference.filter((record) => record.status === 'offered' && record.via === 'sticky').length;
  log(`${leads.length} leads: ${offered} offered (${sticky} sticky), ${leads.length - offered} queued`);
  const firstTraced = reference.slice(0, TRACED_BATCH);
  reference.length = 0;
  again.length = 0;

  log('routing, traces off…');
  const untraced = leadsPerSecond(
    leads.length,
    () => routeLeads({ program, partners, leads, state, now: NOW, traces: false }),
    3000,
  );
  log('routing, traces on…');
  const traced = leads.slice(0, TRACED_BATCH);
  const tracedResult = routeLeads({ program, partners, leads: traced, state, now: NOW, traces: true });
  assertIdentical(tracedResult.assignments, firstTraced, 'traces on and off');
  const withTraces = leadsPerSecond(
    traced.length,
    () => routeLeads({ program, partners, leads: traced, state, now: NOW, traces: true }),
    3000,
  );

  const sample = leads.slice(0, PEER_LEADS[partnerCount as keyof typeof PEER_LEADS]);
  log(`json-rules-engine on ${sample.length} leads × ${partnerCount} partners…`);
  const peerStarted = performance.now();
  const peerAssignments = await routeWithRulesEngine(program, partners, sample, state, NOW);
  const peerMs = performance.now() - peerStarted;
  const ours = routeLeads({ program, partners, leads: sample, state, now: NOW, traces: false });
  assertIdentical(ours.assignments, peerAssignments, `json-rules-engine, ${partnerCount} partners`);
  log(`identical assignments for the ${sample.length} leads routed by both`);
  const peerRate = (sample.length * 1000) / peerMs;
  const sampleRate = leadsPerSecond(
    sample.length,
    () => routeLeads({ program, partners, leads: sample, state, now: NOW, traces: false }),
    1000,
  );

  const label = `${partnerCount.toLocaleString('en-US')} partners`;
  return [
    {
      name: `routing decision, ${label}, ${leads.length.toLocaleString('en-US')} leads, traces off`,
      value: untraced,
      unit: 'leads/s',
    },
    {
      name: `routing decision, ${label}, traces on (${TRACED_BATCH.toLocaleString('en-US')}-lead batches)`,
      value: withTraces,
      unit: 'leads/s',
    },
    comparedFigure(
      `same ${sample.length} leads, ${label}, traces off`,
      'leads/s',
      sampleRate,
      'json-rules-engine',
      peerRate,
    ),
    { name: `compile program + ${label}`, value: compileMs, unit: 'ms' },
  ];
}

/** Lead routing against its peer, at 500 and 10,000 partners. */
export const suite: BenchmarkSuite = {
  name: 'lead routing',
  async run(log) {
    const program = benchmarkProgram();
    const leads = makeLeads(LEADS, 2026);
    for (const lead of leads.slice(0, 200)) LeadSchema.parse(lead);
    return [...(await measureScale(program, 500, leads, log)), ...(await measureScale(program, 10_000, leads, log))];
  },
};
