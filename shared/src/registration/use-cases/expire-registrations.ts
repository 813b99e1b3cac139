import type { Issue } from '../../result/issue.js';
import { calendarDateIn } from '../../time/time-zone.js';
import { transitionRegistration } from '../lifecycle/transition.js';
import type { Registration } from '../registration.js';
import type { RegistrationDependencies } from './dependencies.js';
import type { RegistrationOutcome } from './outcome.js';
import { saveTransition } from './save-transition.js';

/** What a run of the expiry job did: the registrations it expired, and those it left with why. */
export interface ExpiryRun {
  expired: RegistrationOutcome[];
  skipped: { id: string; issues: Issue[] }[];
}

/**
 * Expires every protected registration whose protection ended before today (in the program's time zone),
 * releasing protection and notifying. A registration changed by someone else meanwhile is skipped with a
 * `stale_write` issue and picked up by the next run; running twice expires nothing twice.
 */
export async function expireDueRegistrations(deps: RegistrationDependencies): Promise<ExpiryRun> {
  const program = await deps.program();
  const now = deps.clock.now();
  const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
  const due: Registration[] = [];
  for await (const page of deps.registrations.scan({
    statuses: ['approved', 'extension_requested'],
    protectionEndsBefore: today,
  })) {
    due.push(...page);
  }
  const run: ExpiryRun = { expired: [], skipped: [] };
  for (const registration of due) {
    const result = await saveTransition(
      deps.registrations,
      registration,
      transitionRegistration(registration, { type: 'expire' }, { program, now }),
    );
    if (result.success) run.expired.push(result.data);
    else run.skipped.push({ id: registration.id, issues: result.issues });
  }
  return run;
}
