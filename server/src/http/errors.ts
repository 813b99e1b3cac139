import type { DecisionTrace, Issue } from '@conduit/core';

/** Codes that describe a malformed request (a field's shape), answered with 400. */
const SHAPE_CODES = new Set([
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'not_multiple_of',
  'invalid_format',
  'invalid_value',
  'invalid_date',
  'unknown_field',
  'unknown_currency',
  'unknown_country',
  'unknown_subdivision',
  'unknown_territory',
  'invalid_time_zone',
  'blank',
  'untrimmed',
  'duplicate_value',
  'invalid',
  'invalid_json',
  'idempotency_key_required',
]);

/** The body of every refusal: the main code, a sentence, every issue, and the traces of decisions made. */
export interface ErrorBody {
  error: string;
  message: string;
  issues: Issue[];
  traces?: DecisionTrace[];
}

/**
 * The HTTP status of a refusal: 404 when something named does not exist, 409 for a write based on a stale
 * read (or a request still running), 400 when every issue is about the request's shape, 422 for a
 * well-formed request the rules refuse.
 */
export function statusOfIssues(issues: readonly Issue[]): number {
  const codes = issues.map((issue) => issue.code);
  if (codes.includes('not_found')) return 404;
  if (codes.includes('stale_write') || codes.includes('request_in_progress')) return 409;
  if (codes.length > 0 && codes.every((code) => SHAPE_CODES.has(code))) return 400;
  return 422;
}

/** The body of a refusal from its issues (and traces). */
export function errorBody(issues: readonly Issue[], traces: readonly DecisionTrace[] = []): ErrorBody {
  const [first] = issues;
  return {
    error: first?.code ?? 'refused',
    message: first?.message ?? 'The request was refused.',
    issues: [...issues],
    ...(traces.length > 0 ? { traces: [...traces] } : {}),
  };
}

/** A refusal with one issue. */
export function refusal(code: string, message: string, path: (string | number)[] = []): ErrorBody {
  return errorBody([{ path, code, message }]);
}
