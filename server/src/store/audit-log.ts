import type { DecisionTrace } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** One entry of the audit log: a decision's trace, when it was recorded and on whose request. */
export interface AuditEntry {
  seq: string;
  recordedAt: string;
  actor: string | null;
  trace: DecisionTrace;
}

/** The tenant's audit log: every automated decision with its trace, by the record it was about. */
export function auditLog(db: Kysely<Database>, tenantId: string) {
  return {
    /** Appends decisions' traces (in order) at `at`, on behalf of `actor`. */
    async record(traces: readonly DecisionTrace[], at: Date, actor: string | null): Promise<void> {
      if (traces.length === 0) return;
      await db
        .insertInto('audit_log')
        .values(
          traces.map((trace) => ({
            tenant_id: tenantId,
            recorded_at: at,
            decision: trace.decision,
            subject_type: trace.subject.type,
            subject_id: trace.subject.id,
            outcome: trace.outcome,
            actor,
            trace: trace,
          })),
        )
        .execute();
    },

    /** The decisions about one record, oldest first, at most `limit`. */
    async forSubject(type: string, id: string, limit = 200): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .select(['seq', 'recorded_at', 'actor', 'trace'])
        .where('tenant_id', '=', tenantId)
        .where('subject_type', '=', type)
        .where('subject_id', '=', id)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        seq: String(row.seq),
        recordedAt: row.recorded_at.toISOString(),
        actor: row.actor,
        trace: row.trace as unknown as DecisionTrace,
      }));
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
