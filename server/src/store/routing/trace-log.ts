import type { Clock, DecisionTraceLog } from '@conduit/core';
import type { AuditLog } from '../audit-log.js';

/**
 * The routing engine's `DecisionTraceLog` over the tenant's audit log: each trace is appended (in order)
 * at the clock's time, on behalf of `actor`, through the same executor as the audit log, so that inside a
 * transaction the traces land or vanish with the routing writes they explain.
 */
export function auditTraceLog(audit: AuditLog, clock: Clock, actor: string | null): DecisionTraceLog {
  return { append: (traces) => audit.record(traces, clock.now(), actor) };
}
