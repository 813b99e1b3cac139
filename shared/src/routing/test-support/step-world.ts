import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { RoutingStep } from '../../program/schema/routing-policy.js';
import type { DecisionTrace, TraceStep } from '../../trace/decision-trace.js';
import { routeLead } from '../route-leads.js';
import { emptyRoutingState } from '../state/routing-state.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith } from './fixtures.js';

/**
 * Four partners that differ in every attribute a step reads:
 * - Munich: Bavaria only, postal area 80, in Munich, retail, German, security, Gold, technical edr;
 * - Berlin: all of Germany, postal area 10, in Berlin, finance, German and English, cloud migration,
 *   Silver, a sales certification for every product;
 * - Paris: France, Île-de-France, postal area 75, in Paris, French, Registered, an expired siem one;
 * - Hamburg: all of Germany, onboarding, Platinum, technical edr earned tomorrow.
 */
export const STEP_WORLD: readonly Partner[] = [
  partner('munich', {
    name: 'Munich Systems',
    tierId: 'gold',
    coverage: { countries: [], subdivisions: ['DE-BY'], postalPrefixes: ['80'] },
    location: { lat: 48.137, lon: 11.575 },
    industries: ['retail'],
    languages: ['de'],
    specializationIds: ['security'],
    certifications: [{ type: 'technical', product: 'edr', earnedOn: '2025-01-01', expiresOn: null }],
  }),
  partner('berlin', {
    name: 'Berlin Digital',
    tierId: 'silver',
    coverage: { countries: ['DE'], subdivisions: [], postalPrefixes: ['10'] },
    location: { lat: 52.52, lon: 13.405 },
    industries: ['finance'],
    languages: ['de', 'en'],
    specializationIds: ['cloud-migration'],
    certifications: [{ type: 'sales', earnedOn: '2025-01-01', expiresOn: '2026-11-24' }],
  }),
  partner('paris', {
    name: 'Paris Conseil',
    tierId: 'registered',
    coverage: { countries: ['FR'], subdivisions: ['FR-IDF'], postalPrefixes: ['75'] },
    location: { lat: 48.857, lon: 2.352 },
    industries: [],
    languages: ['fr'],
    certifications: [{ type: 'technical', product: 'siem', earnedOn: '2024-01-01', expiresOn: '2026-11-23' }],
  }),
  partner('hamburg', {
    name: 'Hamburg Onboarding',
    status: 'onboarding',
    tierId: 'platinum',
    coverage: { countries: ['DE'], subdivisions: [], postalPrefixes: [] },
    certifications: [{ type: 'technical', product: 'edr', earnedOn: '2026-11-25', expiresOn: null }],
  }),
];

/** A lead with no attributes but its id, for steps to be tested one attribute at a time. */
export function bareLead(id: string, overrides: Partial<Lead> = {}): Lead {
  const { country: _country, product: _product, ...rest } = lead(id);
  return { ...rest, ...overrides };
}

/**
 * Routes one lead through a single step (plus an optional step allowing onboarding partners, first, when
 * asked) and returns the partners left after it (by id: none when a required step left nobody) and the
 * step's trace line.
 */
export function throughStep(
  definition: RoutingStep,
  routed: Lead,
  options: { onboarding?: boolean } = {},
): { kept: string[]; line: TraceStep; trace: DecisionTrace } {
  const steps: RoutingStep[] = options.onboarding
    ? [
        {
          id: 'receiving',
          name: 'Receiving',
          required: false,
          kind: 'partner_status',
          allow: ['active', 'onboarding'],
        },
        definition,
      ]
    : [definition];
  const program = programWith({ ...PLAIN_ROUTING, steps, selection: { kind: 'least_loaded', period: 'day' } });
  const { trace } = routeLead({ program, partners: STEP_WORLD, lead: routed, state: emptyRoutingState(), now: NOW });
  const line = trace.steps.find((found) => found.facts.step === definition.id)!;
  const finalists = trace.steps.find((found) => found.rule === 'finalists');
  const kept = finalists
    ? STEP_WORLD.filter((candidate) => keptBy(trace, candidate.id)).map((candidate) => candidate.id)
    : [];
  return { kept, line, trace };
}

function keptBy(trace: DecisionTrace, partnerId: string): boolean {
  const finalists = trace.steps.find((found) => found.rule === 'finalists')!;
  const top = finalists.facts.top as { partnerId: string }[];
  return top.some((entry) => entry.partnerId === partnerId);
}
