import type { MdfRoiReport } from '../../mdf/roi/roi.js';
import type { CurrencyCode } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { DataIssueTally } from '../data-issues.js';
import { ActivityLog } from './activity-log.js';
import { GroupedSamples } from './grouped-samples.js';
import type { ChannelKpiReport } from './kpi-report.js';
import type {
  KpiActivity,
  KpiDeal,
  KpiInvestment,
  KpiOffer,
  KpiPartner,
  KpiRegistration,
  KpiTierChange,
} from './kpi-rows.js';
import { BucketIndex, kpiBuckets, type KpiBucket, type KpiWindow } from './kpi-window.js';
import { UNKNOWN_REGION, writeChannelKpiReport } from './report-writer.js';
import { ROLE_STRIDE, Slot, SLOT_COUNT, Tally, type RoleOffset } from './tally.js';
import { TierTracker } from './tier-tracker.js';

const HOUR_MS = 3_600_000;

/** The kinds of rows, as data issues name them. */
type RowKind = 'deal' | 'registration' | 'lead offer' | 'activity' | 'investment' | 'tier change';

const PLURAL: Readonly<Record<RowKind, string>> = {
  deal: 'deals',
  registration: 'registrations',
  'lead offer': 'lead offers',
  activity: 'activities',
  investment: 'investments',
  'tier change': 'tier changes',
};

/** What a KPI calculation is about: the program, the window, how regions are read, and the partners. */
export interface ChannelKpiConfig {
  program: Program;
  window: KpiWindow;
  /** Group deals by their account's `country` (the default) or `subdivision`. */
  regionBy?: 'country' | 'subdivision';
  /** Every partner to report on; partners without data get zeros and nulls. */
  partners: readonly KpiPartner[];
}

/**
 * Adds up the channel's KPIs as rows stream in (in any order, from pages or from columns), then writes the
 * report. Rows outside the window are skipped; rows that name an unknown partner or contradict themselves
 * are skipped and counted in the report's `dataIssues`. Memory grows with the partners, the buckets and the
 * measured durations, never with the rows themselves.
 */
export interface ChannelKpiCalculator {
  /** A deal: pipeline in the bucket it was created in, outcomes in the bucket it closed in. */
  addDeal(deal: KpiDeal): void;
  /** A registration: counted in the bucket it was decided in; approval hours from submission. */
  addRegistration(registration: KpiRegistration): void;
  /** A lead offer: counted in the bucket it ended in; acceptance hours from the offer. */
  addOffer(offer: KpiOffer): void;
  addActivity(activity: KpiActivity): void;
  addInvestment(investment: KpiInvestment): void;
  /** A tier change, whatever its day: the distribution at each bucket's end is reconstructed from them. */
  addTierChange(change: KpiTierChange): void;
  /** The report; `mdfRoi` is included as given (see `computeMdfRoi`). */
  report(extras?: { mdfRoi?: MdfRoiReport | null }): ChannelKpiReport;
}

interface Region {
  index: number;
  counters: Float64Array;
}

class Calculator implements ChannelKpiCalculator {
  readonly #currency: CurrencyCode;
  readonly #index: BucketIndex;
  readonly #partnerIndex = new Map<string, number>();
  /** The last partner looked up: rows streamed partner by partner skip the map. */
  #lastPartnerId: string | null = null;
  #lastPartner = -1;
  readonly #bucketTally: Tally;
  readonly #partnerTally: Tally;
  readonly #regions = new Map<string, Region>();
  readonly #regionKeys: string[] = [];
  readonly #dealDays = new GroupedSamples();
  readonly #approvals = new GroupedSamples();
  readonly #acceptances = new GroupedSamples();
  readonly #activities = new ActivityLog();
  readonly #tiers: TierTracker;
  readonly #issues = new DataIssueTally();
  readonly #slaMs: number;
  readonly #regionBy: 'country' | 'subdivision';

  constructor(
    readonly program: Program,
    readonly window: KpiWindow,
    readonly buckets: readonly KpiBucket[],
    readonly partners: readonly KpiPartner[],
    regionBy: 'country' | 'subdivision',
  ) {
    this.#currency = program.currency;
    this.#index = new BucketIndex(buckets);
    partners.forEach((partner, position) => this.#partnerIndex.set(partner.id, position));
    this.#bucketTally = new Tally(buckets.length);
    this.#partnerTally = new Tally(partners.length);
    this.#tiers = new TierTracker(program);
    this.#slaMs = program.analytics.registrationReviewSlaHours * HOUR_MS;
    this.#regionBy = regionBy;
  }

  /** The position of a partner, or -1 (counted as a data issue) when it is not in the report. */
  #partner(partnerId: string, what: RowKind): number {
    if (partnerId === this.#lastPartnerId) return this.#lastPartner;
    const partner = this.#partnerIndex.get(partnerId);
    if (partner === undefined) return this.#unknownPartner(what);
    this.#lastPartnerId = partnerId;
    this.#lastPartner = partner;
    return partner;
  }

  #unknownPartner(what: RowKind): -1 {
    this.#issues.add(
      `unknown_partner_${what.replace(' ', '_')}`,
      `${what} names a partner that is not in the report and was left out`,
      `${PLURAL[what]} name a partner that is not in the report and were left out`,
    );
    return -1;
  }

  #region(deal: KpiDeal): Region {
    const key = (this.#regionBy === 'country' ? deal.country : deal.subdivision) ?? UNKNOWN_REGION;
    let region = this.#regions.get(key);
    if (region === undefined) {
      region = { index: this.#regionKeys.length, counters: new Float64Array(SLOT_COUNT) };
      this.#regions.set(key, region);
      this.#regionKeys.push(key);
    }
    return region;
  }

  addDeal(deal: KpiDeal): void {
    let partner = -1;
    if (deal.partnerId !== null) {
      partner = this.#partner(deal.partnerId, 'deal');
      if (partner < 0) return;
    }
    if ((deal.partnerId === null) !== (deal.role === null)) {
      this.#issues.add(
        'partner_role_mismatch',
        'deal names a partner without its role, or a role without a partner, and was left out',
        'deals name a partner without its role, or a role without a partner, and were left out',
      );
      return;
    }
    if ((deal.stage === 'open') !== (deal.closedOn === null)) {
      this.#issues.add(
        'closing_day_mismatch',
        'deal is closed without a closing day, or open with one, and was left out',
        'deals are closed without a closing day, or open with one, and were left out',
      );
      return;
    }
    const created = this.#index.of(deal.createdOn);
    const closed = deal.closedOn === null ? -1 : this.#index.of(deal.closedOn);
    if (created < 0 && closed < 0) return;
    const role: RoleOffset = partner < 0 ? 2 : deal.role === 'sourced' ? 0 : 1;
    const shift = role * ROLE_STRIDE;
    const region = this.#region(deal);
    const amount = deal.amount;
    if (created >= 0) this.#countDeal(created, partner, region, Slot.sourcedPipelineAmount + shift, amount);
    if (closed < 0) return;
    if (deal.stage === 'won') {
      this.#countDeal(closed, partner, region, Slot.sourcedWonAmount + shift, amount);
      const days = deal.closedOn! - deal.createdOn;
      if (days >= 0) this.#dealDays.push(days, true, closed, partner, region.index);
      else {
        this.#issues.add(
          'closed_before_created',
          'won deal closed before it was created and was left out of the days to close',
          'won deals closed before they were created and were left out of the days to close',
        );
      }
    } else {
      this.#count(closed, partner, region, Slot.sourcedLostDeals + shift, 1);
    }
  }

  /** Adds a deal's amount at `amountSlot` and one deal at the slot after it, for its bucket, partner and region. */
  #countDeal(bucket: number, partner: number, region: Region, amountSlot: number, amount: number): void {
    const inBucket = bucket * SLOT_COUNT + amountSlot;
    const buckets = this.#bucketTally.values;
    buckets[inBucket]! += amount;
    buckets[inBucket + 1]! += 1;
    if (partner >= 0) {
      const inPartner = partner * SLOT_COUNT + amountSlot;
      const partners = this.#partnerTally.values;
      partners[inPartner]! += amount;
      partners[inPartner + 1]! += 1;
    }
    region.counters[amountSlot]! += amount;
    region.counters[amountSlot + 1]! += 1;
  }

  #count(bucket: number, partner: number, region: Region, slot: number, amount: number): void {
    this.#bucketTally.values[bucket * SLOT_COUNT + slot]! += amount;
    if (partner >= 0) this.#partnerTally.values[partner * SLOT_COUNT + slot]! += amount;
    region.counters[slot]! += amount;
  }

  #countPartner(bucket: number, partner: number, slot: number, amount: number): void {
    this.#bucketTally.values[bucket * SLOT_COUNT + slot]! += amount;
    this.#partnerTally.values[partner * SLOT_COUNT + slot]! += amount;
  }

  addRegistration(registration: KpiRegistration): void {
    const partner = this.#partner(registration.partnerId, 'registration');
    if (partner < 0 || registration.decision === null) return;
    if (registration.decidedOn === null || registration.decidedAt === null) {
      this.#issues.add(
        'decision_without_time',
        'decided registration has no decision time and was left out',
        'decided registrations have no decision time and were left out',
      );
      return;
    }
    const bucket = this.#index.of(registration.decidedOn);
    if (bucket < 0) return;
    if (registration.decision === 'rejected') {
      this.#countPartner(bucket, partner, Slot.rejected, 1);
      return;
    }
    this.#countPartner(bucket, partner, Slot.approved, 1);
    const duration = registration.decidedAt - registration.submittedAt;
    if (duration < 0) {
      this.#issues.add(
        'decided_before_submitted',
        'registration was approved before it was submitted and was left out of the approval hours',
        'registrations were approved before they were submitted and were left out of the approval hours',
      );
      return;
    }
    this.#approvals.push(duration, duration <= this.#slaMs, bucket, partner, 0);
  }

  addOffer(offer: KpiOffer): void {
    const partner = this.#partner(offer.partnerId, 'lead offer');
    if (partner < 0 || offer.outcome === 'open') return;
    if (offer.resolvedOn === null || (offer.outcome !== 'expired' && offer.answeredAt === null)) {
      this.#issues.add(
        'outcome_without_time',
        'ended lead offer has no end time and was left out',
        'ended lead offers have no end time and were left out',
      );
      return;
    }
    const bucket = this.#index.of(offer.resolvedOn);
    if (bucket < 0) return;
    switch (offer.outcome) {
      case 'declined':
        this.#countPartner(bucket, partner, Slot.declined, 1);
        return;
      case 'expired':
        this.#countPartner(bucket, partner, Slot.expired, 1);
        return;
      case 'accepted': {
        this.#countPartner(bucket, partner, Slot.accepted, 1);
        const duration = offer.answeredAt! - offer.offeredAt;
        if (duration < 0) {
          this.#issues.add(
            'answered_before_offered',
            'lead offer was accepted before it was made and was left out of the acceptance hours',
            'lead offers were accepted before they were made and were left out of the acceptance hours',
          );
          return;
        }
        this.#acceptances.push(duration, offer.answeredAt! <= offer.dueAt, bucket, partner, 0);
      }
    }
  }

  addActivity(activity: KpiActivity): void {
    const partner = this.#partner(activity.partnerId, 'activity');
    if (partner < 0) return;
    const bucket = this.#index.of(activity.on);
    if (bucket < 0) return;
    this.#countPartner(bucket, partner, Slot.activities, activity.count);
    this.#activities.push(partner, activity.kind, bucket, activity.count);
  }

  addInvestment(investment: KpiInvestment): void {
    const partner = this.#partner(investment.partnerId, 'investment');
    if (partner < 0) return;
    const bucket = this.#index.of(investment.on);
    if (bucket >= 0) this.#countPartner(bucket, partner, Slot.invested, investment.amount);
  }

  addTierChange(change: KpiTierChange): void {
    const partner = this.#partner(change.partnerId, 'tier change');
    if (partner >= 0) this.#tiers.add(partner, change.fromTierId, change.toTierId, change.effectiveOn);
  }

  report(extras: { mdfRoi?: MdfRoiReport | null } = {}): ChannelKpiReport {
    return writeChannelKpiReport(
      {
        program: this.program,
        window: this.window,
        buckets: this.buckets,
        partners: this.partners,
        regionBy: this.#regionBy,
        currency: this.#currency,
        index: this.#index,
        bucketTally: this.#bucketTally,
        partnerTally: this.#partnerTally,
        regionKeys: this.#regionKeys,
        regionCounters: this.#regionKeys.map((key) => this.#regions.get(key)!.counters),
        dealDays: this.#dealDays,
        approvals: this.#approvals,
        acceptances: this.#acceptances,
        activities: this.#activities,
        tiers: this.#tiers,
        issues: this.#issues,
      },
      extras.mdfRoi ?? null,
    );
  }
}

/**
 * Starts a KPI calculation over a window: the window is cut into buckets (`window_empty`,
 * `too_many_buckets` otherwise) and the partners are indexed (`duplicate_partner` when an id repeats).
 * Feed it rows with its `add…` methods, in any order, then call `report()`.
 *
 * @example
 * const started = createChannelKpis({ program, window: { from: '2026-02-01', to: '2027-02-01', unit: 'quarter', calendar: 'fiscal' }, partners });
 * if (started.success) {
 *   for await (const page of deals) for (const deal of page) started.data.addDeal(deal);
 *   const report = started.data.report();
 * }
 */
export function createChannelKpis(config: ChannelKpiConfig): Result<ChannelKpiCalculator> {
  const { program, window, partners } = config;
  const issues: Issue[] = [];
  if (!(window.from < window.to)) {
    issues.push(
      issue(
        ['window', 'to'],
        'window_empty',
        `The window must end after it starts, but it runs from ${window.from} to ${window.to}.`,
      ),
    );
  }
  const seen = new Map<string, number>();
  partners.forEach((partner, index) => {
    const earlier = seen.get(partner.id);
    if (earlier !== undefined) {
      issues.push(
        issue(
          ['partners', index, 'id'],
          'duplicate_partner',
          `Partner ${partner.id} is listed twice (at positions ${earlier} and ${index}): list each partner once.`,
        ),
      );
    }
    seen.set(partner.id, index);
  });
  if (issues.length > 0) return fail(issues);
  const buckets = kpiBuckets(window, program.fiscalCalendar);
  if (!buckets.success)
    return fail(buckets.issues.map((found) => issue(['window', ...found.path], found.code, found.message)));
  return ok(new Calculator(program, window, buckets.data, partners, config.regionBy ?? 'country'));
}
