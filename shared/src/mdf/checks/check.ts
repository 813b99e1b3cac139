import type { Issue } from '../../result/issue.js';
import {
  decisionTrace,
  traceStep,
  type DecisionTrace,
  type JsonValue,
  type TraceSubject,
  type TraceStep,
} from '../../trace/decision-trace.js';

/**
 * One policy check: the trace step that explains it and, when it fails, the issues that refuse the
 * operation (a failed step always carries at least one issue, a passed one none).
 */
export interface MdfCheck {
  step: TraceStep;
  issues: Issue[];
}

type Facts = Record<string, JsonValue>;

/** A check that held. */
export function passed(rule: string, message: string, facts: Facts = {}): MdfCheck {
  return { step: traceStep(rule, 'pass', message, facts), issues: [] };
}

/** A check recorded for the reader, neither passed nor failed (which approval level applies). */
export function noted(rule: string, message: string, facts: Facts = {}): MdfCheck {
  return { step: traceStep(rule, 'info', message, facts), issues: [] };
}

/** A check that did not apply. */
export function skipped(rule: string, message: string, facts: Facts = {}): MdfCheck {
  return { step: traceStep(rule, 'skip', message, facts), issues: [] };
}

/** A check that failed, with the issue that refuses the operation. */
export function failed(rule: string, message: string, facts: Facts, issue: Issue): MdfCheck {
  return { step: traceStep(rule, 'fail', message, facts), issues: [issue] };
}

/** The outcome of a set of checks: the decision's trace and the issues of every failed check. */
export interface MdfVerdict {
  trace: DecisionTrace;
  issues: Issue[];
}

/**
 * Combines checks into one decision: its trace lists every check in order; it passes when no check
 * failed. `accepted` gives the outcome and summary of a pass; a refusal's summary names the failed checks.
 */
export function verdictOf(
  decision: string,
  subject: TraceSubject,
  checks: readonly MdfCheck[],
  accepted: { outcome: string; summary: string },
  refusedOutcome = 'refused',
): MdfVerdict {
  const issues = checks.flatMap((check) => check.issues);
  const steps = checks.map((check) => check.step);
  if (issues.length === 0)
    return { trace: decisionTrace(decision, subject, accepted.outcome, accepted.summary, steps), issues };
  const failedRules = steps.filter((step) => step.result === 'fail').map((step) => step.rule.replaceAll('_', ' '));
  const summary = `Refused: ${failedRules.length} of ${steps.length} ${steps.length === 1 ? 'check' : 'checks'} failed (${failedRules.join(', ')}).`;
  return { trace: decisionTrace(decision, subject, refusedOutcome, summary, steps), issues };
}
