import type { Issue } from '../result/issue.js';
import type { DecisionTrace } from '../trace/decision-trace.js';
import type { MdfEffect } from './effects.js';
import type { MdfPosting } from './ledger/posting.js';

/**
 * The result of an MDF decision: a `Result` (the data, or the issues that refused it) that always
 * carries its explanation, so that a refusal explains itself as well as an approval.
 */
export type MdfDecided<T> = ({ success: true; data: T } | { success: false; issues: Issue[] }) & {
  trace: DecisionTrace;
};

/**
 * What a pure MDF transition returns on success: the next state of its record, the balanced ledger
 * postings to append and the effects for the caller to perform. Transitions that change more than one
 * record add them as further fields (`allocation`, `request`…).
 */
export interface MdfTransition<R> {
  next: R;
  postings: MdfPosting[];
  effects: MdfEffect[];
}

/** A successful decision. */
export function decided<T>(data: T, trace: DecisionTrace): MdfDecided<T> {
  return { success: true, data, trace };
}

/** A refused decision; an empty list of issues is a bug. */
export function refused<T = never>(issues: readonly Issue[], trace: DecisionTrace): MdfDecided<T> {
  if (issues.length === 0) throw new Error('A refused decision needs at least one issue.');
  return { success: false, issues: [...issues], trace };
}
