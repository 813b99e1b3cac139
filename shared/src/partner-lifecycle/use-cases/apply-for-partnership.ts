import { issue } from '../../result/issue.js';
import { fail, type Result } from '../../result/result.js';
import { applyToProgram, type PartnerApplication } from '../application.js';
import type { PartnerLifecycleDependencies } from '../ports.js';
import { LIFECYCLE_STATUS_WORDS } from '../words.js';
import { saveLifecycleTransition, type LifecycleOutcome } from './lifecycle-outcome.js';

/**
 * Records a company's application to the program: a new lifecycle in `applicant`. A partner that already
 * has a lifecycle is refused with `already_applied` (its record says where it stands).
 */
export async function applyForPartnership(
  deps: PartnerLifecycleDependencies,
  application: PartnerApplication,
): Promise<Result<LifecycleOutcome>> {
  const existing = await deps.lifecycles.get(application.partnerId);
  if (existing) {
    return fail([
      issue(
        ['partnerId'],
        'already_applied',
        `Partner ${application.partnerId} already has a lifecycle: it is ${LIFECYCLE_STATUS_WORDS[existing.status]} since ${existing.history[existing.history.length - 1]!.at}.`,
      ),
    ]);
  }
  const program = await deps.program();
  return saveLifecycleTransition(
    deps.lifecycles,
    applyToProgram(application, { program, now: deps.clock.now() }),
    null,
  );
}
