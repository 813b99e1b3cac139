import { traceStep, type DecisionTrace } from '../../trace/decision-trace.js';
import { checkConflicts } from '../conflicts/check-conflicts.js';
import { transitionRegistration } from '../lifecycle/transition.js';
import type { RegistrationDependencies } from './dependencies.js';
import { parseInput, ReviewRegistrationInputSchema } from './inputs.js';
import { loadForUpdate } from './load-for-update.js';
import type { RegistrationResult } from './outcome.js';
import { saveTransition, thenTransition } from './save-transition.js';

/**
 * A channel manager's review: start reviewing, ask the partner for information, reject with a reason, or
 * approve. Approval runs the conflict check again on today's data and records its summary; a registration
 * still in conflict is approved only with a stated override, which the trace keeps.
 */
export async function reviewRegistration(deps: RegistrationDependencies, input: unknown): Promise<RegistrationResult> {
  const parsed = parseInput(ReviewRegistrationInputSchema, input);
  if (!parsed.success) return parsed;
  const { id, expectedVersion, decision } = parsed.data;
  const loaded = await loadForUpdate(deps.registrations, id, expectedVersion);
  if (!loaded.success) return loaded;
  const registration = loaded.data;
  const program = await deps.program();
  const now = deps.clock.now();
  const context = { program, now };

  if (decision.type !== 'approve') {
    return saveTransition(deps.registrations, registration, transitionRegistration(registration, decision, context));
  }

  const candidates = await deps.candidates.forCustomer(registration.details.customer, registration.partnerId, program);
  const conflicts = checkConflicts(registration, candidates, context);
  const overridden = conflicts.verdict === 'conflict' && decision.overrideConflict !== undefined;
  const trace: DecisionTrace = overridden
    ? {
        ...conflicts.trace,
        steps: [
          ...conflicts.trace.steps,
          traceStep(
            'conflict_override',
            'info',
            `${decision.by} approved over the conflict: ${decision.overrideConflict!.reason}`,
            {
              by: decision.by,
              reason: decision.overrideConflict!.reason,
            },
          ),
        ],
      }
    : conflicts.trace;
  const summary = { verdict: conflicts.verdict, checkedAt: now.toISOString(), matches: conflicts.matches.length };
  // The re-check is recorded first, so the approval is judged on today's verdict: a conflict needs the override.
  const transition = thenTransition(
    transitionRegistration(registration, { type: 'recheck_conflict', conflict: summary }, context),
    (rechecked) => transitionRegistration(rechecked, decision, context),
  );
  return saveTransition(deps.registrations, registration, transition, [trace]);
}
