import type { Issue } from '../../result/issue.js';
import { ok, type Result } from '../../result/result.js';
import { settleDueTierChange } from '../applying/settle-due-change.js';
import type { TierEffect } from '../applying/tier-effect.js';
import { tierProgramToday, type TierDependencies } from './tier-dependencies.js';

/**
 * The daily job for programs whose changes wait for the next period start: puts every scheduled tier
 * change whose day has come into effect, saves the standings and returns the effects (tier field,
 * benefits, notifications). A refused write is reported and left for the next run.
 */
export async function settleDueTierChanges(
  deps: Pick<TierDependencies, 'programs' | 'clock' | 'standings'>,
): Promise<Result<{ settled: number; effects: TierEffect[]; issues: { partnerId: string; issues: Issue[] }[] }>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const { program, today } = loaded.data;
  const effects: TierEffect[] = [];
  const issues: { partnerId: string; issues: Issue[] }[] = [];
  let settled = 0;
  for await (const page of deps.standings.scan({ scheduledDueBy: today })) {
    for (const standing of page) {
      const due = settleDueTierChange(standing, today, program);
      if (!due) continue;
      const saved = await deps.standings.save(due.next, { expectedVersion: standing.version });
      if (!saved.success) {
        issues.push({ partnerId: standing.partnerId, issues: saved.issues });
        continue;
      }
      settled += 1;
      effects.push(...due.effects);
    }
  }
  return ok({ settled, effects, issues });
}
