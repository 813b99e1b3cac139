import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { ConflictOfInterest } from '../session/conflicts-of-interest.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { emptyRoutingState, type RoutingState } from '../state/routing-state.js';
import type { RoutingPorts, StoredDistribution } from './routing-ports.js';

/** Everything a routing use case reads before deciding. */
export interface RoutingContext {
  program: Program;
  partners: Partner[];
  state: RoutingState;
  /** The version the state was read at (`null`: never saved). */
  stateVersion: number | null;
  now: Date;
}

/**
 * Reads the program in force, the partners that may receive leads (active and onboarding; the program
 * decides whether onboarding ones do), the routing state and the time.
 */
export async function loadRoutingContext(ports: RoutingPorts): Promise<Result<RoutingContext>> {
  const published = await ports.programs.current();
  if (!published) {
    return fail([issue([], 'program_missing', 'No partner program is published yet, so leads cannot be routed.')]);
  }
  const partners: Partner[] = [];
  for await (const page of ports.partners.scan({ statuses: ['active', 'onboarding'] })) partners.push(...page);
  partners.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stored = await ports.routing.loadState();
  return ok({
    program: published.program,
    partners,
    state: stored?.state ?? emptyRoutingState(),
    stateVersion: stored?.version ?? null,
    now: ports.clock.now(),
  });
}

/** The conflicts of interest for some leads, when the ports provide a source. */
export async function conflictsFor(ports: RoutingPorts, leads: readonly Lead[]): Promise<ConflictOfInterest[]> {
  if (!ports.conflicts || leads.length === 0) return [];
  return ports.conflicts.find({
    leadIds: leads.map((lead) => lead.id),
    accountIds: [...new Set(leads.flatMap((lead) => (lead.accountId === undefined ? [] : [lead.accountId])))],
  });
}

/** Leads in the order routing takes them: oldest first, then by id, whatever order storage returned. */
export function inRoutingOrder(leads: readonly Lead[]): Lead[] {
  return [...leads].sort((a, b) => {
    const created = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    if (created !== 0) return created;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Reads one lead, or explains that it does not exist. */
export async function requireLead(ports: RoutingPorts, leadId: string): Promise<Result<Lead>> {
  const lead = await ports.leads.get(leadId);
  return lead ? ok(lead) : fail([issue(['leadId'], 'lead_not_found', `Lead ${leadId} does not exist.`)]);
}

/** Reads one lead's distribution, or explains that the lead was never routed. */
export async function requireDistribution(ports: RoutingPorts, leadId: string): Promise<Result<StoredDistribution>> {
  const [stored] = await ports.routing.distributions([leadId]);
  return stored
    ? ok(stored)
    : fail([issue(['leadId'], 'lead_not_routed', `Lead ${leadId} has not been routed, so it has no offer.`)]);
}

/** The writes of new or changed distributions, each at the version it was read at (`null`: new). */
export function distributionWrites(
  records: readonly LeadDistribution[],
  stored: readonly StoredDistribution[],
): { record: LeadDistribution; expectedVersion: number | null }[] {
  const versions = new Map(stored.map((entry) => [entry.record.leadId, entry.version]));
  const latest = new Map(records.map((record) => [record.leadId, record]));
  return [...latest.values()].map((record) => ({ record, expectedVersion: versions.get(record.leadId) ?? null }));
}
