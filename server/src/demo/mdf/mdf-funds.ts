import {
  accrualAllocationId,
  accrueMdfFunds,
  allocateMdfBudget,
  createMdfBudget,
  expireMdfFunds,
  fiscalPeriodContaining,
  fromDayNumber,
  payMdfClaims,
  shiftFiscalPeriod,
  toDayNumber,
  type AllocationOrder,
  type FundType,
  type Period,
  type RecordScanner,
} from '@conduit/core';
import { nextWeekday } from '../demo-calendar.js';
import type { DemoRegion } from '../geography/regions.js';
import type { MdfSimulation } from './mdf-simulation.js';
import { submitRequest } from './mdf-requests.js';

/** Every record a scan returns, across its pages. */
async function allOf<T, Q>(scanner: RecordScanner<T, Q>, query: Q): Promise<T[]> {
  const all: T[] = [];
  for await (const page of scanner.scan(query)) all.push(...page);
  return all;
}

/** What the program spends on proposal MDF each quarter, in major units, before growth. */
const QUARTERLY_PROPOSAL_FUNDS = 600_000;
/** What the program sets aside for strategic initiatives each fiscal year, in major units. */
const YEARLY_STRATEGIC_FUNDS = 450_000;

/** The fiscal periods of a unit that start within the demo window and before today. */
function periodsInWindow(sim: MdfSimulation, unit: 'quarter' | 'year'): Period[] {
  const { program, window } = sim.input;
  const periods: Period[] = [];
  let period = fiscalPeriodContaining(window.start, program.fiscalCalendar, unit);
  while (toDayNumber(period.start) < window.todayNumber) {
    periods.push(period);
    period = shiftFiscalPeriod(period, program.fiscalCalendar, 1);
  }
  return periods;
}

/** How many requests a partner makes on one allocation: often one, sometimes none or more. */
function requestCount(sim: MdfSimulation): number {
  return sim.random.weighted([0, 1, 2, 3], (count) => [0.55, 0.36, 0.08, 0.01][count]!);
}

/** Schedules a partner's requests on an allocation: spread over `[first, last]`, each asking for a share of what is left. */
function scheduleRequests(
  sim: MdfSimulation,
  allocationId: string,
  first: number,
  last: number,
  activitiesEndBy: number,
): void {
  const count = requestCount(sim);
  const days = Array.from({ length: count }, () => sim.random.int(first, Math.max(first, last))).sort((a, b) => a - b);
  days.forEach((day, index) => {
    const portion = sim.random.int(50, 95) / 100 / (count - index);
    sim.onWorkday(day, () => submitRequest(sim, allocationId, activitiesEndBy, portion));
  });
}

/**
 * Each fiscal quarter a budget per region for a formula fund (proposal MDF), created and allocated to the
 * region's active partners by the fund's method on the quarter's first working day; the partners then
 * request funds for activities within the quarter.
 */
function scheduleRegionalBudgets(
  sim: MdfSimulation,
  fundType: FundType & { kind: 'budgeted' },
  regions: readonly DemoRegion[],
): void {
  const { program } = sim;
  periodsInWindow(sim, 'quarter').forEach((quarter, index) => {
    sim.onWorkday(toDayNumber(quarter.start), async () => {
      for (const region of regions) {
        const major = Math.round((QUARTERLY_PROPOSAL_FUNDS * region.share * (1 + 0.04 * index)) / 1_000) * 1_000;
        const amount = { amount: major * 100, currency: program.currency };
        const created = await createMdfBudget(sim.context, {
          name: `${quarter.label} ${region.name} ${fundType.name}`,
          fundTypeId: fundType.id,
          period: quarter,
          scope: { kind: 'region', name: region.name, territories: [...region.countries] },
          amount,
        });
        if (!sim.recorded(created, 'channel-ops')) continue;
        const order: AllocationOrder =
          fundType.allocation === 'prior_revenue_share'
            ? { method: 'prior_revenue_share', amount }
            : { method: 'tier_formula', amount };
        if (fundType.allocation === 'manual') continue;
        const allocated = await allocateMdfBudget(sim.context, { budgetId: created.data.next.id, order });
        if (!sim.recorded(allocated, 'channel-ops')) continue;
        const end = toDayNumber(quarter.end) - 1;
        for (const allocation of allocated.data.allocations) {
          scheduleRequests(sim, allocation.id, sim.today + 2, end - 45, end);
        }
      }
    });
  });
}

/**
 * Each fiscal year a program-wide budget of a manually allocated fund (strategic initiatives), allocated
 * by hand a week later to a handful of the channel's strongest active partners, who request funds over
 * the year.
 */
function scheduleStrategicBudgets(sim: MdfSimulation, fundType: FundType & { kind: 'budgeted' }): void {
  const { program, random } = sim;
  for (const year of periodsInWindow(sim, 'year')) {
    const start = toDayNumber(year.start);
    sim.onWorkday(start, async () => {
      const created = await createMdfBudget(sim.context, {
        name: `${year.label} ${fundType.name}`,
        fundTypeId: fundType.id,
        period: year,
        scope: { kind: 'program' },
        amount: { amount: YEARLY_STRATEGIC_FUNDS * 100, currency: program.currency },
      });
      if (!sim.recorded(created, 'vp-partnerships')) return;
      const budgetId = created.data.next.id;
      sim.onWorkday(start + 7, async () => {
        const strong = sim.input.partners.filter(
          (partner) => partner.record.status === 'active' && (partner.tierPosition ?? 0) >= program.tiers.length - 2,
        );
        const chosen = random.sample(strong, 8).sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
        const amounts = chosen.map((partner) => ({
          partnerId: partner.record.id,
          amount: { amount: random.int(25, 55) * 100_000, currency: program.currency },
        }));
        if (amounts.length === 0) return;
        const allocated = await allocateMdfBudget(sim.context, { budgetId, order: { method: 'manual', amounts } });
        if (!sim.recorded(allocated, 'vp-partnerships')) return;
        const end = toDayNumber(year.end) - 1;
        for (const allocation of allocated.data.allocations)
          scheduleRequests(sim, allocation.id, sim.today + 5, end - 60, end);
      });
    });
  }
}

/**
 * Co-op funds: on the first day of every fiscal quarter the accrual job credits each active partner whose
 * tier earns an MDF rate with its share of the deals it sourced and won (`accrueMdfFunds`), and some
 * partners then spend what they earned; on the first of every month the expiry job expires co-op money
 * past its expiry (`expireMdfFunds`; spending already counts it out from the day it expires).
 */
function scheduleCoop(sim: MdfSimulation, fundType: FundType & { kind: 'accrual' }): void {
  const { program, random, input } = sim;
  const earning = input.partners.filter((partner) => {
    const tier = program.tiers.find((candidate) => candidate.id === partner.record.tierId);
    return partner.record.status === 'active' && tier !== undefined && tier.benefits.mdfRatePercent > 0;
  });
  const quarterStarts = new Set(periodsInWindow(sim, 'quarter').map((quarter) => toDayNumber(quarter.start)));
  for (let day = input.window.startNumber + 1; day <= input.window.todayNumber; day++) {
    if (quarterStarts.has(day)) {
      sim.nightly(day, async () => {
        for (const partner of earning) {
          const accrued = await accrueMdfFunds(sim.context, {
            partnerId: partner.record.id,
            fundTypeId: fundType.id,
            since: input.window.start,
          });
          if (!accrued.success || accrued.data.postings.length === 0) continue;
          sim.recorded(accrued, 'system');
          if (random.chance(0.5)) {
            const allocationId = accrualAllocationId(fundType.id, partner.record.id);
            sim.onWorkday(day + random.int(2, 20), () =>
              submitRequest(sim, allocationId, day + 150, random.int(40, 90) / 100),
            );
          }
        }
      });
    }
    if (fromDayNumber(day).endsWith('-01')) {
      sim.nightly(day, async () => {
        for (const allocation of await allOf(sim.store.allocations, { kinds: ['accrual'] })) {
          const expired = await expireMdfFunds(sim.context, { allocationId: allocation.id });
          if (expired.success && expired.data.postings.length > 0) sim.recorded(expired, 'system');
        }
      });
    }
  }
}

/** On the 25th of every month (or the weekday before) finance pays every approved claim in one batch. */
function schedulePayments(sim: MdfSimulation): void {
  const { window } = sim.input;
  for (let day = window.startNumber; day < window.todayNumber; day++) {
    if (!fromDayNumber(day).endsWith('-25')) continue;
    let payday = day;
    while (nextWeekday(payday) !== payday) payday -= 1;
    sim.onWorkday(
      payday,
      async () => {
        const approved = await allOf(sim.store.claims, { statuses: ['approved'] });
        if (approved.length === 0) return;
        const paidOn = fromDayNumber(sim.today);
        const paid = await payMdfClaims(sim.context, {
          claimIds: approved.map((claim) => claim.id).sort(),
          reference: `MDF-${paidOn.slice(0, 7)}`,
          paidOn,
          createdBy: 'finance-ap',
        });
        sim.recorded(paid, 'finance-ap');
      },
      14,
    );
  }
}

/**
 * Schedules the whole MDF history of the demo window from the program's fund types: regional quarterly
 * budgets of its formula fund, yearly budgets of its manual fund, co-op accruals and expiry of its
 * accrual fund, partners' requests and claims on all of them, and monthly payment runs.
 */
export function scheduleMdf(sim: MdfSimulation, regions: readonly DemoRegion[]): void {
  const fundTypes = sim.program.mdf.fundTypes;
  const budgeted = fundTypes.filter(
    (fundType): fundType is FundType & { kind: 'budgeted' } => fundType.kind === 'budgeted',
  );
  const formula = budgeted.find((fundType) => fundType.allocation !== 'manual');
  const manual = budgeted.find((fundType) => fundType.allocation === 'manual');
  const accrual = fundTypes.find((fundType): fundType is FundType & { kind: 'accrual' } => fundType.kind === 'accrual');
  if (formula) scheduleRegionalBudgets(sim, formula, regions);
  if (manual) scheduleStrategicBudgets(sim, manual);
  if (accrual) scheduleCoop(sim, accrual);
  schedulePayments(sim);
}
