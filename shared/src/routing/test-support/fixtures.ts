import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import { parseProgram } from '../../program/parse-program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { Program } from '../../program/schema/program.js';
import type { RoutingPolicy } from '../../program/schema/routing-policy.js';

/** A partner with sensible defaults: active, Gold, covering Germany, certified for `edr`. */
export function partner(id: string, overrides: Partial<Partner> = {}): Partner {
  return {
    id,
    name: overrides.name ?? `Partner ${id}`,
    status: 'active',
    tierId: 'gold',
    specializationIds: [],
    coverage: { countries: ['DE'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['de'],
    certifications: [{ type: 'technical', product: 'edr', earnedOn: '2025-01-01', expiresOn: null }],
    version: 1,
    ...overrides,
  };
}

/** A lead with sensible defaults: in Berlin, for product `edr`. */
export function lead(id: string, overrides: Partial<Lead> = {}): Lead {
  return {
    id,
    createdAt: '2026-11-24T09:00:00Z',
    company: `Company ${id}`,
    country: 'DE',
    product: 'edr',
    version: 1,
    ...overrides,
  };
}

/** The demo program, parsed. */
export function demoProgram(): Program {
  const result = parseProgram(demoProgramInput());
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

/**
 * The demo program with its routing section replaced in part; parsed, so that every test program is one
 * `parseProgram` accepts.
 */
export function programWith(routing: Partial<RoutingPolicy>, timeZone = 'UTC'): Program {
  const input = demoProgramInput() as { routing: Record<string, unknown>; fiscalCalendar: Record<string, unknown> };
  input.routing = { ...input.routing, ...routing };
  input.fiscalCalendar = { ...input.fiscalCalendar, timeZone };
  const result = parseProgram(input);
  if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.data;
}

/** Routing with no caps worth speaking of, calendar-hour SLAs and a queue fallback: a plain base for tests. */
export const PLAIN_ROUTING: Omit<RoutingPolicy, 'steps'> = {
  selection: { kind: 'weighted_round_robin' },
  capacity: { periods: 'calendar', weekStartsOn: 'monday', perPartner: null, perTier: [] },
  sticky: { enabled: false, lookbackDays: 30 },
  offers: { slaHours: 24, slaClock: 'calendar_hours', maxAttempts: 3 },
  fallback: { kind: 'queue', queueId: 'channel-desk', name: 'Channel desk' },
};

/** A required or optional step of a kind, with an id and name derived from the kind. */
export function step<K extends RoutingPolicy['steps'][number]['kind']>(
  kind: K,
  required: boolean,
  extra: Omit<Extract<RoutingPolicy['steps'][number], { kind: K }>, 'id' | 'name' | 'required' | 'kind'>,
  id: string = kind.replace(/_/g, '-'),
): Extract<RoutingPolicy['steps'][number], { kind: K }> {
  return { id, name: id, required, kind, ...extra } as Extract<RoutingPolicy['steps'][number], { kind: K }>;
}

/** Monday 24 November 2026, 09:00 UTC. */
export const NOW = new Date('2026-11-24T09:00:00Z');
