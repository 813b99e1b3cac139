import type { LeadFacts } from '../steps/lead-values.js';
import type { JsonValue } from '../../trace/decision-trace.js';
import type { CompiledStep } from '../compile/compiled-step.js';
import { kmOfHaversine } from '../compile/partner-locations.js';
import type { RoutingSession } from '../session/routing-session.js';
import { leadCountry } from '../steps/lead-values.js';
import { alternatives, kilometres } from './words.js';

/** What a step matched the lead on: a value for the facts and words for the sentence. */
export interface StepMatch {
  value: JsonValue;
  words: string;
}

function leadValue(value: string | undefined, missing: string, describe = (text: string) => text): StepMatch {
  return value === undefined ? { value: null, words: `the lead has no ${missing}` } : { value, words: describe(value) };
}

/** What a step compared for this lead, as the trace reports it. */
export function describeMatch(session: RoutingSession, step: CompiledStep, lead: LeadFacts): StepMatch {
  const definition = step.step;
  switch (definition.kind) {
    case 'partner_status':
      return { value: [...definition.allow], words: `status ${alternatives(definition.allow)}` };
    case 'territory': {
      if (definition.match === 'subdivision') return leadValue(lead.subdivision, 'subdivision');
      const country = leadCountry(lead);
      if (country === undefined) return { value: null, words: 'the lead has no country' };
      return {
        value: country,
        words: lead.subdivision === undefined ? country : `${country}, or all of ${lead.subdivision}`,
      };
    }
    case 'postal_prefix':
      return leadValue(lead.postalCode, 'postal code', (code) => `postal code ${code}`);
    case 'distance': {
      if (!session.hasLeadPosition) return { value: null, words: 'the lead has no location' };
      const radii = step.radiiKm!;
      if (session.reachRadius < 0) {
        return { value: null, words: `nobody within ${kilometres(radii[radii.length - 1]!)}` };
      }
      const radius = radii[session.reachRadius]!;
      const searched = session.reachRadius === 0 ? '' : `, widened from ${kilometres(radii[0]!)}`;
      return {
        value: radius,
        words: `within ${kilometres(radius)}${searched}; nearest at ${kilometres(kmOfHaversine(session.nearestHaversine))}`,
      };
    }
    case 'industry':
      return leadValue(lead.industry, 'industry', (industry) => `industry ${industry}`);
    case 'language':
      return leadValue(lead.language, 'language', (language) => `language ${language}`);
    case 'specialization':
      if (definition.specializationIds) {
        return {
          value: [...definition.specializationIds],
          words: `specialization ${alternatives(definition.specializationIds)}`,
        };
      }
      return leadValue(lead.specializationId, 'specialization', (id) => `specialization ${id}`);
    case 'minimum_tier': {
      const tier = session.compiled.program.tiers.find((candidate) => candidate.id === definition.tierId);
      return { value: definition.tierId, words: `tier ${tier?.name ?? definition.tierId} or above` };
    }
    case 'certification': {
      const type = step.certificationType === null ? '' : `, ${step.certificationType} certification`;
      return leadValue(lead.product, 'product', (product) => `product ${product}${type}`);
    }
  }
}
