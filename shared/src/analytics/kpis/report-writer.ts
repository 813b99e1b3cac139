import type { MdfRoiReport } from '../../mdf/roi/roi.js';
import type { CurrencyCode } from '../../money/money.js';
import { isChannelMember } from '../../partner-lifecycle/guards/partner-gates.js';
import type { Program } from '../../program/schema/program.js';
import type { DataIssueTally } from '../data-issues.js';
import type { ActivityLog } from './activity-log.js';
import {
  countersAt,
  directOutcomes,
  investmentKpis,
  leadOfferKpis,
  moneyOf,
  partnerDealKpis,
  registrationKpis,
  type Counters,
  type SummaryAt,
} from './figures.js';
import type { GroupedSamples, SampleSummary } from './grouped-samples.js';
import { channelKpiCharts } from './kpi-charts.js';
import type {
  ChannelDealKpis,
  ChannelKpiReport,
  ChannelKpis,
  EngagementKpis,
  GroupKpiRow,
  PartnerKpiRow,
  PartnerKpis,
  RegionKpiRow,
} from './kpi-report.js';
import type { KpiPartner } from './kpi-rows.js';
import type { BucketIndex, KpiBucket, KpiWindow } from './kpi-window.js';
import { Slot, Tally } from './tally.js';
import type { TierTracker } from './tier-tracker.js';

/** The region key of deals whose account has no country (or subdivision). */
export const UNKNOWN_REGION = 'unknown';

/** Everything the KPI calculator gathered from the rows, for the report writer. */
export interface GatheredKpis {
  program: Program;
  window: KpiWindow;
  buckets: readonly KpiBucket[];
  partners: readonly KpiPartner[];
  regionBy: 'country' | 'subdivision';
  currency: CurrencyCode;
  index: BucketIndex;
  bucketTally: Tally;
  partnerTally: Tally;
  /** Region keys by region index, and each region's counters. */
  regionKeys: readonly string[];
  regionCounters: readonly Float64Array[];
  /** Days to close of won deals; keys: bucket, partner (-1 direct), region. */
  dealDays: GroupedSamples;
  /** Approval milliseconds; keys: bucket, partner. */
  approvals: GroupedSamples;
  /** Acceptance milliseconds; keys: bucket, partner. */
  acceptances: GroupedSamples;
  activities: ActivityLog;
  tiers: TierTracker;
  issues: DataIssueTally;
}

/** Partners grouped by a key of theirs (tier, program): each partner's group, the groups' keys, labels and sizes. */
interface PartnerGrouping {
  groupOf: Int32Array;
  keys: string[];
  labels: string[];
  members: Int32Array;
}

/** Groups partners by `keyOf`: the `fixed` keys first, in their order (even without partners), then the others by key. */
function groupPartners(
  partners: readonly KpiPartner[],
  keyOf: (partner: KpiPartner) => string,
  fixed: readonly string[],
  label: (key: string) => string,
): PartnerGrouping {
  const others = [...new Set(partners.map(keyOf))].filter((key) => !fixed.includes(key)).sort();
  const keys = [...fixed, ...others];
  const position = new Map(keys.map((key, index) => [key, index]));
  const groupOf = new Int32Array(partners.length);
  const members = new Int32Array(keys.length);
  partners.forEach((partner, index) => {
    const group = position.get(keyOf(partner))!;
    groupOf[index] = group;
    members[group]! += 1;
  });
  return { groupOf, keys, labels: keys.map(label), members };
}

/** Durations summarised by every grouping a report shows. */
interface DurationSummaries {
  total: SampleSummary;
  byBucket: SampleSummary;
  byPartner: SampleSummary;
  byTier: SampleSummary;
  byProgram: SampleSummary;
}

function summarizePartnerDurations(
  samples: GroupedSamples,
  bucketCount: number,
  partnerCount: number,
  tiers: PartnerGrouping,
  programs: PartnerGrouping,
): DurationSummaries {
  return {
    total: samples.summarize(1, samples.groupsBy(1, { constant: 0 })),
    byBucket: samples.summarize(bucketCount, samples.groupsBy(0)),
    byPartner: samples.summarize(partnerCount, samples.groupsBy(1)),
    byTier: samples.summarize(tiers.keys.length, samples.groupsBy(1, { map: tiers.groupOf })),
    byProgram: samples.summarize(programs.keys.length, samples.groupsBy(1, { map: programs.groupOf })),
  };
}

const at = (summary: SampleSummary, group: number): SummaryAt => ({ summary, group });

/** The channel's deal KPIs from one group's counters and its with- and without-partner days to close. */
function channelDeals(
  counters: Counters,
  withDays: SummaryAt,
  withoutDays: SummaryAt,
  currency: CurrencyCode,
): ChannelDealKpis {
  const read = (slot: number) => counters.values[counters.base + slot]!;
  return {
    ...partnerDealKpis(counters, withDays, currency),
    directPipeline: {
      amount: moneyOf(read(Slot.directPipelineAmount), currency),
      deals: read(Slot.directPipelineDeals),
    },
    directWon: { amount: moneyOf(read(Slot.directWonAmount), currency), deals: read(Slot.directWonDeals) },
    withoutPartner: directOutcomes(counters, withoutDays, currency),
  };
}

/** Activities by kind from `counts[base + kind]`, and the engaged partners. */
function engagementOf(kinds: readonly string[], counts: Float64Array, base: number, engaged: number): EngagementKpis {
  const byKind: EngagementKpis['byKind'] = [];
  let activities = 0;
  for (let kind = 0; kind < kinds.length; kind++) {
    const count = counts[base + kind]!;
    if (count === 0) continue;
    byKind.push({ kind: kinds[kind]!, count });
    activities += count;
  }
  byKind.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return { activities, byKind, engagedPartners: engaged };
}

/** Engagement per bucket, partner and group: activity counts by kind and engaged partners. */
function engagementTables(activities: ActivityLog, bucketCount: number, partnerCount: number) {
  const kindCount = activities.kinds.length;
  const byBucketKind = new Float64Array(bucketCount * kindCount);
  const byPartnerKind = new Float64Array(partnerCount * kindCount);
  const totalKind = new Float64Array(kindCount);
  const engagedIn = new Uint8Array(partnerCount * bucketCount);
  activities.forEach((partner, kind, bucket, count) => {
    byBucketKind[bucket * kindCount + kind]! += count;
    byPartnerKind[partner * kindCount + kind]! += count;
    totalKind[kind]! += count;
    engagedIn[partner * bucketCount + bucket] = 1;
  });
  const engagedInWindow = new Uint8Array(partnerCount);
  const engagedPerBucket = new Int32Array(bucketCount);
  for (let partner = 0; partner < partnerCount; partner++) {
    const row = partner * bucketCount;
    for (let bucket = 0; bucket < bucketCount; bucket++) {
      if (engagedIn[row + bucket] === 0) continue;
      engagedPerBucket[bucket]! += 1;
      engagedInWindow[partner] = 1;
    }
  }
  return { kindCount, byBucketKind, byPartnerKind, totalKind, engagedInWindow, engagedPerBucket };
}

/**
 * Writes the KPI report from what the calculator gathered: durations summarised by every grouping,
 * counters added up for the window and for partner groups, one row per partner, per tier, program and
 * region, the tier distribution and the charts.
 */
export function writeChannelKpiReport(data: GatheredKpis, mdfRoi: MdfRoiReport | null): ChannelKpiReport {
  const { program, window, buckets, partners, currency } = data;
  const bucketCount = buckets.length;
  const partnerCount = partners.length;
  const regionCount = data.regionKeys.length;

  const tiers = groupPartners(
    partners,
    (partner) => partner.tierId ?? 'none',
    ['none', ...program.tiers.map((tier) => tier.id)],
    (key) => (key === 'none' ? 'No tier' : (program.tiers.find((tier) => tier.id === key)?.name ?? key)),
  );
  const programs = groupPartners(
    partners,
    (partner) => partner.programId,
    [program.id],
    (key) => (key === program.id ? program.name : key),
  );

  const days = data.dealDays;
  const daysTotal = days.summarize(2, days.groupsBy(1, { split: true, constant: 0 }));
  const daysByBucket = days.summarize(bucketCount * 2, days.groupsBy(0, { split: true }));
  const daysByRegion = days.summarize(regionCount * 2, days.groupsBy(2, { split: true }));
  const daysByPartner = days.summarize(partnerCount, days.groupsBy(1));
  const daysByTier = days.summarize(tiers.keys.length, days.groupsBy(1, { map: tiers.groupOf }));
  const daysByProgram = days.summarize(programs.keys.length, days.groupsBy(1, { map: programs.groupOf }));
  const approvals = summarizePartnerDurations(data.approvals, bucketCount, partnerCount, tiers, programs);
  const acceptances = summarizePartnerDurations(data.acceptances, bucketCount, partnerCount, tiers, programs);

  const totalTally = new Tally(1);
  for (let bucket = 0; bucket < bucketCount; bucket++) data.bucketTally.addGroupInto(bucket, totalTally, 0);
  const tierTally = new Tally(tiers.keys.length);
  const programTally = new Tally(programs.keys.length);
  for (let partner = 0; partner < partnerCount; partner++) {
    data.partnerTally.addGroupInto(partner, tierTally, tiers.groupOf[partner]!);
    data.partnerTally.addGroupInto(partner, programTally, programs.groupOf[partner]!);
  }

  const kinds = data.activities.kinds;
  const engagement = engagementTables(data.activities, bucketCount, partnerCount);
  const { kindCount } = engagement;
  const groupEngagement = (grouping: PartnerGrouping) => {
    const counts = new Float64Array(grouping.keys.length * kindCount);
    const engaged = new Int32Array(grouping.keys.length);
    for (let partner = 0; partner < partnerCount; partner++) {
      const group = grouping.groupOf[partner]!;
      for (let kind = 0; kind < kindCount; kind++) {
        counts[group * kindCount + kind]! += engagement.byPartnerKind[partner * kindCount + kind]!;
      }
      engaged[group]! += engagement.engagedInWindow[partner]!;
    }
    return grouping.keys.map((_, group) => engagementOf(kinds, counts, group * kindCount, engaged[group]!));
  };
  let engagedTotal = 0;
  for (let partner = 0; partner < partnerCount; partner++) engagedTotal += engagement.engagedInWindow[partner]!;

  const partnerKpis = (
    counters: Counters,
    dealDays: SummaryAt,
    approval: SummaryAt,
    acceptance: SummaryAt,
    engaged: EngagementKpis,
  ): PartnerKpis => ({
    deals: partnerDealKpis(counters, dealDays, currency),
    registrations: registrationKpis(counters, approval),
    leadOffers: leadOfferKpis(counters, acceptance),
    engagement: engaged,
    investment: investmentKpis(counters, currency),
  });
  const channelKpis = (
    counters: Counters,
    dealDays: SampleSummary,
    daysGroup: number,
    approval: SummaryAt,
    acceptance: SummaryAt,
    engaged: EngagementKpis,
  ): ChannelKpis => ({
    deals: channelDeals(counters, at(dealDays, daysGroup * 2), at(dealDays, daysGroup * 2 + 1), currency),
    registrations: registrationKpis(counters, approval),
    leadOffers: leadOfferKpis(counters, acceptance),
    engagement: engaged,
    investment: investmentKpis(counters, currency),
  });

  const total = channelKpis(
    countersAt(totalTally.values, 0),
    daysTotal,
    0,
    at(approvals.total, 0),
    at(acceptances.total, 0),
    engagementOf(kinds, engagement.totalKind, 0, engagedTotal),
  );
  const byBucket = buckets.map((_, bucket) =>
    channelKpis(
      countersAt(data.bucketTally.values, bucket),
      daysByBucket,
      bucket,
      at(approvals.byBucket, bucket),
      at(acceptances.byBucket, bucket),
      engagementOf(kinds, engagement.byBucketKind, bucket * kindCount, engagement.engagedPerBucket[bucket]!),
    ),
  );
  const byPartner: PartnerKpiRow[] = new Array<PartnerKpiRow>(partnerCount);
  for (let position = 0; position < partnerCount; position++) {
    const partner = partners[position]!;
    byPartner[position] = {
      partnerId: partner.id,
      name: partner.name,
      status: partner.status,
      tierId: partner.tierId,
      programId: partner.programId,
      kpis: partnerKpis(
        countersAt(data.partnerTally.values, position),
        at(daysByPartner, position),
        at(approvals.byPartner, position),
        at(acceptances.byPartner, position),
        engagementOf(kinds, engagement.byPartnerKind, position * kindCount, engagement.engagedInWindow[position]!),
      ),
    };
  }
  const groupRows = (
    grouping: PartnerGrouping,
    tally: Tally,
    dealDays: SampleSummary,
    durations: { approval: SampleSummary; acceptance: SampleSummary },
  ): GroupKpiRow[] => {
    const engaged = groupEngagement(grouping);
    return grouping.keys.map((key, group) => ({
      key,
      label: grouping.labels[group]!,
      partners: grouping.members[group]!,
      kpis: partnerKpis(
        countersAt(tally.values, group),
        at(dealDays, group),
        at(durations.approval, group),
        at(durations.acceptance, group),
        engaged[group]!,
      ),
    }));
  };
  const byTier = groupRows(tiers, tierTally, daysByTier, {
    approval: approvals.byTier,
    acceptance: acceptances.byTier,
  });
  const byProgram = groupRows(programs, programTally, daysByProgram, {
    approval: approvals.byProgram,
    acceptance: acceptances.byProgram,
  });
  const byRegion: RegionKpiRow[] = data.regionKeys
    .map((key, index) => ({ key, index }))
    .sort((a, b) =>
      a.key === UNKNOWN_REGION ? 1 : b.key === UNKNOWN_REGION ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    )
    .map(({ key, index }) => ({
      key,
      label: key === UNKNOWN_REGION ? 'Unknown region' : key,
      deals: channelDeals(
        { values: data.regionCounters[index]!, base: 0 },
        at(daysByRegion, index * 2),
        at(daysByRegion, index * 2 + 1),
        currency,
      ),
    }));

  const member = Uint8Array.from(partners, (partner) => (isChannelMember(partner.status) ? 1 : 0));
  const tierKpis = data.tiers.report(
    buckets,
    data.index,
    partners.map((partner) => data.tiers.keyOf(partner.tierId)),
    member,
  );
  const report: Omit<ChannelKpiReport, 'charts'> = {
    currency,
    window: { ...window },
    regionBy: data.regionBy,
    buckets: buckets.map((bucket) => ({ ...bucket })),
    total,
    byBucket,
    byPartner,
    byTier,
    byProgram,
    byRegion,
    tiers: tierKpis,
    mdfRoi,
    dataIssues: data.issues.list(),
  };
  return { ...report, charts: channelKpiCharts(report) };
}
