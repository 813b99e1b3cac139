import type { DecisionTrace, Issue } from '@conduit/core';
import { errorBody, statusOfIssues } from './errors.js';
import type { Answer } from './idempotent.js';

/** The outcome of a core use case: data, or issues with the traces of the decisions behind them. */
export type UseCaseResult<T> =
  { success: true; data: T } | { success: false; issues: Issue[]; traces?: DecisionTrace[] };

/** The HTTP answer to a use case's result: `status` with the (presented) data, or a refusal. */
export function answerOf<T>(
  result: UseCaseResult<T>,
  status = 200,
  present: (data: T) => unknown = (data) => data,
): Answer {
  return result.success
    ? { status, body: present(result.data) }
    : { status: statusOfIssues(result.issues), body: errorBody(result.issues, result.traces ?? []) };
}

/** The traces of a use case's result, whichever way it went. */
export function tracesOf(result: UseCaseResult<unknown>): DecisionTrace[] {
  if (!result.success) return result.traces ?? [];
  const data = result.data as { traces?: DecisionTrace[] } | undefined;
  return data?.traces ?? [];
}
