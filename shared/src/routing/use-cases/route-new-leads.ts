import type { Lead } from '../../entities/lead.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import { effectsOfRouting, type RoutingEffect } from '../offers/routing-effect.js';
import { routeLeads } from '../route-leads.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { conflictsFor, inRoutingOrder, loadRoutingContext } from './routing-context.js';
import type { RoutingPorts } from './routing-ports.js';

/** Which leads to route: named ones, or every lead created since an instant. */
export type NewLeadsSelection = { leadIds: readonly string[] } | { createdSince: string };

/** What routing new leads did. */
export interface RoutedLeads {
  assignments: LeadDistribution[];
  traces: DecisionTrace[];
  effects: RoutingEffect[];
}

/**
 * Routes the selected leads that were never routed (oldest first) and commits the state and their
 * distributions together (a concurrent run makes it fail with `stale_write`: read again and retry), keeps
 * the traces in the audit log and returns the offers to send and the queues to notify.
 *
 * @example const result = await routeNewLeads(ports, { createdSince: '2026-11-24T00:00:00Z' });
 */
export async function routeNewLeads(ports: RoutingPorts, selection: NewLeadsSelection): Promise<Result<RoutedLeads>> {
  const context = await loadRoutingContext(ports);
  if (!context.success) return context;
  let found: Lead[] = [];
  if ('leadIds' in selection) {
    found = await ports.leads.getMany(selection.leadIds);
    const missing = selection.leadIds.filter((id) => !found.some((lead) => lead.id === id));
    if (missing.length > 0) {
      return fail(missing.map((id) => issue(['leadIds'], 'lead_not_found', `Lead ${id} does not exist.`)));
    }
  } else {
    for await (const page of ports.leads.scan({ createdSince: selection.createdSince })) found.push(...page);
  }
  const routedBefore = new Set(
    (await ports.routing.distributions(found.map((lead) => lead.id))).map((stored) => stored.record.leadId),
  );
  const leads = inRoutingOrder(found.filter((lead) => !routedBefore.has(lead.id)));
  const { program, partners, state, stateVersion, now } = context.data;
  const routed = routeLeads({ program, partners, leads, state, now, conflicts: await conflictsFor(ports, leads) });
  const committed = await ports.routing.commit({
    state: { state: routed.state, expectedVersion: stateVersion },
    distributions: routed.assignments.map((record) => ({ record, expectedVersion: null })),
  });
  if (!committed.success) return committed;
  await ports.traceLog.append(routed.traces);
  return ok({
    assignments: routed.assignments,
    traces: routed.traces,
    effects: routed.assignments.flatMap(effectsOfRouting),
  });
}
