import type { Issue } from '../../result/issue.js';
import { calendarDateIn } from '../../time/time-zone.js';
import { overdueMilestones } from '../milestones/milestone-progress.js';
import type { PartnerLifecycleDependencies } from '../ports.js';
import { transitionPartnerLifecycle } from '../transition.js';
import { saveLifecycleTransition, type LifecycleOutcome } from './lifecycle-outcome.js';

/** What the overdue-milestone job did: the partners it reported on, and those it could not save. */
export interface OverdueMilestonesRun {
  /** The program day the job ran for. */
  today: string;
  flagged: LifecycleOutcome[];
  failed: { partnerId: string; issues: Issue[] }[];
}

/**
 * The scheduler's daily job: for every onboarding or active partner with milestones newly past their due
 * day, reports them once (`flag_overdue_milestones`) and saves. A partner whose record changed meanwhile
 * (`stale_write`) is left for the next run and listed in `failed`; nothing else stops the run.
 */
export async function flagOverdueOnboardingMilestones(
  deps: PartnerLifecycleDependencies,
): Promise<OverdueMilestonesRun> {
  const program = await deps.program();
  const now = deps.clock.now();
  const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
  const run: OverdueMilestonesRun = { today, flagged: [], failed: [] };
  for await (const page of deps.lifecycles.scan({ statuses: ['onboarding', 'active'] })) {
    for (const lifecycle of page) {
      if (lifecycle.status !== 'onboarding' && lifecycle.status !== 'active') continue;
      const fresh = overdueMilestones(lifecycle.onboarding.milestones, today).filter(
        (milestone) => milestone.overdueFlaggedOn === null,
      );
      if (fresh.length === 0) continue;
      const transition = transitionPartnerLifecycle(lifecycle, { type: 'flag_overdue_milestones' }, { program, now });
      const outcome = await saveLifecycleTransition(deps.lifecycles, transition, lifecycle.version);
      if (outcome.success) run.flagged.push(outcome.data);
      else run.failed.push({ partnerId: lifecycle.partnerId, issues: outcome.issues });
    }
  }
  return run;
}
