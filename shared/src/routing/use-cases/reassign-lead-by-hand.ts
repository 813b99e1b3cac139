import { ok, type Result } from '../../result/result.js';
import { reassignLead, type ReassignLeadOutput } from '../offers/reassign-lead.js';
import { conflictsFor, loadRoutingContext, requireLead } from './routing-context.js';
import type { RoutingPorts } from './routing-ports.js';

/**
 * A channel manager offers a lead to a partner of their choice, with a reason; the trace of the manual
 * decision goes to the audit log.
 *
 * @example await reassignLeadByHand(ports, { leadId: 'lead-1', partnerId: 'p-9', by: 'user-3', reason: 'Named account' })
 */
export async function reassignLeadByHand(
  ports: RoutingPorts,
  request: { leadId: string; partnerId: string; by: string; reason: string },
): Promise<Result<Omit<ReassignLeadOutput, 'state'>>> {
  const context = await loadRoutingContext(ports);
  if (!context.success) return context;
  const lead = await requireLead(ports, request.leadId);
  if (!lead.success) return lead;
  const [stored] = await ports.routing.distributions([request.leadId]);
  const { program, partners, state, stateVersion, now } = context.data;
  const reassigned = reassignLead({
    program,
    partners,
    lead: lead.data,
    ...(stored ? { distribution: stored.record } : {}),
    state,
    now,
    partnerId: request.partnerId,
    manual: { by: request.by, reason: request.reason },
    conflicts: await conflictsFor(ports, [lead.data]),
  });
  if (!reassigned.success) return reassigned;
  const committed = await ports.routing.commit({
    state: { state: reassigned.data.state, expectedVersion: stateVersion },
    distributions: [{ record: reassigned.data.assignment, expectedVersion: stored?.version ?? null }],
  });
  if (!committed.success) return committed;
  await ports.traceLog.append([reassigned.data.trace]);
  const { assignment, trace, effects } = reassigned.data;
  return ok({ assignment, trace, effects });
}
