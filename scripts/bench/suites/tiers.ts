import { performance } from 'node:perf_hooks';
import {
  type Certification,
  type Program,
  createTierEvaluator,
  createTierMovementTally,
  evaluatePartnerTierInputs,
  fromDayNumber,
  toDayNumber,
  type PartnerTierInputs,
  type TierEvaluator,
  type TierProposal,
  type TierStanding,
} from '@conduit/core';
import { seededRandom } from '../../eval/seeded-random.js';
import { demoProgram, parsedProgram } from '../data/demo-program.js';
import type { Figure } from '../figure.js';
import { collectGarbage } from '../memory.js';
import type { BenchmarkSuite } from '../suite.js';

const AS_OF = '2026-11-24';
const PARTNERS = 100_000;
const DEALS = 5_000_000;
const CERTIFICATIONS = 300_000;
const REGISTRATIONS = 1_000_000;
const SCORES = 200_000;
const TARGET_CPU_MS = 2_000;
const CHECKED_PARTNERS = 1_000;

const ROLES = ['sourced', 'influenced'] as const;
const CURRENCIES = ['USD', 'EUR'];
const CERTIFICATION_TYPES = [
  'sales-professional',
  'technical-specialist',
  'cloud-architect',
  'security-engineer',
  'analyst',
];
const PRODUCTS = [undefined, 'insights'];
const TIER_IDS = ['registered', 'silver', 'gold', 'platinum'];
const SPECIALIZATION_IDS = ['cloud-migration', 'security', 'data-analytics'];
const NO_EXPIRY = -1;

/** `total` items spread over the partners, between `min` and `max` each (before the last adjustment). */
function spread(random: () => number, total: number, min: number, max: number): Int32Array {
  const starts = new Int32Array(PARTNERS + 1);
  const counts = new Int32Array(PARTNERS);
  let sum = 0;
  for (let partner = 0; partner < PARTNERS; partner++) {
    counts[partner] = min + Math.floor(random() * (max - min + 1));
    sum += counts[partner]!;
  }
  for (let partner = 0; sum !== total; partner = (partner + 1) % PARTNERS) {
    const step = sum < total ? 1 : -1;
    if (counts[partner]! + step < 0) continue;
    counts[partner] = counts[partner]! + step;
    sum += step;
  }
  for (let partner = 0; partner < PARTNERS; partner++) starts[partner + 1] = starts[partner]! + counts[partner]!;
  return starts;
}

/** The tenant in columns: typed arrays, one entry per deal, certification, registration or score, partner by partner. */
interface Dataset {
  ids: string[];
  standings: TierStanding[];
  dealStart: Int32Array;
  dealDay: Int32Array;
  dealAmount: Float64Array;
  dealRole: Uint8Array;
  dealCurrency: Uint8Array;
  certificationStart: Int32Array;
  certificationType: Uint8Array;
  certificationProduct: Uint8Array;
  certificationEarned: Int32Array;
  certificationExpires: Int32Array;
  registrationStart: Int32Array;
  registrationDay: Int32Array;
  scoreStart: Int32Array;
  scoreDay: Int32Array;
  scoreValue: Float64Array;
  bytes: number;
}

function standingOf(random: () => number, partnerId: string, today: number): TierStanding {
  const day = (daysBack: number) => fromDayNumber(today - daysBack);
  const tierId = TIER_IDS[Math.min(3, Math.floor(random() * random() * 5))]!;
  const specializations = SPECIALIZATION_IDS.filter(() => random() < 0.15).map((specializationId) => ({
    specializationId,
    since: day(400),
    graceSince: random() < 0.2 ? day(Math.floor(random() * 200)) : null,
  }));
  const since = day(30 + Math.floor(random() * 700));
  const tier = {
    tierId,
    since,
    reachedBy: random() < 0.5 ? ('upgrade' as const) : ('initial' as const),
    decidedOn: since,
  };
  const shared = { partnerId, version: 1, specializations, history: [] };
  const draw = random();
  if (draw < 0.08) {
    return {
      ...shared,
      status: 'in_grace',
      tier,
      grace: { since: day(Math.floor(random() * 300)) },
      override: null,
      scheduled: null,
    };
  }
  if (draw < 0.11) {
    const override = {
      tierId,
      setOn: day(100),
      expiresOn: day(60 - Math.floor(random() * 120)),
      reason: 'Strategic account',
      by: 'u-1',
    };
    return {
      ...shared,
      status: 'overridden',
      tier: { ...tier, reachedBy: 'override' },
      grace: null,
      override,
      scheduled: null,
    };
  }
  if (draw < 0.14) {
    const scheduled = {
      direction: 'downgrade' as const,
      reason: 'grace_over' as const,
      toTierId: 'registered',
      effectiveOn: day(20 - Math.floor(random() * 40)),
      decidedOn: day(40),
      appliedOn: day(39),
      decidedBy: { kind: 'automatic' as const },
      proposalId: null,
      graceSinceAfter: null,
    };
    return { ...shared, status: 'tiered', tier, grace: null, override: null, scheduled };
  }
  return { ...shared, status: 'tiered', tier, grace: null, override: null, scheduled: null };
}

function generate(seed: number): Dataset {
  const random = seededRandom(seed);
  const today = toDayNumber(AS_OF);
  const ids = Array.from({ length: PARTNERS }, (_, index) => `partner-${String(index).padStart(6, '0')}`);
  const standings = ids.map((id) => standingOf(random, id, today));
  // Twelve-month sourced revenue spread log-uniformly from 20,000 to 5,000,000 USD, across every tier's threshold.
  const scale = Float64Array.from(ids, () => (20_000_00 * Math.pow(250, random())) / 7);

  const dealStart = spread(random, DEALS, 20, 80);
  const dealDay = new Int32Array(DEALS);
  const dealAmount = new Float64Array(DEALS);
  const dealRole = new Uint8Array(DEALS);
  const dealCurrency = new Uint8Array(DEALS);
  for (let partner = 0; partner < PARTNERS; partner++) {
    for (let deal = dealStart[partner]!; deal < dealStart[partner + 1]!; deal++) {
      const recent = random();
      dealDay[deal] = today - Math.floor(recent * recent * 1100);
      dealAmount[deal] = Math.floor(random() * scale[partner]!);
      dealRole[deal] = random() < 0.7 ? 0 : 1;
      dealCurrency[deal] = random() < 0.001 ? 1 : 0;
    }
  }

  const certificationStart = spread(random, CERTIFICATIONS, 0, 6);
  const certificationType = new Uint8Array(CERTIFICATIONS);
  const certificationProduct = new Uint8Array(CERTIFICATIONS);
  const certificationEarned = new Int32Array(CERTIFICATIONS);
  const certificationExpires = new Int32Array(CERTIFICATIONS);
  for (let index = 0; index < CERTIFICATIONS; index++) {
    const type = random();
    certificationType[index] = type < 0.5 ? 0 : type < 0.7 ? 1 : 2 + Math.floor(random() * 3);
    certificationProduct[index] = random() < 0.3 ? 1 : 0;
    certificationEarned[index] = today - Math.floor(random() * 1500);
    certificationExpires[index] =
      random() < 0.3 ? NO_EXPIRY : certificationEarned[index]! + 365 + Math.floor(random() * 730);
  }

  const registrationStart = spread(random, REGISTRATIONS, 0, 20);
  const registrationDay = Int32Array.from({ length: REGISTRATIONS }, () => today - Math.floor(random() * 500));
  const scoreStart = spread(random, SCORES, 0, 4);
  const scoreDay = Int32Array.from({ length: SCORES }, () => today - Math.floor(random() * 250));
  const scoreValue = Float64Array.from({ length: SCORES }, () => 60 + Math.floor(random() * 41));

  const columns = [
    dealStart,
    dealDay,
    dealAmount,
    dealRole,
    dealCurrency,
    certificationStart,
    certificationType,
    certificationProduct,
    certificationEarned,
    certificationExpires,
    registrationStart,
    registrationDay,
    scoreStart,
    scoreDay,
    scoreValue,
  ];
  return {
    ids,
    standings,
    dealStart,
    dealDay,
    dealAmount,
    dealRole,
    dealCurrency,
    certificationStart,
    certificationType,
    certificationProduct,
    certificationEarned,
    certificationExpires,
    registrationStart,
    registrationDay,
    scoreStart,
    scoreDay,
    scoreValue,
    bytes: columns.reduce((sum, column) => sum + column.byteLength, 0),
  };
}

/** Streams each partner's columns into the tally, partner by partner, and hands over its proposal. */
function evaluateAll(
  evaluator: TierEvaluator,
  data: Dataset,
  consume: (proposal: TierProposal, partner: number) => void,
): void {
  const tally = evaluator.newTally();
  for (let partner = 0; partner < PARTNERS; partner++) {
    tally.reset();
    for (let deal = data.dealStart[partner]!; deal < data.dealStart[partner + 1]!; deal++) {
      tally.addWonDeal(
        ROLES[data.dealRole[deal]!]!,
        data.dealDay[deal]!,
        data.dealAmount[deal]!,
        CURRENCIES[data.dealCurrency[deal]!]!,
      );
    }
    for (let index = data.certificationStart[partner]!; index < data.certificationStart[partner + 1]!; index++) {
      const expires = data.certificationExpires[index]!;
      tally.addCertification(
        CERTIFICATION_TYPES[data.certificationType[index]!]!,
        PRODUCTS[data.certificationProduct[index]!],
        data.certificationEarned[index]!,
        expires === NO_EXPIRY ? null : expires,
      );
    }
    for (let index = data.registrationStart[partner]!; index < data.registrationStart[partner + 1]!; index++) {
      tally.addApprovedRegistration(data.registrationDay[index]!);
    }
    for (let index = data.scoreStart[partner]!; index < data.scoreStart[partner + 1]!; index++) {
      tally.addSatisfactionScore(data.scoreDay[index]!, data.scoreValue[index]!);
    }
    consume(evaluator.evaluate(data.standings[partner]!, tally), partner);
  }
}

/** One partner's columns as the plain arrays the single-partner API takes. */
function plainInputs(data: Dataset, partner: number): PartnerTierInputs {
  const partnerId = data.ids[partner]!;
  const range = (starts: Int32Array) =>
    Array.from({ length: starts[partner + 1]! - starts[partner]! }, (_, offset) => starts[partner]! + offset);
  return {
    partnerId,
    tierId: null,
    specializationIds: [],
    wonDeals: range(data.dealStart).map((deal) => ({
      id: `deal-${deal}`,
      partnerId,
      partnerRole: ROLES[data.dealRole[deal]!]!,
      closedOn: fromDayNumber(data.dealDay[deal]!),
      amount: { amount: data.dealAmount[deal]!, currency: CURRENCIES[data.dealCurrency[deal]!]! },
    })),
    certifications: range(data.certificationStart).map((index): Certification => {
      const product = PRODUCTS[data.certificationProduct[index]!];
      const expires = data.certificationExpires[index]!;
      return {
        type: CERTIFICATION_TYPES[data.certificationType[index]!]!,
        earnedOn: fromDayNumber(data.certificationEarned[index]!),
        expiresOn: expires === NO_EXPIRY ? null : fromDayNumber(expires),
        ...(product === undefined ? {} : { product }),
      };
    }),
    approvedRegistrations: range(data.registrationStart).map((index) => ({
      partnerId,
      approvedOn: fromDayNumber(data.registrationDay[index]!),
    })),
    satisfactionScores: range(data.scoreStart).map((index) => ({
      partnerId,
      date: fromDayNumber(data.scoreDay[index]!),
      value: data.scoreValue[index]!,
    })),
    customMetrics: [],
  };
}

const MiB = 1024 * 1024;

/** A draft that asks for more: Silver at 150,000 USD, Gold at 750,000 USD of twelve-month sourced revenue. */
function draftProgram(program: Program): Program {
  const draft = structuredClone(program);
  for (const [tierId, dollars] of [
    ['silver', 150_000],
    ['gold', 750_000],
  ] as const) {
    const condition = draft.tiers.find((tier) => tier.id === tierId)?.criteria.conditions[0];
    if (condition?.kind !== 'won_revenue') throw new Error('The demo program changed: update the what-if draft.');
    condition.atLeast = { amount: dollars * 100, currency: 'USD' };
  }
  return parsedProgram(draft);
}

/**
 * Tier evaluation of a 100,000-partner tenant (5,000,000 won deals, 300,000 certifications,
 * 1,000,000 approved registrations, 200,000 satisfaction scores) on the demo program, with the full
 * explanation of every proposal, streamed partner by partner from typed arrays; then what-if with a
 * draft program over the same data. Checks that the streaming path and the single-partner path agree.
 */
export const suite: BenchmarkSuite = {
  name: 'tier evaluation',
  async run(log) {
    const program = demoProgram();
    const gc = collectGarbage;

    log(
      `generating ${PARTNERS.toLocaleString('en-US')} partners, ${DEALS.toLocaleString('en-US')} deals, ${CERTIFICATIONS.toLocaleString('en-US')} certifications…`,
    );
    const data = generate(20261124);
    const evaluator = createTierEvaluator(program, AS_OF);

    // The first pass is what a nightly batch pays (the JIT compiles the engine on the way); the second
    // is the steady state. Memory is measured on the second, from a collected heap.
    log('evaluating every partner, with explanations: first pass…');
    const coldCpuBefore = process.cpuUsage();
    const coldWallBefore = performance.now();
    evaluateAll(evaluator, data, () => undefined);
    const coldWallMs = performance.now() - coldWallBefore;
    const coldCpu = process.cpuUsage(coldCpuBefore);
    const coldCpuMs = (coldCpu.user + coldCpu.system) / 1000;
    log(
      `  ${coldCpuMs.toFixed(0)} ms of CPU (target ≤ ${TARGET_CPU_MS} ms: ${coldCpuMs <= TARGET_CPU_MS ? 'met' : 'MISSED'}), ${coldWallMs.toFixed(0)} ms wall`,
    );

    log('second pass…');
    const kinds = new Map<string, number>();
    const actions = new Map<string, number>();
    const checked = new Map<number, string>();
    let steps = 0;
    let withIssues = 0;
    gc();
    const heapBefore = process.memoryUsage();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    evaluateAll(evaluator, data, (proposal, partner) => {
      kinds.set(proposal.kind, (kinds.get(proposal.kind) ?? 0) + 1);
      actions.set(proposal.action, (actions.get(proposal.action) ?? 0) + 1);
      steps += proposal.trace.steps.length;
      if (proposal.issues.length > 0) withIssues += 1;
      if (partner % (PARTNERS / CHECKED_PARTNERS) === 0) checked.set(partner, JSON.stringify(proposal));
    });
    const wallMs = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const heapAfter = process.memoryUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    log(
      `  ${cpuMs.toFixed(0)} ms of CPU (target ≤ ${TARGET_CPU_MS} ms: ${cpuMs <= TARGET_CPU_MS ? 'met' : 'MISSED'}), ${wallMs.toFixed(0)} ms wall`,
    );
    log(
      `  proposals: ${JSON.stringify(Object.fromEntries(kinds))}; actions: ${JSON.stringify(Object.fromEntries(actions))}`,
    );
    log(
      `  ${steps.toLocaleString('en-US')} explanation steps (${(steps / PARTNERS).toFixed(1)} a partner); ${withIssues} partners with data issues`,
    );

    log(`checking ${CHECKED_PARTNERS} partners against the single-partner API on plain arrays…`);
    for (const [partner, streamed] of checked) {
      const plain = JSON.stringify(
        evaluatePartnerTierInputs(evaluator, data.standings[partner], plainInputs(data, partner)),
      );
      if (plain !== streamed)
        throw new Error(`Partner ${data.ids[partner]}: the streaming and the plain-array evaluations differ.`);
    }

    log('what-if with a draft program…');
    const draftEvaluator = createTierEvaluator(draftProgram(program), AS_OF);
    const movements = createTierMovementTally();
    gc();
    const whatIfCpuBefore = process.cpuUsage();
    evaluateAll(draftEvaluator, data, (proposal) => movements.add(proposal));
    const report = movements.report(draftEvaluator.program, AS_OF);
    const whatIfCpu = process.cpuUsage(whatIfCpuBefore);
    const whatIfMs = (whatIfCpu.user + whatIfCpu.system) / 1000;
    log(
      `  ${report.moves.length.toLocaleString('en-US')} partners would move; matrix ${JSON.stringify(report.matrix.counts)}`,
    );
    log(`  ${whatIfMs.toFixed(0)} ms of CPU`);

    const figures: Figure[] = [
      { name: 'tier evaluation, 100k partners, first pass (CPU)', value: coldCpuMs, unit: 'ms' },
      { name: 'tier evaluation, 100k partners, first pass (wall)', value: coldWallMs, unit: 'ms' },
      { name: 'tier evaluation, 100k partners, second pass (CPU)', value: cpuMs, unit: 'ms' },
      { name: 'tier evaluation, 100k partners, second pass (wall)', value: wallMs, unit: 'ms' },
      { name: 'tier evaluation throughput', value: PARTNERS / (wallMs / 1000), unit: 'partners/s' },
      { name: 'tier evaluation heap used delta', value: (heapAfter.heapUsed - heapBefore.heapUsed) / MiB, unit: 'MiB' },
      { name: 'tier evaluation RSS delta', value: (heapAfter.rss - heapBefore.rss) / MiB, unit: 'MiB' },
      { name: 'tier dataset in typed arrays', value: data.bytes / MiB, unit: 'MiB' },
      { name: 'tier what-if, 100k partners (CPU)', value: whatIfMs, unit: 'ms' },
    ];
    return figures;
  },
};
