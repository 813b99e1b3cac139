import type { Issue } from '../../result/issue.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { RegistrationEffect } from '../lifecycle/registration-effect.js';
import type { Registration } from '../registration.js';

/** What a registration use case did: the record as saved, the effects to perform and the decisions' traces. */
export interface RegistrationOutcome {
  registration: Registration;
  effects: RegistrationEffect[];
  traces: DecisionTrace[];
}

/**
 * The result of a registration use case. A refusal keeps the traces of the decisions that led to it (a
 * failed policy check, an unresolved conflict) so that the audit log can record them.
 */
export type RegistrationResult<T = RegistrationOutcome> =
  { success: true; data: T } | { success: false; issues: Issue[]; traces: DecisionTrace[] };

/** A refusal with its issues and the traces behind it. */
export function refused(
  issues: readonly Issue[],
  traces: readonly DecisionTrace[] = [],
): { success: false; issues: Issue[]; traces: DecisionTrace[] } {
  return { success: false, issues: [...issues], traces: [...traces] };
}
