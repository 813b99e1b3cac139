import { issue } from '../../result/issue.js';
import { calendarDateIn } from '../../time/time-zone.js';
import { checkConflicts } from '../conflicts/check-conflicts.js';
import { transitionRegistration } from '../lifecycle/transition.js';
import { checkRegistrationPolicy } from '../policy/index.js';
import { OPEN_STATUSES, type Registration } from '../registration.js';
import type { RegistrationDependencies } from './dependencies.js';
import { parseInput, SubmitRegistrationInputSchema } from './inputs.js';
import { loadForUpdate } from './load-for-update.js';
import { refused, type RegistrationResult } from './outcome.js';
import { saveTransition } from './save-transition.js';

async function openRegistrationsOf(deps: RegistrationDependencies, registration: Registration): Promise<number> {
  let count = 0;
  for await (const page of deps.registrations.scan({ partnerIds: [registration.partnerId], statuses: OPEN_STATUSES })) {
    count += page.filter((other) => other.id !== registration.id).length;
  }
  return count;
}

/**
 * Submits a draft (or a registration sent back for information): the program's policy checks first (a
 * failure leaves the registration as it was and returns every issue with the policy trace), then the
 * conflict check against other partners' registrations, the partner's own and direct sales, whose summary
 * is recorded on the registration; the traces of both go back to the caller for the audit log.
 */
export async function submitRegistration(deps: RegistrationDependencies, input: unknown): Promise<RegistrationResult> {
  const parsed = parseInput(SubmitRegistrationInputSchema, input);
  if (!parsed.success) return parsed;
  const loaded = await loadForUpdate(deps.registrations, parsed.data.id, parsed.data.expectedVersion);
  if (!loaded.success) return loaded;
  const registration = loaded.data;
  const program = await deps.program();
  const now = deps.clock.now();
  const partner = await deps.partners.get(registration.partnerId);
  if (!partner)
    return refused([issue(['partnerId'], 'not_found', `No partner has the id "${registration.partnerId}".`)]);

  const policy = checkRegistrationPolicy({
    registration,
    program,
    partner,
    openRegistrations: await openRegistrationsOf(deps, registration),
    today: calendarDateIn(now, program.fiscalCalendar.timeZone),
  });
  if (!policy.passed) return refused(policy.issues, [policy.trace]);

  const context = await deps.candidates.forCustomer(registration.details.customer, registration.partnerId, program);
  const conflicts = checkConflicts(registration, context, { program, now });
  const transition = transitionRegistration(
    registration,
    {
      type: 'submit',
      conflict: { verdict: conflicts.verdict, checkedAt: now.toISOString(), matches: conflicts.matches.length },
    },
    { program, now },
  );
  return saveTransition(deps.registrations, registration, transition, [policy.trace, conflicts.trace]);
}
