import { ok, type Result } from '../../result/result.js';
import { transitionOffer } from '../offers/transition-offer.js';
import type { RoutingEffect } from '../offers/routing-effect.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { loadRoutingContext, requireDistribution } from './routing-context.js';
import type { RoutingPorts } from './routing-ports.js';

/**
 * A partner accepts the lead offered to it, before the deadline; the lead becomes the partner's (effect
 * `confirm_assignment`).
 *
 * @example await acceptLeadOffer(ports, { leadId: 'lead-1', partnerId: 'p-7' })
 */
export async function acceptLeadOffer(
  ports: RoutingPorts,
  request: { leadId: string; partnerId: string },
): Promise<Result<{ record: LeadDistribution; effects: RoutingEffect[] }>> {
  const context = await loadRoutingContext(ports);
  if (!context.success) return context;
  const stored = await requireDistribution(ports, request.leadId);
  if (!stored.success) return stored;
  const { program, now } = context.data;
  const transition = transitionOffer(
    stored.data.record,
    { type: 'accept', partnerId: request.partnerId, at: now },
    program.routing,
  );
  if (!transition.success) return transition;
  const { next, effects } = transition.data;
  const committed = await ports.routing.commit({
    distributions: [{ record: next, expectedVersion: stored.data.version }],
  });
  if (!committed.success) return committed;
  return ok({ record: next, effects });
}
