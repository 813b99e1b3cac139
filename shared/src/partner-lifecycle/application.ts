import * as z from 'zod';
import { DisplayNameSchema, RecordIdSchema } from '../common/schemas.js';
import { schemaIssues } from '../program/messages/schema-issues.js';
import { fail, ok, type Result } from '../result/result.js';
import { traceStep } from '../trace/decision-trace.js';
import { change, lifecycleTrace, notify, setPartnerStatus } from './effect-builders.js';
import { byUser } from './record/actor.js';
import type { LifecycleIn } from './record/partner-lifecycle.js';
import { lifecycleMoment } from './transition.js';
import type { LifecycleTransition, LifecycleTransitionContext } from './transition-types.js';
import { partnerWords } from './words.js';

/** A company applying to the program: its partner record's id and name, and who filed the application. */
export const PartnerApplicationSchema = z.strictObject({
  partnerId: RecordIdSchema,
  partnerName: DisplayNameSchema,
  submittedBy: RecordIdSchema,
});
export type PartnerApplication = z.infer<typeof PartnerApplicationSchema>;

/**
 * The lifecycle of a company that applies to the program: an applicant since `now` (version 0, for the
 * repository to create). Its CRM status is set to `applicant` and the channel managers are told.
 *
 * @example
 * const result = applyToProgram({ partnerId: 'p-9', partnerName: 'Contoso', submittedBy: 'u-3' }, { program, now });
 * if (result.success) await lifecycles.save(result.data.next, { expectedVersion: null });
 */
export function applyToProgram(
  input: PartnerApplication,
  context: LifecycleTransitionContext,
): Result<LifecycleTransition> {
  const parsed = PartnerApplicationSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The application'));
  const application = parsed.data;
  const moment = lifecycleMoment(context);
  const next: LifecycleIn<'applicant'> = {
    partnerId: application.partnerId,
    partnerName: application.partnerName,
    appliedAt: moment.at,
    history: [change('applicant', moment.at, byUser(application.submittedBy), null)],
    version: 0,
    status: 'applicant',
  };
  const message = `${partnerWords(next)} applied to ${context.program.name}.`;
  return ok({
    next,
    effects: [
      setPartnerStatus(next.partnerId, 'applicant'),
      notify(next, 'channel_manager', 'application_received', message),
    ],
    trace: lifecycleTrace(next, message, [
      traceStep('application', 'info', message, { submittedBy: application.submittedBy }),
    ]),
  });
}
