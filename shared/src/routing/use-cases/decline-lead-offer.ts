import { ok, type Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import { applyOfferEvent } from '../offers/apply-offer-event.js';
import { effectsOfRouting, type RoutingEffect } from '../offers/routing-effect.js';
import { routeLeads } from '../route-leads.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { conflictsFor, loadRoutingContext, requireDistribution, requireLead } from './routing-context.js';
import type { RoutingPorts } from './routing-ports.js';

/**
 * A partner declines the lead offered to it: the partner is excluded from that lead, and the lead is routed
 * again at once (or queued for a person after the program's maximum of offers).
 *
 * @example await declineLeadOffer(ports, { leadId: 'lead-1', partnerId: 'p-7', reason: 'Outside our region' })
 */
export async function declineLeadOffer(
  ports: RoutingPorts,
  request: { leadId: string; partnerId: string; reason: string },
): Promise<Result<{ record: LeadDistribution; effects: RoutingEffect[]; traces: DecisionTrace[] }>> {
  const context = await loadRoutingContext(ports);
  if (!context.success) return context;
  const stored = await requireDistribution(ports, request.leadId);
  if (!stored.success) return stored;
  const { state, stateVersion, program, partners, now } = context.data;
  const applied = applyOfferEvent(
    state,
    stored.data.record,
    { type: 'decline', partnerId: request.partnerId, at: now, reason: request.reason },
    program.routing,
  );
  if (!applied.success) return applied;
  let { record, state: next } = applied.data;
  const effects = [...applied.data.effects];
  let traces: DecisionTrace[] = [];
  if (record.status === 'rerouting') {
    const lead = await requireLead(ports, request.leadId);
    if (!lead.success) return lead;
    const conflicts = await conflictsFor(ports, [lead.data]);
    const routed = routeLeads({
      program,
      partners,
      leads: [lead.data],
      distributions: [record],
      state: next,
      now,
      conflicts,
    });
    record = routed.assignments[0]!;
    next = routed.state;
    traces = routed.traces;
    effects.push(...effectsOfRouting(record));
  }
  const committed = await ports.routing.commit({
    state: { state: next, expectedVersion: stateVersion },
    distributions: [{ record, expectedVersion: stored.data.version }],
  });
  if (!committed.success) return committed;
  await ports.traceLog.append(traces);
  return ok({ record, effects, traces });
}
