import { fail, ok, type Result } from '../../result/result.js';
import { evaluatePartnerTierInputs } from '../evaluation/evaluate-partner-tier.js';
import { createTierEvaluator } from '../evaluation/tier-evaluator.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import { tierProgramToday, unknownPartner, type TierDependencies } from './tier-dependencies.js';

/**
 * Evaluates one partner today and returns its proposal with the explanation, changing nothing: what a
 * partner's page or a channel manager's "evaluate now" shows. Fails with `no_program` or
 * `unknown_partner`.
 *
 * @example const result = await evaluateOnePartner(deps, 'p-1'); // result.data.trace.summary
 */
export async function evaluateOnePartner(
  deps: Pick<TierDependencies, 'programs' | 'clock' | 'standings' | 'inputs'>,
  partnerId: string,
): Promise<Result<TierProposal>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const evaluator = createTierEvaluator(loaded.data.program, loaded.data.today);
  for await (const page of deps.inputs.scan({
    from: evaluator.dataFrom,
    through: evaluator.asOf,
    partnerIds: [partnerId],
  })) {
    const inputs = page.find((candidate) => candidate.partnerId === partnerId);
    if (inputs) return ok(evaluatePartnerTierInputs(evaluator, await deps.standings.get(partnerId), inputs));
  }
  return fail([unknownPartner(partnerId)]);
}
