import type { Program, RegistrationStatus } from '@conduit/core';
import { apportion } from '../catalog.js';
import { MINUTES_PER_DAY, momentOf, nextWeekday, type DemoWindow } from '../demo-calendar.js';
import { growingWeekday } from '../deals/deals.js';
import type { DemoRandom } from '../random.js';
import {
  type CustomerKind,
  type PlannedDeal,
  type PlannedStep,
  type PlanTerms,
  type RegistrationPlan,
} from './plan-types.js';
import { TimelineBuilder } from './timeline-builder.js';

/** The statuses registrations end the demo in, and their shares: a steady flow seen at one instant. */
export const OUTCOME_SHARES: readonly [RegistrationStatus, number][] = [
  ['draft', 0.025],
  ['submitted', 0.015],
  ['under_review', 0.015],
  ['info_requested', 0.01],
  ['approved', 0.085],
  ['extension_requested', 0.01],
  ['rejected', 0.12],
  ['won', 0.325],
  ['lost', 0.17],
  ['expired', 0.14],
  ['withdrawn', 0.085],
];

const CUSTOMERS_BY_OUTCOME: Readonly<
  Record<'approved' | 'rejected' | 'pending' | 'withdrawn' | 'draft', readonly [CustomerKind, number][]>
> = {
  approved: [
    ['prospect', 0.42],
    ['own_account', 0.25],
    ['direct_account', 0.27],
    ['partner_account', 0.06],
  ],
  rejected: [
    ['competing', 0.35],
    ['direct_account', 0.35],
    ['duplicate', 0.1],
    ['prospect', 0.2],
  ],
  pending: [
    ['prospect', 0.35],
    ['own_account', 0.2],
    ['direct_account', 0.3],
    ['partner_account', 0.05],
    ['competing', 0.1],
  ],
  withdrawn: [
    ['prospect', 0.35],
    ['own_account', 0.2],
    ['direct_account', 0.35],
    ['competing', 0.1],
  ],
  draft: [
    ['prospect', 0.6],
    ['own_account', 0.25],
    ['direct_account', 0.15],
  ],
};

function customerGroup(outcome: RegistrationStatus, approvedFirst: boolean): keyof typeof CUSTOMERS_BY_OUTCOME {
  switch (outcome) {
    case 'draft':
      return 'draft';
    case 'rejected':
      return 'rejected';
    case 'submitted':
    case 'under_review':
    case 'info_requested':
      return 'pending';
    case 'withdrawn':
      return approvedFirst ? 'approved' : 'withdrawn';
    case 'approved':
    case 'extension_requested':
    case 'won':
    case 'lost':
    case 'expired':
      return 'approved';
  }
}

/** The state a withdrawn registration was withdrawn from. */
const WITHDRAWN_FROM: readonly [RegistrationStatus, number][] = [
  ['draft', 0.15],
  ['submitted', 0.15],
  ['under_review', 0.15],
  ['info_requested', 0.25],
  ['approved', 0.25],
  ['extension_requested', 0.05],
];

/** Days before today the first step of a registration ending in each status can be, roughly (earliest, latest). */
function startRange(outcome: RegistrationStatus, terms: PlanTerms, window: DemoWindow, random: DemoRandom): number {
  const today = window.todayNumber;
  const within = (from: number, to: number): number =>
    random.int(Math.max(window.startNumber, today - from), today - to);
  const early = (span: number): number =>
    growingWeekday(window.startNumber, Math.max(window.startNumber, today - span), 1.5, random);
  switch (outcome) {
    case 'draft':
      return random.chance(0.85) ? within(40, 1) : within(250, 40);
    case 'submitted':
      return within(4, 1);
    case 'under_review':
      return within(8, 1);
    case 'info_requested':
      return within(20, 2);
    case 'approved':
      return within(terms.protectionDays + 3, 2);
    case 'extension_requested':
      return within(terms.protectionDays + 1, terms.protectionDays - terms.windowDays + 4);
    case 'rejected':
      return early(25);
    case 'won':
    case 'lost':
      return early(terms.protectionDays + 40);
    case 'expired':
      return early(terms.protectionDays + 50);
    case 'withdrawn':
      return early(60);
  }
}

function buildTimeline(
  outcome: RegistrationStatus,
  terms: PlanTerms,
  window: DemoWindow,
  random: DemoRandom,
): { steps: PlannedStep[]; deal: PlannedDeal | undefined; approvedFirst: boolean } | undefined {
  const startDay = nextWeekday(startRange(outcome, terms, window, random));
  const timeline = new TimelineBuilder(momentOf(startDay, 8, random.int(0, 599)), terms, random);
  let deal: PlannedDeal | undefined;
  let approvedFirst = false;
  const open = (): PlannedDeal => ({
    stage: 'open',
    day: Math.max(window.todayNumber + random.int(5, 30), timeline.endsOn - random.int(0, 40)),
  });
  switch (outcome) {
    case 'draft':
      if (random.chance(0.3)) timeline.steps.push({ kind: 'edit', at: timeline.cursor.days(0, 5) });
      break;
    case 'submitted':
      timeline.submit();
      break;
    case 'under_review':
      timeline.submit();
      timeline.review('review');
      break;
    case 'info_requested':
      timeline.submit();
      timeline.review('info');
      break;
    case 'rejected':
      timeline.submit();
      timeline.review('decision');
      timeline.reject();
      break;
    case 'approved':
    case 'extension_requested':
    case 'won':
    case 'lost':
    case 'expired': {
      timeline.submit();
      timeline.review('decision');
      timeline.approve();
      if (outcome === 'approved') {
        const yesterday = window.todayNumber - 1;
        if (timeline.endsOn - terms.windowDays <= yesterday && random.chance(0.35)) {
          const granted = random.chance(0.8);
          if (!timeline.extend(granted ? 1 : 0, !granted, yesterday)) return undefined;
        }
        if (timeline.endsOn < window.todayNumber) return undefined;
        deal = open();
      } else if (outcome === 'extension_requested') {
        if (!timeline.requestExtension(window.todayNumber - 1) || timeline.endsOn < window.todayNumber)
          return undefined;
        deal = open();
      } else if (outcome === 'expired') {
        const extensions = random.weighted([0, 1, 2], (count) => [0.65, 0.28, 0.07][count]!);
        if (!timeline.extend(Math.min(extensions, terms.maxExtensions), random.chance(0.15))) return undefined;
        timeline.expire();
        const lostOn = timeline.endsOn + random.int(1, 60);
        deal = random.chance(0.5) && lostOn < window.todayNumber ? { stage: 'lost', day: lostOn } : open();
      } else {
        const extensions = random.chance(0.2) ? (random.chance(0.2) ? 2 : 1) : 0;
        if (!timeline.extend(Math.min(extensions, terms.maxExtensions), false)) return undefined;
        deal = timeline.close(outcome === 'won' ? 'mark_won' : 'mark_lost');
        if (!deal) return undefined;
      }
      approvedFirst = true;
      break;
    }
    case 'withdrawn': {
      const from = random.weighted(WITHDRAWN_FROM, ([, share]) => share)[0];
      if (from !== 'draft') timeline.submit();
      if (from === 'under_review') timeline.review('review');
      if (from === 'info_requested') timeline.review('info');
      if (from === 'approved' || from === 'extension_requested') {
        timeline.review('decision');
        timeline.approve();
        if (from === 'extension_requested' && !timeline.requestExtension()) return undefined;
        approvedFirst = true;
      }
      if (!timeline.withdraw(approvedFirst ? timeline.endsOn : undefined)) return undefined;
      if (approvedFirst) deal = { stage: 'lost', day: Math.floor(timeline.last / MINUTES_PER_DAY) };
      break;
    }
  }
  if (timeline.last > window.nowMoment || Math.floor(timeline.last / MINUTES_PER_DAY) >= window.todayNumber) {
    return outcome === 'expired' && timeline.last <= window.nowMoment
      ? { steps: timeline.steps, deal, approvedFirst }
      : undefined;
  }
  return { steps: timeline.steps, deal, approvedFirst };
}

/**
 * Plans `count` registrations: how many end in each status (every status of the lifecycle, in the shares
 * of a steady flow), whose customer each claims, and a timeline of steps placed in the demo window so
 * that at the reference instant each is in its status: human steps on weekdays in business hours,
 * protection and extension windows as the program sets them, expiry by the nightly job the day after
 * protection ends. Plans are in no particular order.
 */
export function planRegistrations(
  program: Program,
  window: DemoWindow,
  count: number,
  random: DemoRandom,
): RegistrationPlan[] {
  const policy = program.registration;
  const terms: PlanTerms = {
    protectionDays: policy.protectionDays,
    extensionDays: policy.extensions.days,
    windowDays: policy.extensions.requestWindowDays,
    maxExtensions: policy.extensions.maxCount,
  };
  const counts = apportion(
    count,
    OUTCOME_SHARES.map(([, share]) => share),
  );
  const plans: RegistrationPlan[] = [];
  OUTCOME_SHARES.forEach(([outcome], index) => {
    for (let planned = 0; planned < counts[index]!; planned++) {
      let built: ReturnType<typeof buildTimeline>;
      for (let attempt = 0; attempt < 200 && !built; attempt++) built = buildTimeline(outcome, terms, window, random);
      if (!built) throw new Error(`The demo could not place a registration ending ${outcome} in its window.`);
      const customers = CUSTOMERS_BY_OUTCOME[customerGroup(outcome, built.approvedFirst)];
      const customer = random.weighted(customers, ([, share]) => share)[0];
      plans.push({ outcome, customer, steps: built.steps, deal: built.deal });
    }
  });
  return plans;
}
