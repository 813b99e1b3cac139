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

/** What an MDF decision adds to the counts: `base` whatever it decided, `posted` when it moved money. */
interface Counting {
  base: JobCounts;
  posted: (postings: number) => JobCounts;
}

/**
 * Runs one MDF use case in its own transaction, with the audit entry of its decision when it moved money,
 * and counts what it did in that transaction.
 */
async function postInTransaction(
  store: TenantStore,
  tally: JobTally,
  clock: Clock,
  actor: string,
  decide: (context: MdfUseCaseContext) => Promise<MdfOutcome<MdfTransition<unknown>>>,
  { base, posted }: Counting,
): Promise<void> {
  const counts = await store.transaction(async (transaction): Promise<JobCounts> => {
    const outcome = await decide(await mdfContext(transaction, clock));
    let counts: JobCounts = base;
    if (!outcome.success) counts = { ...base, [isConcurrent(outcome.issues) ? 'failed' : 'refused']: 1 };
    else if (outcome.data.postings.length > 0) {
      counts = { ...base, ...posted(outcome.data.postings.length) };
      await transaction.audit.record([outcome.trace], clock.now(), actor);
    }
    await tally.report(transaction, counts);
    return counts;
  });
  tally.add(counts);
}

/**
 * Lapses one request whose time is over (`lapseMdfRequest`) in its own transaction, with the audit entry of
 * the decision: a submitted request never decided before its activity started, or an approved one past its
 * claim deadline (closed when claims used part of it), releasing what it committed and claims did not use.
 * A request whose time is not over is only counted as checked.
 */
async function lapseInTransaction(
  store: TenantStore,
  tally: JobTally,
  clock: Clock,
  actor: string,
  requestId: string,
): Promise<void> {
  const counts = await store.transaction(async (transaction): Promise<JobCounts> => {
    const outcome = await lapseMdfRequest(await mdfContext(transaction, clock), { requestId });
    let counts: JobCounts = { requestsChecked: 1 };
    if (!outcome.success) {
      if (isConcurrent(outcome.issues)) counts = { ...counts, failed: 1 };
      else if (!outcome.issues.every((found) => NOT_YET.has(found.code))) counts = { ...counts, refused: 1 };
    } else {
      counts = { ...counts, [outcome.data.outcome === 'closed' ? 'requestsClosed' : 'requestsLapsed']: 1 };
      await transaction.audit.record([outcome.trace], clock.now(), actor);
    }
    await tally.report(transaction, counts);
    return counts;
  });
  tally.add(counts);
}

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

  for await (const page of fundTypes.length > 0 ? store.partners.scan({ statuses: [...TIER_PARTNER_STATUSES] }) : []) {
    for (const partner of page) {
      for (const fundType of fundTypes) {
        tally.checkStop();
        const since = addDays(today, -fundType.accrual.expiresAfterDays);
        await postInTransaction(
          store,
          tally,
          clock,
          actor,
          (context) => accrueMdfFunds(context, { partnerId: partner.id, fundTypeId: fundType.id, since }),
          { base: { checked: 1 }, posted: (postings) => ({ allocationsAccrued: 1, accrualPostings: postings }) },
        );
      }
    }
  }

  for await (const page of store.mdf.allocations.scan({ kinds: ['accrual'] })) {
    for (const allocation of page) {
      tally.checkStop();
      await postInTransaction(
        store,
        tally,
        clock,
        actor,
        (context) => expireMdfFunds(context, { allocationId: allocation.id }),
        { base: { allocationsChecked: 1 }, posted: () => ({ allocationsExpired: 1 }) },
      );
    }
  }

  for await (const page of store.mdf.requests.scan({ statuses: ['submitted', 'approved'] })) {
    for (const request of page) {
      tally.checkStop();
      await lapseInTransaction(store, tally, clock, actor, request.id);
    }
  }
  return tally.totals;
};
