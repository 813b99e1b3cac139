import {
  accrueMdfFunds,
  addDays,
  calendarDateIn,
  expireMdfFunds,
  lapseMdfRequest,
  type Clock,
  type FundType,
  type Issue,
  type MdfOutcome,
  type MdfTransition,
} from '@conduit/core';
import type { TenantStore } from '../store/tenant-store.js';
import { TIER_PARTNER_STATUSES } from '../store/tiers/index.js';
import { mdfContext, type MdfUseCaseContext } from '../workflows/mdf-context.js';
import { jobActor, JobTally, type JobCounts, type JobRunner } from './job-runner.js';

type AccrualFundType = Extract<FundType, { kind: 'accrual' }>;

/** Refusals that come from a concurrent writer rather than from the rules: the next run tries again. */
const CONCURRENT = new Set(['stale_write', 'duplicate_posting']);

const isConcurrent = (issues: readonly Issue[]) => issues.some((found) => CONCURRENT.has(found.code));

/** Refusals of a lapse that only say the request's time is not over yet (or claims still wait for review). */
const NOT_YET = new Set(['not_due', 'claims_pending']);

const isNotYet = (issues: readonly Issue[]) => issues.every((found) => NOT_YET.has(found.code));

/** What one MDF decision adds to the run's counts. */
interface Counting<T> {
  /** Counted whatever it decided. */
  base: JobCounts;
  /** Counted besides when it decided something (and its trace goes to the audit log); `null`: nothing done. */
  done: (data: T) => JobCounts | null;
  /** Refusals that only say there is nothing to do yet: counted as `base` alone, not as `refused`. */
  nothingYet?: (issues: readonly Issue[]) => boolean;
}

/**
 * Runs one MDF use case in its own transaction, with the audit entry of its decision when it did something,
 * and counts what it did in that transaction. A refusal from a concurrent writer counts as `failed` (the next
 * run tries again), any other as `refused`.
 */
async function decideInTransaction<T>(
  store: TenantStore,
  tally: JobTally,
  clock: Clock,
  actor: string,
  decide: (context: MdfUseCaseContext) => Promise<MdfOutcome<T>>,
  { base, done, nothingYet = () => false }: Counting<T>,
): Promise<void> {
  const counts = await store.transaction(async (transaction): Promise<JobCounts> => {
    const outcome = await decide(await mdfContext(transaction, clock));
    let counts: JobCounts = base;
    if (!outcome.success) {
      if (isConcurrent(outcome.issues)) counts = { ...base, failed: 1 };
      else if (!nothingYet(outcome.issues)) counts = { ...base, refused: 1 };
    } else {
      const did = done(outcome.data);
      if (did) {
        counts = { ...base, ...did };
        await transaction.audit.record([outcome.trace], clock.now(), actor);
      }
    }
    await tally.report(transaction, counts);
    return counts;
  });
  tally.add(counts);
}

/** Counts a decision that posts to the ledger: done when it posted. */
const posting = (base: JobCounts, posted: (postings: number) => JobCounts): Counting<MdfTransition<unknown>> => ({
  base,
  done: (data) => (data.postings.length > 0 ? posted(data.postings.length) : null),
});

/**
 * Accrual posting (co-op MDF), nightly: for every partner admitted to the program and every accrual fund
 * type, the core's `accrueMdfFunds` credits the partner's co-op allocation with what its won deals earned
 * (deals closed within the fund's expiry window, so none that could still earn is missed); then, for every
 * co-op allocation, `expireMdfFunds` moves what is past its expiry from available to expired. One partner
 * and fund type (or one allocation) per transaction, with the audit entry of each decision that posted.
 * Posting ids are idempotency keys derived from the allocation and the deal (or the allocation's version),
 * and the deals the ledger shows as accrued are skipped, so a run killed and run again posts nothing twice.
 * Counts: `checked` (partner and fund type pairs), `allocationsAccrued`, `accrualPostings`, `refused` (by
 * the rules, e.g. a partner without a tier), `allocationsChecked`, `allocationsExpired`, `failed`
 * (concurrent writes; the next run tries again). Then MDF requests whose time is over lapse (or close
 * when partly claimed), one per transaction: `requestsChecked`, `requestsLapsed`, `requestsClosed`; a run
 * killed and run again finds a lapsed request no longer submitted or approved.
 */
export const postAccruals: JobRunner = async (store, clock, program, options = {}) => {
  const tally = new JobTally(
    [
      'checked',
      'allocationsAccrued',
      'accrualPostings',
      'refused',
      'allocationsChecked',
      'allocationsExpired',
      'requestsChecked',
      'requestsLapsed',
      'requestsClosed',
      'failed',
    ],
    options,
  );
  const actor = jobActor('accrual-posting', options);
  const fundTypes = program.mdf.fundTypes.filter(
    (fundType): fundType is AccrualFundType => fundType.kind === 'accrual',
  );
  const today = calendarDateIn(clock.now(), program.fiscalCalendar.timeZone);

  const partners = fundTypes.length > 0 ? store.partners.scan({ statuses: [...TIER_PARTNER_STATUSES] }) : [];
  for await (const page of partners) {
    for (const partner of page) {
      for (const fundType of fundTypes) {
        tally.checkStop();
        const since = addDays(today, -fundType.accrual.expiresAfterDays);
        await decideInTransaction(
          store,
          tally,
          clock,
          actor,
          (context) => accrueMdfFunds(context, { partnerId: partner.id, fundTypeId: fundType.id, since }),
          posting({ checked: 1 }, (postings) => ({ allocationsAccrued: 1, accrualPostings: postings })),
        );
      }
    }
  }

  for await (const page of store.mdf.allocations.scan({ kinds: ['accrual'] })) {
    for (const allocation of page) {
      tally.checkStop();
      await decideInTransaction(
        store,
        tally,
        clock,
        actor,
        (context) => expireMdfFunds(context, { allocationId: allocation.id }),
        posting({ allocationsChecked: 1 }, () => ({ allocationsExpired: 1 })),
      );
    }
  }

  for await (const page of store.mdf.requests.scan({ statuses: ['submitted', 'approved'] })) {
    for (const request of page) {
      tally.checkStop();
      await decideInTransaction(
        store,
        tally,
        clock,
        actor,
        (context) => lapseMdfRequest(context, { requestId: request.id }),
        {
          base: { requestsChecked: 1 },
          done: (data): JobCounts => ({ [data.outcome === 'closed' ? 'requestsClosed' : 'requestsLapsed']: 1 }),
          nothingYet: isNotYet,
        },
      );
    }
  }
  return tally.totals;
};
