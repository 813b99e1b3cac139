import * as z from 'zod';

/** A JSON value: what a fact may hold so that a trace crosses every boundary unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/**
 * How one rule came out:
 * - `pass`: the rule held (a criterion met, a candidate kept, a check passed);
 * - `fail`: the rule did not hold (a criterion unmet, a candidate removed, a check failed);
 * - `skip`: the rule was not applied (an optional step that would have left nobody);
 * - `info`: a fact recorded for the reader, neither pass nor fail (a finalist's score).
 */
export const TraceResultSchema = z.enum(['pass', 'fail', 'skip', 'info']);
export type TraceResult = z.infer<typeof TraceResultSchema>;

/** One rule applied during a decision: the rule, the facts it looked at, how it came out, a sentence. */
export const TraceStepSchema = z.strictObject({
  rule: z.string().min(1),
  facts: z.record(z.string(), JsonValueSchema),
  result: TraceResultSchema,
  message: z.string().min(1),
});
export type TraceStep = z.infer<typeof TraceStepSchema>;

/** What a decision was about: a record of some type, by id. */
export const TraceSubjectSchema = z.strictObject({
  type: z.string().min(1),
  id: z.string().min(1),
});
export type TraceSubject = z.infer<typeof TraceSubjectSchema>;

/**
 * The explanation every automated decision returns (conflict verdict, routing choice, tier proposal,
 * MDF check, program validation): which decision, about what, its outcome, a one-sentence summary and
 * the rules applied in order. UIs show it; the audit log keeps it.
 *
 * @example
 * {
 *   decision: 'routing.assignment',
 *   subject: { type: 'lead', id: 'lead-1' },
 *   outcome: 'assigned',
 *   summary: 'Assigned to Northwind by weighted round robin among 3 finalists.',
 *   steps: [{ rule: 'territory', facts: { before: 500, after: 12 }, result: 'pass', message: '…' }],
 * }
 */
export const DecisionTraceSchema = z.strictObject({
  decision: z.string().min(1),
  subject: TraceSubjectSchema,
  outcome: z.string().min(1),
  summary: z.string().min(1),
  steps: z.array(TraceStepSchema),
});
export type DecisionTrace = z.infer<typeof DecisionTraceSchema>;

/** Builds a trace step. */
export function traceStep(
  rule: string,
  result: TraceResult,
  message: string,
  facts: Record<string, JsonValue> = {},
): TraceStep {
  return { rule, facts, result, message };
}

/** Builds a decision trace from its parts. */
export function decisionTrace(
  decision: string,
  subject: TraceSubject,
  outcome: string,
  summary: string,
  steps: readonly TraceStep[],
): DecisionTrace {
  return { decision, subject: { ...subject }, outcome, summary, steps: [...steps] };
}

/** The steps of a trace that came out as `result`, e.g. the unmet criteria of a tier proposal. */
export function stepsWithResult(trace: DecisionTrace, result: TraceResult): TraceStep[] {
  return trace.steps.filter((step) => step.result === result);
}
