import type { Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { PartnerLifecycleEffect } from '../lifecycle-effect.js';
import type { PartnerLifecycleRepository } from '../ports.js';
import type { PartnerLifecycle } from '../record/partner-lifecycle.js';
import type { LifecycleTransition } from '../transition-types.js';

/** What a lifecycle use case did: the record as saved (with its new version), the effects to perform, and why. */
export interface LifecycleOutcome {
  lifecycle: PartnerLifecycle;
  effects: PartnerLifecycleEffect[];
  trace: DecisionTrace;
}

/**
 * Saves an accepted transition with the version that was read (`null` to create), refusing a write the
 * repository finds stale, and returns the saved record with its new version, the effects and the trace.
 */
export async function saveLifecycleTransition(
  lifecycles: PartnerLifecycleRepository,
  transition: Result<LifecycleTransition>,
  expectedVersion: number | null,
): Promise<Result<LifecycleOutcome>> {
  if (!transition.success) return transition;
  const { next, effects, trace } = transition.data;
  const saved = await lifecycles.save(next, { expectedVersion });
  if (!saved.success) return saved;
  return { success: true, data: { lifecycle: { ...next, version: saved.data.version }, effects, trace } };
}
