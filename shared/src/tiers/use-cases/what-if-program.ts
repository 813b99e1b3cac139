import { parseProgram } from '../../program/parse-program.js';
import { ok, type Result } from '../../result/result.js';
import { evaluatePartnerTierInputs } from '../evaluation/evaluate-partner-tier.js';
import { createTierEvaluator } from '../evaluation/tier-evaluator.js';
import { createTierMovementTally } from '../what-if/movement-tally.js';
import type { TierWhatIfReport } from '../what-if/what-if-report.js';
import { tierProgramToday, type TierDependencies } from './tier-dependencies.js';

/**
 * What-if: evaluates a draft program against today's data and the partners' current standings, and
 * returns the movement matrix and the partners who would move, changing nothing. The draft is
 * validated first: an invalid one fails with `parseProgram`'s issues. The draft's own movement rules
 * (grace, probation, step) apply, as they would once it is published.
 *
 * @example const report = await whatIfProgram(deps, draftJson); // report.data.matrix.counts
 */
export async function whatIfProgram(
  deps: Pick<TierDependencies, 'programs' | 'clock' | 'standings' | 'inputs'>,
  draft: unknown,
  options: { partnerIds?: readonly string[] } = {},
): Promise<Result<TierWhatIfReport>> {
  const parsed = parseProgram(draft);
  if (!parsed.success) return parsed;
  const today = await tierProgramToday(deps);
  if (!today.success) return today;
  const program = parsed.data;
  const evaluator = createTierEvaluator(program, today.data.today);
  const tally = createTierMovementTally();
  const query = {
    from: evaluator.dataFrom,
    through: evaluator.asOf,
    ...(options.partnerIds ? { partnerIds: options.partnerIds } : {}),
  };
  for await (const page of deps.inputs.scan(query)) {
    const standings = new Map(
      (await deps.standings.getMany(page.map((inputs) => inputs.partnerId))).map((s) => [s.partnerId, s]),
    );
    for (const inputs of page) tally.add(evaluatePartnerTierInputs(evaluator, standings.get(inputs.partnerId), inputs));
  }
  return ok(tally.report(program, evaluator.asOf));
}
