/**
 * Channel analytics (issue 8): the KPI report of a 100,000-partner tenant with 5,000,000 deals, 1,000,000
 * registrations, 1,000,000 lead offers, 500,000 activities, 200,000 investments and 150,000 tier changes,
 * over three fiscal years in monthly buckets, streamed from typed arrays into the KPI calculator (one reused
 * row object per kind, as a caller streaming from columns would) and written as the full report (every
 * partner's row, the groups, the charts). The data is generated with a seed inside the suite and held
 * partner by partner (direct deals last), as a store ordered by partner pages it out and as the tier
 * benchmark streams it; a last run feeds the deals in a random order, to show what an unordered stream
 * costs. The suite checks the report against an independent count over the same columns (totals, the exact
 * median and 90th percentile of days to close, every partner's won revenue) before it prints the figures,
 * and checks that the random order gives the same report.
 */
import { performance } from 'node:perf_hooks';
import { toDayNumber, type PartnerStatus } from '@conduit/core';
import {
  createChannelKpis,
  type ChannelKpiCalculator,
  type ChannelKpiReport,
  type KpiActivity,
  type KpiDeal,
  type KpiInvestment,
  type KpiOffer,
  type KpiPartner,
  type KpiRegistration,
  type KpiTierChange,
  type KpiWindow,
} from '../../../shared/src/analytics/index.js';
import { seededRandom } from '../../eval/seeded-random.js';
import { demoProgram } from '../data/demo-program.js';
import type { Figure } from '../figure.js';
import { collectGarbage } from '../memory.js';
import type { BenchmarkSuite } from '../suite.js';

const PARTNERS = 100_000;
const DEALS = 5_000_000;
const REGISTRATIONS = 1_000_000;
const OFFERS = 1_000_000;
const ACTIVITIES = 500_000;
const INVESTMENTS = 200_000;
const TIER_CHANGES = 150_000;
const TARGET_MS = 3_000;
const MiB = 1024 * 1024;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** FY2025 to FY2027 of the demo program (years from February), month by month. */
const WINDOW: KpiWindow = { from: '2024-02-01', to: '2027-02-01', unit: 'month', calendar: 'fiscal' };
const FIRST_DAY = toDayNumber('2023-11-01');
const SPAN_DAYS = toDayNumber('2027-02-01') - FIRST_DAY;

const STATUSES: PartnerStatus[] = ['active', 'active', 'active', 'active', 'onboarding', 'suspended', 'offboarded'];
const TIER_IDS = [null, 'registered', 'silver', 'gold', 'platinum'];
const PROGRAM_IDS = ['conduit-partner-network', 'referral'];
const COUNTRIES = [null, 'US', 'DE', 'FR', 'GB', 'CA', 'AU', 'JP', 'NL', 'IE', 'CH', 'AT', 'BE', 'NZ', 'SE', 'ES'];
const ROLES = ['sourced', 'influenced'] as const;
const STAGES = ['open', 'won', 'lost'] as const;
const OUTCOMES = ['open', 'accepted', 'declined', 'expired'] as const;
const KINDS = ['training', 'webinar', 'portal-login', 'campaign', 'certification-exam'];
const NONE = -1;

/** The tenant in columns: one typed array per field, one entry per row. */
interface Dataset {
  partners: KpiPartner[];
  dealPartner: Int32Array;
  dealRole: Uint8Array;
  dealStage: Uint8Array;
  dealAmount: Float64Array;
  dealCreated: Int32Array;
  dealClosed: Int32Array;
  dealCountry: Uint8Array;
  registrationPartner: Int32Array;
  registrationSubmitted: Float64Array;
  registrationDecision: Uint8Array;
  registrationDecided: Float64Array;
  offerPartner: Int32Array;
  offerOffered: Float64Array;
  offerOutcome: Uint8Array;
  offerAnswered: Float64Array;
  activityPartner: Int32Array;
  activityKind: Uint8Array;
  activityDay: Int32Array;
  activityCount: Uint8Array;
  investmentPartner: Int32Array;
  investmentAmount: Float64Array;
  investmentDay: Int32Array;
  changePartner: Int32Array;
  changeFrom: Uint8Array;
  changeTo: Uint8Array;
  changeDay: Int32Array;
  bytes: number;
}

function generate(seed: number): Dataset {
  const random = seededRandom(seed);
  const int = (below: number) => Math.floor(random() * below);
  // Ids as a database driver or JSON.parse delivers them: flat strings, not the concatenations a template builds.
  const ids = JSON.parse(
    JSON.stringify(Array.from({ length: PARTNERS }, (_, index) => `partner-${String(index).padStart(6, '0')}`)),
  ) as string[];
  const partners: KpiPartner[] = ids.map((id, index) => ({
    id,
    name: `Partner ${index}`,
    status: STATUSES[int(STATUSES.length)]!,
    tierId: TIER_IDS[Math.min(4, Math.floor(random() * random() * 6))]!,
    programId: PROGRAM_IDS[random() < 0.8 ? 0 : 1]!,
  }));
  // A few partners bring most rows: partner indexes drawn with a skew, then laid out partner by partner.
  const skewed = () => Math.floor(PARTNERS * random() ** 1.6);
  const byPartner = (count: number) => Int32Array.from({ length: count }, skewed).sort();

  const dealPartner = new Int32Array(DEALS);
  const dealRole = new Uint8Array(DEALS);
  const dealStage = new Uint8Array(DEALS);
  const dealAmount = new Float64Array(DEALS);
  const dealCreated = new Int32Array(DEALS);
  const dealClosed = new Int32Array(DEALS);
  const dealCountry = new Uint8Array(DEALS);
  const partnerDeals = byPartner(Math.round(DEALS * 0.7));
  for (let deal = 0; deal < DEALS; deal++) {
    dealPartner[deal] = deal < partnerDeals.length ? partnerDeals[deal]! : NONE;
    dealRole[deal] = random() < 0.6 ? 0 : 1;
    dealStage[deal] = random() < 0.2 ? 0 : random() < 0.45 ? 1 : 2;
    dealAmount[deal] = 100_000 + int(50_000_000);
    const created = FIRST_DAY + int(SPAN_DAYS);
    dealCreated[deal] = created;
    dealClosed[deal] = dealStage[deal] === 0 ? NONE : created + Math.floor(400 * random() ** 2);
    dealCountry[deal] = int(COUNTRIES.length);
  }

  const registrationPartner = byPartner(REGISTRATIONS);
  const registrationSubmitted = new Float64Array(REGISTRATIONS);
  const registrationDecision = new Uint8Array(REGISTRATIONS);
  const registrationDecided = new Float64Array(REGISTRATIONS);
  for (let index = 0; index < REGISTRATIONS; index++) {
    const submitted = (FIRST_DAY + int(SPAN_DAYS)) * DAY + int(DAY);
    registrationSubmitted[index] = submitted;
    registrationDecision[index] = random() < 0.1 ? 0 : random() < 0.85 ? 1 : 2;
    registrationDecided[index] = submitted + Math.floor(120 * HOUR * random() ** 2);
  }

  const offerPartner = byPartner(OFFERS);
  const offerOffered = new Float64Array(OFFERS);
  const offerOutcome = new Uint8Array(OFFERS);
  const offerAnswered = new Float64Array(OFFERS);
  for (let index = 0; index < OFFERS; index++) {
    const offered = (FIRST_DAY + int(SPAN_DAYS)) * DAY + int(DAY);
    offerOffered[index] = offered;
    const draw = random();
    offerOutcome[index] = draw < 0.05 ? 0 : draw < 0.75 ? 1 : draw < 0.9 ? 2 : 3;
    offerAnswered[index] = offered + Math.floor(48 * HOUR * random() ** 1.5);
  }

  const activityPartner = byPartner(ACTIVITIES);
  const activityKind = Uint8Array.from({ length: ACTIVITIES }, () => int(KINDS.length));
  const activityDay = Int32Array.from({ length: ACTIVITIES }, () => FIRST_DAY + int(SPAN_DAYS));
  const activityCount = Uint8Array.from({ length: ACTIVITIES }, () => 1 + int(5));
  const investmentPartner = byPartner(INVESTMENTS);
  const investmentAmount = Float64Array.from({ length: INVESTMENTS }, () => 50_000 + int(5_000_000));
  const investmentDay = Int32Array.from({ length: INVESTMENTS }, () => FIRST_DAY + int(SPAN_DAYS));
  const changePartner = Int32Array.from({ length: TIER_CHANGES }, () => int(PARTNERS)).sort();
  const changeFrom = Uint8Array.from({ length: TIER_CHANGES }, () => int(TIER_IDS.length));
  const changeTo = Uint8Array.from(changeFrom, (from) =>
    from === 4 || (from > 0 && random() < 0.4) ? from - 1 : from + 1,
  );
  const changeDay = Int32Array.from({ length: TIER_CHANGES }, () => FIRST_DAY + int(SPAN_DAYS));

  const columns = [
    dealPartner,
    dealRole,
    dealStage,
    dealAmount,
    dealCreated,
    dealClosed,
    dealCountry,
    registrationPartner,
    registrationSubmitted,
    registrationDecision,
    registrationDecided,
    offerPartner,
    offerOffered,
    offerOutcome,
    offerAnswered,
    activityPartner,
    activityKind,
    activityDay,
    activityCount,
    investmentPartner,
    investmentAmount,
    investmentDay,
    changePartner,
    changeFrom,
    changeTo,
    changeDay,
  ];
  return {
    partners,
    dealPartner,
    dealRole,
    dealStage,
    dealAmount,
    dealCreated,
    dealClosed,
    dealCountry,
    registrationPartner,
    registrationSubmitted,
    registrationDecision,
    registrationDecided,
    offerPartner,
    offerOffered,
    offerOutcome,
    offerAnswered,
    activityPartner,
    activityKind,
    activityDay,
    activityCount,
    investmentPartner,
    investmentAmount,
    investmentDay,
    changePartner,
    changeFrom,
    changeTo,
    changeDay,
    bytes: columns.reduce((sum, column) => sum + column.byteLength, 0),
  };
}

/** The deal columns. */
type DealColumns = Pick<
  Dataset,
  'dealPartner' | 'dealRole' | 'dealStage' | 'dealAmount' | 'dealCreated' | 'dealClosed' | 'dealCountry'
>;

/** The deal columns in a seeded random order: the same deals, no longer grouped by partner. */
function shuffledDeals(data: Dataset): DealColumns {
  const random = seededRandom(7);
  const order = Int32Array.from({ length: DEALS }, (_, index) => index);
  for (let index = DEALS - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(column: T): T =>
    column.map((_, position) => column[order[position]!]!) as T;
  return {
    dealPartner: pick(data.dealPartner),
    dealRole: pick(data.dealRole),
    dealStage: pick(data.dealStage),
    dealAmount: pick(data.dealAmount),
    dealCreated: pick(data.dealCreated),
    dealClosed: pick(data.dealClosed),
    dealCountry: pick(data.dealCountry),
  };
}

/** Streams every column into a fresh calculator, one reused row object per kind; the deals from `deals`. */
function feed(data: Dataset, deals: DealColumns = data): ChannelKpiCalculator {
  const started = createChannelKpis({ program: demoProgram(), window: WINDOW, partners: data.partners });
  if (!started.success) throw new Error(started.issues[0]!.message);
  const calculator = started.data;
  const ids = data.partners.map((partner) => partner.id);

  const deal: KpiDeal = {
    partnerId: null,
    role: null,
    stage: 'open',
    amount: 0,
    createdOn: 0,
    closedOn: null,
    country: null,
    subdivision: null,
  };
  for (let index = 0; index < DEALS; index++) {
    const partner = deals.dealPartner[index]!;
    deal.partnerId = partner === NONE ? null : ids[partner]!;
    deal.role = partner === NONE ? null : ROLES[deals.dealRole[index]!]!;
    deal.stage = STAGES[deals.dealStage[index]!]!;
    deal.amount = deals.dealAmount[index]!;
    deal.createdOn = deals.dealCreated[index]!;
    const closed = deals.dealClosed[index]!;
    deal.closedOn = closed === NONE ? null : closed;
    deal.country = COUNTRIES[deals.dealCountry[index]!]!;
    calculator.addDeal(deal);
  }

  const registration: KpiRegistration = {
    partnerId: '',
    submittedAt: 0,
    decision: null,
    decidedAt: null,
    decidedOn: null,
  };
  for (let index = 0; index < REGISTRATIONS; index++) {
    const decision = data.registrationDecision[index]!;
    const decided = data.registrationDecided[index]!;
    registration.partnerId = ids[data.registrationPartner[index]!]!;
    registration.submittedAt = data.registrationSubmitted[index]!;
    registration.decision = decision === 0 ? null : decision === 1 ? 'approved' : 'rejected';
    registration.decidedAt = decision === 0 ? null : decided;
    registration.decidedOn = decision === 0 ? null : Math.floor(decided / DAY);
    calculator.addRegistration(registration);
  }

  const offer: KpiOffer = {
    partnerId: '',
    offeredAt: 0,
    dueAt: 0,
    outcome: 'open',
    answeredAt: null,
    resolvedOn: null,
  };
  for (let index = 0; index < OFFERS; index++) {
    const outcome = OUTCOMES[data.offerOutcome[index]!]!;
    const offered = data.offerOffered[index]!;
    const due = offered + 24 * HOUR;
    const answered = data.offerAnswered[index]!;
    offer.partnerId = ids[data.offerPartner[index]!]!;
    offer.offeredAt = offered;
    offer.dueAt = due;
    offer.outcome = outcome;
    offer.answeredAt = outcome === 'accepted' || outcome === 'declined' ? answered : null;
    offer.resolvedOn = outcome === 'open' ? null : Math.floor((outcome === 'expired' ? due : answered) / DAY);
    calculator.addOffer(offer);
  }

  const activity: KpiActivity = { partnerId: '', kind: KINDS[0]!, on: 0, count: 1 };
  for (let index = 0; index < ACTIVITIES; index++) {
    activity.partnerId = ids[data.activityPartner[index]!]!;
    activity.kind = KINDS[data.activityKind[index]!]!;
    activity.on = data.activityDay[index]!;
    activity.count = data.activityCount[index]!;
    calculator.addActivity(activity);
  }
  const investment: KpiInvestment = { partnerId: '', kind: 'mdf', amount: 0, on: 0 };
  for (let index = 0; index < INVESTMENTS; index++) {
    investment.partnerId = ids[data.investmentPartner[index]!]!;
    investment.amount = data.investmentAmount[index]!;
    investment.on = data.investmentDay[index]!;
    calculator.addInvestment(investment);
  }
  const change: KpiTierChange = { partnerId: '', fromTierId: null, toTierId: null, effectiveOn: 0 };
  for (let index = 0; index < TIER_CHANGES; index++) {
    change.partnerId = ids[data.changePartner[index]!]!;
    change.fromTierId = TIER_IDS[data.changeFrom[index]!]!;
    change.toTierId = TIER_IDS[data.changeTo[index]!]!;
    change.effectiveOn = data.changeDay[index]!;
    calculator.addTierChange(change);
  }
  return calculator;
}

/** The KPI computation the target is about: every row streamed in, then the full report written. */
function computeReport(
  data: Dataset,
  phases?: { feedMs: number; reportMs: number },
  deals?: DealColumns,
): ChannelKpiReport {
  const started = performance.now();
  const calculator = feed(data, deals);
  const fed = performance.now();
  const report = calculator.report();
  if (phases) {
    phases.feedMs = fed - started;
    phases.reportMs = performance.now() - fed;
  }
  return report;
}

/** The bytes alive after a full collection: the heap, and the buffers of typed arrays outside it. */
function liveBytes(): number {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The nearest-rank percentile of sorted values. */
function percentileOfSorted(sorted: Float64Array, percent: number): number {
  return sorted[Math.ceil((percent * sorted.length) / 100) - 1]!;
}

/**
 * Counts the same numbers independently of the engine, straight from the columns (a full sort for the
 * percentiles), and throws on the first difference with the report.
 */
function checkReport(data: Dataset, report: ChannelKpiReport): string {
  const [from, to] = [toDayNumber(WINDOW.from), toDayNumber(WINDOW.to)];
  const inWindow = (day: number) => day >= from && day < to;
  let sourcedWon = 0;
  let directPipeline = 0;
  const days: number[] = [];
  const wonByPartner = new Float64Array(PARTNERS);
  for (let deal = 0; deal < DEALS; deal++) {
    const partner = data.dealPartner[deal]!;
    if (partner === NONE && inWindow(data.dealCreated[deal]!)) directPipeline += data.dealAmount[deal]!;
    const closed = data.dealClosed[deal]!;
    if (data.dealStage[deal] !== 1 || !inWindow(closed) || partner === NONE) continue;
    if (data.dealRole[deal] === 0) sourcedWon += data.dealAmount[deal]!;
    wonByPartner[partner]! += data.dealAmount[deal]!;
    days.push(closed - data.dealCreated[deal]!);
  }
  const sorted = Float64Array.from(days).sort();
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected)
      throw new Error(`The report's ${what} is ${String(actual)}, but counting gives ${String(expected)}.`);
  };
  const total = report.total.deals;
  expect('partner-sourced won revenue', total.sourcedWon.amount.amount, sourcedWon);
  expect('direct pipeline', total.directPipeline.amount.amount, directPipeline);
  expect('count of partner wins', total.outcomes.daysToClose.count, sorted.length);
  expect('median days to close with partners', total.outcomes.daysToClose.median, percentileOfSorted(sorted, 50));
  expect(
    '90th percentile of days to close with partners',
    total.outcomes.daysToClose.p90,
    percentileOfSorted(sorted, 90),
  );
  report.byPartner.forEach((row, partner) => {
    const won = row.kpis.deals.sourcedWon.amount.amount + row.kpis.deals.influencedWon.amount.amount;
    expect(`won revenue of ${row.partnerId}`, won, wonByPartner[partner]);
  });
  return `median ${total.outcomes.daysToClose.median} and p90 ${total.outcomes.daysToClose.p90} days over ${sorted.length.toLocaleString('en-US')} partner wins agree`;
}

/**
 * Times one KPI computation and hands its report to `inspect`, then lets it go: the next run starts without
 * the last report (190 MiB of objects) alive, as in production.
 */
function timed(run: () => ChannelKpiReport, inspect: (report: ChannelKpiReport) => void = () => undefined) {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const report = run();
  const wallMs = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  inspect(report);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const suite: BenchmarkSuite = {
  name: 'channel analytics',
  async run(log) {
    log(
      `generating ${PARTNERS.toLocaleString('en-US')} partners, ${DEALS.toLocaleString('en-US')} deals, ${REGISTRATIONS.toLocaleString('en-US')} registrations, ${OFFERS.toLocaleString('en-US')} lead offers…`,
    );
    const data = generate(20261124);
    const verdict = (ms: number) => `target ≤ ${TARGET_MS} ms: ${ms <= TARGET_MS ? 'met' : 'MISSED'}`;

    // The first run pays for compiling the engine; the second is the steady state.
    log('KPI report, first run…');
    const phases = { feedMs: 0, reportMs: 0 };
    let checked = '';
    let summary = '';
    const first = timed(
      () => computeReport(data, phases),
      (report) => {
        checked = checkReport(data, report);
        summary = `${report.dataIssues.length} kinds of unusable rows; ${report.charts.length} charts`;
      },
    );
    log(`  ${first.wallMs.toFixed(0)} ms wall (${verdict(first.wallMs)}), ${first.cpuMs.toFixed(0)} ms of CPU`);
    log(`  streaming the rows ${phases.feedMs.toFixed(0)} ms, writing the report ${phases.reportMs.toFixed(0)} ms`);
    log(`  checking against an independent count: ${checked}`);
    log(`  ${summary}`);

    log('second run…');
    collectGarbage();
    let total = '';
    const second = timed(
      () => computeReport(data, phases),
      (report) => (total = JSON.stringify(report.total)),
    );
    log(`  ${second.wallMs.toFixed(0)} ms wall (${verdict(second.wallMs)}), ${second.cpuMs.toFixed(0)} ms of CPU`);
    log(`  streaming the rows ${phases.feedMs.toFixed(0)} ms, writing the report ${phases.reportMs.toFixed(0)} ms`);

    log('deals in a random order…');
    const randomOrder = shuffledDeals(data);
    collectGarbage();
    let shuffledTotal = '';
    const shuffled = timed(
      () => computeReport(data, phases, randomOrder),
      (report) => (shuffledTotal = JSON.stringify(report.total)),
    );
    log(`  ${shuffled.wallMs.toFixed(0)} ms wall, ${shuffled.cpuMs.toFixed(0)} ms of CPU`);
    log(`  streaming the rows ${phases.feedMs.toFixed(0)} ms, writing the report ${phases.reportMs.toFixed(0)} ms`);
    if (shuffledTotal !== total) {
      throw new Error('The random order gives another report.');
    }

    // Memory, in an untimed run: what is alive after a full collection (the JavaScript heap and the typed
    // arrays' buffers, which live outside it) with the calculator's state once every row is in, then with
    // the written report, above what was alive before it started.
    log('memory…');
    const baseline = liveBytes();
    const calculator = feed(data);
    const withState = liveBytes() - baseline;
    const report = calculator.report();
    const withReport = liveBytes() - baseline;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    const reportBytes = Buffer.byteLength(JSON.stringify(report));
    log(`  calculator state ${(withState / MiB).toFixed(1)} MiB; with the report ${(withReport / MiB).toFixed(1)} MiB`);

    const figures: Figure[] = [
      { name: 'channel KPIs, 100k partners, 5M deals, first run (wall)', value: first.wallMs, unit: 'ms' },
      { name: 'channel KPIs, 100k partners, 5M deals, first run (CPU)', value: first.cpuMs, unit: 'ms' },
      { name: 'channel KPIs, 100k partners, 5M deals, second run (wall)', value: second.wallMs, unit: 'ms' },
      { name: 'channel KPIs, 100k partners, 5M deals, second run (CPU)', value: second.cpuMs, unit: 'ms' },
      { name: 'channel KPI deal throughput', value: DEALS / (second.wallMs / 1000), unit: 'deals/s' },
      { name: 'channel KPIs, deals in random order (wall)', value: shuffled.wallMs, unit: 'ms' },
      { name: 'channel KPIs, deals in random order (CPU)', value: shuffled.cpuMs, unit: 'ms' },
      { name: 'channel KPI calculator state, live (heap + buffers)', value: withState / MiB, unit: 'MiB' },
      { name: 'channel KPI calculator and report, live (heap + buffers)', value: withReport / MiB, unit: 'MiB' },
      { name: 'benchmark process peak RSS (dataset, runs, reports)', value: peakRss / MiB, unit: 'MiB' },
      { name: 'channel dataset in typed arrays', value: data.bytes / MiB, unit: 'MiB' },
      { name: 'channel KPI report as JSON', value: reportBytes / MiB, unit: 'MiB' },
    ];
    return figures;
  },
};
