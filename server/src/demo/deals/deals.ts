import { fromDayNumber, type Deal, type PartnerRole } from '@conduit/core';
import { partnersCovering, type DemoAccount } from '../accounts/accounts.js';
import { drawProducts } from '../catalog.js';
import { momentOf, nextWeekday, type DemoWindow, type LocalMoment, type LocalTime } from '../demo-calendar.js';
import type { DemoPartner } from '../partners/partners.js';
import type { DemoRandom } from '../random.js';
import { dealAmount, dealName, salesCycleDays } from './deal-shapes.js';

/** A deal before it has its id, with the local moment it was created at (ids follow creation order). */
export interface DealDraft {
  deal: Deal;
  createdAt: LocalMoment;
}

/** The chance a closed deal was won, by who brought it. */
const WIN_RATE = { direct: 0.28, sourced: 0.35, influenced: 0.37 } as const;
/** Closed-in-the-past deals nobody updated: still open, past their expected close date. */
const STALE_SHARE = 0.04;
/** Partners that left the program show up on deals this many days old or older. */
const DEPARTED_PARTNER_DAYS = 150;

/** A weekday from `first` to `last`, later days more likely; `last` itself when no weekday fits. */
export function growingWeekday(first: number, last: number, growth: number, random: DemoRandom): number {
  const day = nextWeekday(random.growingDay(first, last, growth));
  return day <= last ? day : last;
}

/** A moment in business hours (08:00 to 18:00) on a day. */
export function businessMoment(day: number, random: DemoRandom): LocalMoment {
  return momentOf(day, 8, random.int(0, 599));
}

function involvedPartner(
  account: DemoAccount,
  partners: readonly DemoPartner[],
  createdDay: number,
  window: DemoWindow,
  random: DemoRandom,
): { partner: DemoPartner; role: PartnerRole } | undefined {
  if (account.owner && random.chance(0.8)) {
    return { partner: account.owner, role: random.chance(0.65) ? 'sourced' : 'influenced' };
  }
  if (!random.chance(0.32)) return undefined;
  const old = window.todayNumber - createdDay >= DEPARTED_PARTNER_DAYS;
  const candidates = partners.filter(
    (partner) =>
      partner.record.coverage.countries.includes(account.record.country ?? '') &&
      (partner.record.status === 'active' ||
        (old && (partner.record.status === 'suspended' || partner.record.status === 'offboarded'))),
  );
  if (candidates.length === 0) return undefined;
  const partner = random.weighted(candidates, (candidate) => candidate.dealWeight);
  return { partner, role: random.chance(0.4) ? 'sourced' : 'influenced' };
}

/**
 * The CRM's opportunities that no registration brought: `count` deals created on weekdays over the demo
 * window (more of them lately, as the business grows), on accounts in proportion to how often they buy,
 * with a partner when the account is a partner's or, for about a third of direct accounts, one that
 * covers the account's country sourced or influenced it. Deals whose sales cycle ended before today
 * closed won or lost on that day (a few were never updated and stay open past their expected close date);
 * the others are open, expected to close on it.
 */
export function generateBaseDeals(
  currency: string,
  products: readonly string[],
  window: DemoWindow,
  accounts: readonly DemoAccount[],
  partners: readonly DemoPartner[],
  count: number,
  time: LocalTime,
  random: DemoRandom,
): DealDraft[] {
  const yesterday = window.todayNumber - 1;
  const covered = new Map<string, boolean>();
  const drafts: DealDraft[] = [];
  const drawAccount = random.drawer(accounts, (candidate) => candidate.dealWeight);
  for (let index = 0; index < count; index++) {
    const account = drawAccount();
    const createdDay = growingWeekday(window.startNumber, yesterday, 1.7, random);
    const createdAt = businessMoment(createdDay, random);
    const country = account.record.country ?? '';
    if (!covered.has(country)) covered.set(country, partnersCovering(partners, country).length > 0);
    const involved = covered.get(country) ? involvedPartner(account, partners, createdDay, window, random) : undefined;
    const chosen = drawProducts(products, random);
    const amount = dealAmount(currency, account.dealSize * (involved ? involved.partner.dealSize : 1), random);
    const closeDay = nextWeekday(createdDay + salesCycleDays(random));
    const common = {
      id: '',
      name: dealName(account.record.name, chosen, random),
      accountId: account.record.id,
      amount,
      products: chosen,
      createdAt: time.iso(createdAt),
      partnerId: involved ? involved.partner.record.id : null,
      partnerRole: involved ? involved.role : null,
      registrationId: null,
      version: 0,
    };
    const slipped = closeDay - random.int(0, 30);
    const expected = random.chance(0.9) ? { expectedCloseDate: fromDayNumber(Math.max(createdDay + 1, slipped)) } : {};
    let deal: Deal;
    if (closeDay > yesterday || random.chance(STALE_SHARE)) {
      deal = { ...common, expectedCloseDate: fromDayNumber(closeDay), stage: 'open' };
    } else {
      const won = random.chance(WIN_RATE[involved ? involved.role : 'direct']);
      deal = { ...common, ...expected, stage: won ? 'won' : 'lost', closedOn: fromDayNumber(closeDay) };
    }
    drafts.push({ deal, createdAt });
  }
  return drafts;
}
