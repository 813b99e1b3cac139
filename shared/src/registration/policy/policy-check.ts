import type { Issue } from '../../result/issue.js';
import { traceStep, type JsonValue, type TraceStep } from '../../trace/decision-trace.js';

/**
 * One policy check at submission: the trace step that explains it and, when it fails, the issues that
 * stop the submission (a failed step always carries at least one issue; a passed or skipped one none).
 */
export interface PolicyCheck {
  step: TraceStep;
  issues: Issue[];
}

/** The facts a check looked at, as plain JSON. */
export type Facts = Record<string, JsonValue>;

/** The rules of the registration policy, in the order they are checked. */
export const REGISTRATION_POLICY_RULES = [
  'partner_status',
  'required_fields',
  'minimum_amount',
  'eligible_products',
  'eligible_territory',
  'certifications',
  'registration_cap',
] as const;
/** One rule of the registration policy, as its trace step names it. */
export type RegistrationPolicyRule = (typeof REGISTRATION_POLICY_RULES)[number];

/** A check that held. */
export function passed(rule: RegistrationPolicyRule, message: string, facts: Facts): PolicyCheck {
  return { step: traceStep(rule, 'pass', message, facts), issues: [] };
}

/** A check that did not apply (nothing to check, or the policy sets no such rule). */
export function skipped(rule: RegistrationPolicyRule, message: string, facts: Facts): PolicyCheck {
  return { step: traceStep(rule, 'skip', message, facts), issues: [] };
}

/** A check that failed, with the issues that stop the submission. */
export function failed(
  rule: RegistrationPolicyRule,
  message: string,
  facts: Facts,
  issues: readonly Issue[],
): PolicyCheck {
  if (issues.length === 0) throw new Error('A failed check needs at least one issue.');
  return { step: traceStep(rule, 'fail', message, facts), issues: [...issues] };
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

/** `1 registration`, `3 registrations`. */
export function count(amount: number, one: string, many = `${one}s`): string {
  return `${amount} ${amount === 1 ? one : many}`;
}
