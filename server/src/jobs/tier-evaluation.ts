import type { TierPartnerOutcomeResult } from '@conduit/core';
import { TIER_PARTNER_STATUSES } from '../store/tiers/index.js';
import { evaluatePartnersReport, inTierTransaction, tierDependencies } from '../workflows/tier-dependencies.js';
import { jobActor, JobTally, type JobCounts, type JobRunner } from './job-runner.js';

/** The counts a partner's outcome adds, by the core's result. */
const RESULT_COUNTS: Record<TierPartnerOutcomeResult, string> = {
  applied: 'applied',
  awaiting_approval: 'awaitingApproval',
  already_awaiting: 'alreadyAwaiting',
  unchanged: 'unchanged',
  failed: 'failed',
};

/**
 * Nightly tier evaluation: every partner admitted to the program is evaluated through the core's
 * `evaluatePartnersInPages` (as the `/tiers/evaluations` endpoint does for a whole tenant), one partner per
 * transaction holding the tenant's tier lock, with the standing, the stored proposal, the partner record's
 * tier and the audit entries committed together. What the program approves automatically is applied, the
 * rest queued for a channel manager. Evaluating a partner again on the same day changes nothing (its
 * standing already reflects the first evaluation, and the same pending proposal is found waiting), so a
 * run killed and run again never applies a change twice.
 * Counts: `evaluated`, `applied`, `awaitingApproval`, `alreadyAwaiting`, `unchanged`, `failed`.
 */
export const evaluateTiers: JobRunner = async (store, clock, _program, options = {}) => {
  const tally = new JobTally(['evaluated', ...Object.values(RESULT_COUNTS)], options);
  const actor = jobActor('tier-evaluation', options);
  for await (const page of store.partners.scan({ statuses: [...TIER_PARTNER_STATUSES] })) {
    for (const partner of page) {
      tally.checkStop();
      let counts: JobCounts = {};
      const result = await inTierTransaction(store, clock.now(), actor, async (transaction, record) => {
        const report = await evaluatePartnersReport(
          tierDependencies(transaction, clock),
          { partnerIds: [partner.id] },
          record,
        );
        if (report.success) {
          counts = { evaluated: report.data.partners };
          for (const [result, count] of Object.entries(report.data.byResult))
            if (count > 0) counts[RESULT_COUNTS[result as TierPartnerOutcomeResult]] = count;
          await tally.report(transaction, counts);
        }
        return { result: report };
      });
      if (result.success) tally.add(counts);
      else await tally.count(store, { failed: 1 });
    }
  }
  return tally.totals;
};
