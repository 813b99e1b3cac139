import type { DecisionTrace } from '@conduit/core';

/** A decision recorded in the audit log: when, on whose behalf, and its trace. */
export interface DemoAuditEntry {
  at: string;
  actor: string | null;
  trace: DecisionTrace;
}
