import type { Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { RegistrationTransition } from '../lifecycle/transition-types.js';
import type { RegistrationRepository } from '../ports.js';
import type { Registration } from '../registration.js';
import { refused, type RegistrationResult } from './outcome.js';

/**
 * Saves the outcome of one or more accepted transitions of `current`, refusing a write the repository
 * finds stale, and returns the saved record with its new version, the effects and the traces.
 */
export async function saveTransition(
  registrations: RegistrationRepository,
  current: Registration,
  transition: Result<RegistrationTransition>,
  traces: readonly DecisionTrace[] = [],
): Promise<RegistrationResult> {
  if (!transition.success) return refused(transition.issues, traces);
  const { next, effects } = transition.data;
  const saved = await registrations.save(next, { expectedVersion: current.version });
  if (!saved.success) return refused(saved.issues, traces);
  return {
    success: true,
    data: { registration: { ...next, version: saved.data.version }, effects, traces: [...traces] },
  };
}

/** Chains two transitions: the second starts from the first's next state, and their effects add up. */
export function thenTransition(
  first: Result<RegistrationTransition>,
  second: (next: Registration) => Result<RegistrationTransition>,
): Result<RegistrationTransition> {
  if (!first.success) return first;
  const after = second(first.data.next);
  if (!after.success) return after;
  return { success: true, data: { next: after.data.next, effects: [...first.data.effects, ...after.data.effects] } };
}
