import { ok, type Result } from '../../result/result.js';
import { recycleExpiredOffers, type RecycleExpiredOffersOutput } from '../offers/recycle-expired-offers.js';
import type { StoredDistribution } from './routing-ports.js';
import { conflictsFor, distributionWrites, inRoutingOrder, loadRoutingContext } from './routing-context.js';
import type { RoutingPorts } from './routing-ports.js';

/**
 * The scheduled job: every offer past its SLA expires and its lead is routed again to another partner, or
 * queued for a person after the program's maximum of offers.
 *
 * @example const result = await recycleExpiredLeadOffers(ports); // every 15 minutes
 */
export async function recycleExpiredLeadOffers(
  ports: RoutingPorts,
): Promise<Result<Omit<RecycleExpiredOffersOutput, 'state'>>> {
  const context = await loadRoutingContext(ports);
  if (!context.success) return context;
  const { program, partners, state, stateVersion, now } = context.data;
  const due: StoredDistribution[] = [];
  for await (const page of ports.routing.dueOffers(now)) due.push(...page);
  const leads = inRoutingOrder(await ports.leads.getMany(due.map((stored) => stored.record.leadId)));
  const recycled = recycleExpiredOffers({
    program,
    partners,
    leads,
    distributions: due.map((stored) => stored.record),
    state,
    now,
    conflicts: await conflictsFor(ports, leads),
  });
  const committed = await ports.routing.commit({
    state: { state: recycled.state, expectedVersion: stateVersion },
    distributions: distributionWrites([...recycled.expired, ...recycled.assignments], due),
  });
  if (!committed.success) return committed;
  await ports.traceLog.append(recycled.traces);
  const { expired, assignments, traces, effects } = recycled;
  return ok({ expired, assignments, traces, effects });
}
