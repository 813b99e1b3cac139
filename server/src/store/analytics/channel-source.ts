import {
  convertMoney,
  kpiDealOf,
  kpiPartnerOf,
  kpiRegistrationOf,
  kpiTierChangesOf,
  postingTotal,
  readMdfRoiInputs,
  toDayNumber,
  type Account,
  type ChannelAnalyticsSource,
  type DataIssueTally,
  type DayRange,
  type KpiActivity,
  type KpiDeal,
  type KpiInvestment,
  type KpiOffer,
  type Registration,
  type RowContext,
} from '@conduit/core';
import type { TenantStore } from '../tenant-store.js';
import { ProgramDays } from './day-range.js';
import { distributionOutcomes } from './offer-rows.js';
import { recordScans } from './record-scans.js';

/** What turning the store's records into KPI rows needs: the program's time zone, currency and id, and rates. */
export interface AnalyticsRowContext extends RowContext {
  programId: string;
}

/**
 * The kinds of partner activity the store knows without anyone recording them, counted beside the
 * activities recorded through the API (`POST /analytics/activities/import`).
 */
export const STORE_ACTIVITY_KINDS = {
  registrationSubmitted: 'registration_submitted',
  leadAccepted: 'lead_accepted',
  mdfRequestSubmitted: 'mdf_request_submitted',
  certificationEarned: 'certification_earned',
} as const;

/** The kind of investment MDF payments are. */
export const MDF_INVESTMENT_KIND = 'mdf';

/** Registrations the KPIs count as decided (see `kpiRegistrationOf`). */
const DECIDED: Registration['status'][] = ['approved', 'extension_requested', 'won', 'lost', 'expired', 'rejected'];
/** Registrations that were submitted and still keep when (a withdrawn one does not). */
const SUBMITTED: Registration['status'][] = ['submitted', 'under_review', 'info_requested', ...DECIDED];
/** MDF requests ROI counts: those approved at some point (ROI keeps the lapsed ones that were). */
const ROI_REQUEST_STATUSES = ['approved', 'closed', 'lapsed'] as const;

/** Counts activities of one kind by partner and day, so that a partner's many on one day make one row. */
class ActivityCounts {
  readonly #counts = new Map<string, Map<number, number>>();

  constructor(readonly kind: string) {}

  add(partnerId: string, on: number): void {
    let days = this.#counts.get(partnerId);
    if (!days) this.#counts.set(partnerId, (days = new Map<number, number>()));
    days.set(on, (days.get(on) ?? 0) + 1);
  }

  rows(): KpiActivity[] {
    return [...this.#counts].flatMap(([partnerId, days]) =>
      [...days].map(([on, count]) => ({ partnerId, kind: this.kind, on, count })),
    );
  }
}

/**
 * The tenant's channel as the KPI report reads it, page by page from the store: partners; deals created
 * or closed in the range, with the region of their account and their amount in the program's currency;
 * registrations decided in it; lead offers that ended in it; partner activities (recorded ones, plus
 * registrations submitted, leads accepted, MDF requests submitted and certifications earned); MDF paid as
 * investments; tier changes from the tier history; and MDF ROI inputs for requests whose activity starts in
 * the range (`null` when the tenant has no MDF allocation). Deals and payments without an exchange rate to the
 * program's currency are left out and counted in `leftOut`.
 *
 * One source serves one report: it remembers the accounts it read, and the leads accepted that its scan of
 * the lead distributions for `offers` found, which `activities` of the same range then counts without
 * reading the distributions again.
 */
export function channelAnalyticsSource(
  store: TenantStore,
  context: AnalyticsRowContext,
  leftOut: DataIssueTally,
): ChannelAnalyticsSource {
  const scans = recordScans(store.db, store.tenantId);
  const { timeZone } = context;
  const days = ProgramDays.in(timeZone);
  const regions = new Map<string, Pick<Account, 'country' | 'subdivision'> | null>();
  const acceptedLeads = new Map<string, KpiActivity[]>();
  const rangeKey = (range: DayRange) => `${range.from}/${range.to}`;

  /** The regions of the accounts of a page of deals, reading only those not read before. */
  async function accountsOf(accountIds: readonly string[]) {
    const unread = [...new Set(accountIds)].filter((id) => !regions.has(id));
    if (unread.length > 0) {
      for (const id of unread) regions.set(id, null);
      for (const account of await store.accounts.getMany(unread))
        regions.set(account.id, { country: account.country, subdivision: account.subdivision });
    }
    return (id: string) => regions.get(id) ?? undefined;
  }

  /** The offers that ended in pages, counting the leads accepted (for `activities`) as it goes. */
  async function* offerPages(range: DayRange): AsyncIterable<KpiOffer[]> {
    const accepted = new ActivityCounts(STORE_ACTIVITY_KINDS.leadAccepted);
    const dayOf = (ms: number) => days.ofTime(ms);
    for await (const page of scans.distributions(range)) {
      const offers: KpiOffer[] = [];
      for (const distribution of page) {
        const outcomes = distributionOutcomes(distribution, dayOf);
        offers.push(...outcomes.offers);
        for (const { partnerId, acceptedAt } of outcomes.acceptances) accepted.add(partnerId, dayOf(acceptedAt));
      }
      yield offers;
    }
    acceptedLeads.set(rangeKey(range), accepted.rows());
  }

  async function* recordedActivities(range: DayRange): AsyncIterable<KpiActivity[]> {
    for await (const page of store.analytics.activities.scan(range)) {
      yield page.map((activity) => ({
        partnerId: activity.partnerId,
        kind: activity.kind,
        on: toDayNumber(activity.on),
        count: activity.count,
      }));
    }
  }

  async function* storeActivities(range: DayRange): AsyncIterable<KpiActivity[]> {
    const submitted = new ActivityCounts(STORE_ACTIVITY_KINDS.registrationSubmitted);
    for await (const page of scans.registrations(range, SUBMITTED)) {
      for (const registration of page) {
        const row = kpiRegistrationOf(registration, timeZone);
        if (row) submitted.add(row.partnerId, days.ofTime(row.submittedAt));
      }
    }
    yield submitted.rows();
    if (!acceptedLeads.has(rangeKey(range))) for await (const _page of offerPages(range));
    yield acceptedLeads.get(rangeKey(range)) ?? [];
    const requested = new ActivityCounts(STORE_ACTIVITY_KINDS.mdfRequestSubmitted);
    for await (const page of scans.mdfRequestsSubmitted(range))
      for (const request of page) requested.add(request.partnerId, days.of(request.submittedAt));
    yield requested.rows();
    const certified = new ActivityCounts(STORE_ACTIVITY_KINDS.certificationEarned);
    for await (const page of store.partners.scan({})) {
      for (const partner of page)
        for (const { earnedOn } of partner.certifications)
          if (range.from <= earnedOn && earnedOn < range.to) certified.add(partner.id, toDayNumber(earnedOn));
    }
    yield certified.rows();
  }

  return {
    async *partners() {
      for await (const page of store.partners.scan({}))
        yield page.map((partner) => kpiPartnerOf(partner, context.programId));
    },

    async *deals(range) {
      for await (const page of scans.deals(range, 'any')) {
        const regionOf = await accountsOf(page.map((deal) => deal.accountId));
        const rows: KpiDeal[] = [];
        for (const deal of page) {
          const row = kpiDealOf(deal, regionOf(deal.accountId), context);
          if (row.success) rows.push(row.data);
          else
            leftOut.add(
              'exchange_rate_missing_deal',
              `deal is in a currency without an exchange rate to ${context.currency} and was left out`,
              `deals are in currencies without an exchange rate to ${context.currency} and were left out`,
            );
        }
        yield rows;
      }
    },

    async *registrations(range) {
      for await (const page of scans.registrations(range, DECIDED))
        yield page.flatMap((registration) => kpiRegistrationOf(registration, timeZone) ?? []);
    },

    offers: offerPages,

    async *activities(range) {
      yield* recordedActivities(range);
      yield* storeActivities(range);
    },

    async *investments(range) {
      for await (const page of scans.payments(range)) {
        const allocationIds = [...new Set(page.map((posting) => posting.allocationId))];
        const partnerOf = new Map(
          (await store.mdf.allocations.getMany(allocationIds)).map((allocation) => [
            allocation.id,
            allocation.partnerId,
          ]),
        );
        const rows: KpiInvestment[] = [];
        for (const posting of page) {
          const partnerId = partnerOf.get(posting.allocationId);
          if (partnerId === undefined) {
            leftOut.add(
              'unknown_allocation_investment',
              'MDF payment names an allocation that is not in the store and was left out',
              'MDF payments name an allocation that is not in the store and were left out',
            );
            continue;
          }
          const amount = convertMoney(
            { amount: postingTotal(posting), currency: posting.currency },
            context.currency,
            context.rates,
          );
          if (!amount.success) {
            leftOut.add(
              'exchange_rate_missing_investment',
              `MDF payment is in a currency without an exchange rate to ${context.currency} and was left out`,
              `MDF payments are in currencies without an exchange rate to ${context.currency} and were left out`,
            );
            continue;
          }
          rows.push({
            partnerId,
            kind: MDF_INVESTMENT_KIND,
            amount: amount.data.amount,
            on: days.of(posting.postedAt),
          });
        }
        yield rows;
      }
    },

    async *tierChanges(since) {
      const first = toDayNumber(since);
      for await (const page of store.tiers.standings.scan({}))
        yield page.flatMap((standing) => kpiTierChangesOf(standing).filter((change) => change.effectiveOn >= first));
    },

    async mdf(range) {
      if (!(await scans.usesMdf())) return null;
      const requests = [];
      for await (const page of scans.mdfRequestsStarting(range, ROI_REQUEST_STATUSES)) requests.push(...page);
      return readMdfRoiInputs(
        { store: store.mdf, rates: context.rates, deals: store.deals, partners: store.partners },
        requests,
      );
    },
  };
}
