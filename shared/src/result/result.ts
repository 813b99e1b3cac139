import type { Issue } from './issue.js';

/**
 * The outcome of an operation whose failures are expected business outcomes rather than bugs:
 * either the data, or the issues that prevented it. Bugs throw; this never does.
 */
export type Result<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** Wraps data as a successful result. */
export function ok<T>(data: T): Result<T> {
  return { success: true, data };
}

/** Wraps issues as a failed result. An empty list is a bug, not a failure. */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  if (issues.length === 0) throw new Error('A failed result needs at least one issue.');
  return { success: false, issues: [...issues] };
}
