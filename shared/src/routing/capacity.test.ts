import type { CapacityPolicy } from '../program/schema/routing-policy.js';
import { currentPeriods } from './periods/capacity-periods.js';
import { routeLeads } from './route-leads.js';
import type { PartnerLoad, RoutingState } from './state/routing-state.js';
import { emptyRoutingState } from './state/routing-state.js';
import { lead, partner, PLAIN_ROUTING, programWith, step } from './test-support/fixtures.js';

const FISCAL_FEBRUARY = { firstMonth: 2, yearNamedBy: 'end' as const, timeZone: 'UTC' };

function programWithCaps(capacity: Partial<CapacityPolicy>, timeZone = 'UTC') {
  return programWith(
    {
      ...PLAIN_ROUTING,
      steps: [step('territory', true, { match: 'country' })],
      capacity: { ...PLAIN_ROUTING.capacity, ...capacity },
    },
    timeZone,
  );
}

/** The one partner's load: `count` leads in the periods starting on the given dates. */
function loaded(count: number, starts: { day: string; week: string; month: string; quarter: string }): RoutingState {
  const load: PartnerLoad = {
    day: { start: starts.day, count },
    week: { start: starts.week, count },
    month: { start: starts.month, count },
    quarter: { start: starts.quarter, count },
  };
  return { ...emptyRoutingState(), loads: { solo: load } };
}

function routedAt(program: ReturnType<typeof programWithCaps>, state: RoutingState, now: string) {
  return routeLeads({ program, partners: [partner('solo')], leads: [lead('l1')], state, now: new Date(now) });
}

function outcomeAt(program: ReturnType<typeof programWithCaps>, state: RoutingState, now: string): string {
  return routedAt(program, state, now).assignments[0]!.status;
}

/** The availability line and the summary of the lead's trace. */
function explainedAt(program: ReturnType<typeof programWithCaps>, state: RoutingState, now: string): string[] {
  const trace = routedAt(program, state, now).traces[0]!;
  return [trace.steps[0]!.message, trace.summary];
}

describe('capacity', () => {
  describe('current periods', () => {
    it('start weeks on the policy’s day and follow the calendar or the fiscal calendar for quarters', () => {
      const calendar = currentPeriods('2026-11-24', { periods: 'calendar', weekStartsOn: 'sunday' }, FISCAL_FEBRUARY);
      const fiscal = currentPeriods('2026-11-24', { periods: 'fiscal', weekStartsOn: 'monday' }, FISCAL_FEBRUARY);

      expect(calendar).toMatchInlineSnapshot(`
{
  "day": {
    "label": "2026-11-24",
    "start": "2026-11-24",
  },
  "month": {
    "label": "2026-11",
    "start": "2026-11-01",
  },
  "quarter": {
    "label": "2026 Q4",
    "start": "2026-10-01",
  },
  "week": {
    "label": "the week of 2026-11-22",
    "start": "2026-11-22",
  },
}
`);
      expect(fiscal).toMatchInlineSnapshot(`
{
  "day": {
    "label": "2026-11-24",
    "start": "2026-11-24",
  },
  "month": {
    "label": "FY2027 M10",
    "start": "2026-11-01",
  },
  "quarter": {
    "label": "FY2027 Q4",
    "start": "2026-11-01",
  },
  "week": {
    "label": "the week of 2026-11-23",
    "start": "2026-11-23",
  },
}
`);
    });
  });

  it('caps a day in the program’s time zone: the next day there, the partner receives leads again', () => {
    const program = programWithCaps({ perPartner: { day: 3 } }, 'America/New_York');
    const state = loaded(3, { day: '2026-11-24', week: '2026-11-23', month: '2026-11-01', quarter: '2026-10-01' });

    expect(outcomeAt(program, state, '2026-11-25T04:30:00Z')).toBe('queued'); // 23:30 on the 24th in New York
    expect(outcomeAt(program, state, '2026-11-25T05:30:00Z')).toBe('offered'); // 00:30 on the 25th
    expect(explainedAt(program, state, '2026-11-25T04:30:00Z')).toMatchInlineSnapshot(`
[
  "0 of 1 partner can take this lead: 1 is at capacity (1 at the day cap).",
  "Queued in "Channel desk": no partner was available.",
]
`);
    expect(explainedAt(program, state, '2026-11-25T05:30:00Z')).toMatchInlineSnapshot(`
[
  "1 of 1 partner can take this lead.",
  "Offered to Partner solo (attempt 1) by smooth weighted round robin among 1 finalist.",
]
`);
  });

  it('caps a week from the policy’s first weekday', () => {
    const mondays = programWithCaps({ perPartner: { week: 5 }, weekStartsOn: 'monday' });
    const sundays = programWithCaps({ perPartner: { week: 5 }, weekStartsOn: 'sunday' });
    const sinceMonday = loaded(5, {
      day: '2026-11-23',
      week: '2026-11-23',
      month: '2026-11-01',
      quarter: '2026-10-01',
    });
    const sinceSunday = loaded(5, {
      day: '2026-11-22',
      week: '2026-11-22',
      month: '2026-11-01',
      quarter: '2026-10-01',
    });

    expect(outcomeAt(mondays, sinceMonday, '2026-11-29T12:00:00Z')).toBe('queued'); // Sunday, same Monday week
    expect(outcomeAt(mondays, sinceMonday, '2026-11-30T00:00:00Z')).toBe('offered'); // next Monday
    expect(outcomeAt(sundays, sinceSunday, '2026-11-28T23:59:00Z')).toBe('queued'); // Saturday
    expect(outcomeAt(sundays, sinceSunday, '2026-11-29T00:00:00Z')).toBe('offered'); // next Sunday
  });

  it('caps a month, whose boundaries are the same in the calendar and the fiscal calendar', () => {
    for (const periods of ['calendar', 'fiscal'] as const) {
      const program = programWithCaps({ perPartner: { month: 10 }, periods });
      const state = loaded(10, { day: '2026-11-30', week: '2026-11-30', month: '2026-11-01', quarter: '2026-11-01' });

      expect(outcomeAt(program, state, '2026-11-30T23:00:00Z')).toBe('queued');
      expect(outcomeAt(program, state, '2026-12-01T00:00:00Z')).toBe('offered');
    }
  });

  it('caps a calendar quarter from January, April, July and October', () => {
    const program = programWithCaps({ perPartner: { quarter: 20 }, periods: 'calendar' });
    const state = loaded(20, { day: '2026-12-31', week: '2026-12-28', month: '2026-12-01', quarter: '2026-10-01' });

    expect(outcomeAt(program, state, '2026-12-31T12:00:00Z')).toBe('queued');
    expect(outcomeAt(program, state, '2027-01-01T00:00:00Z')).toBe('offered');
  });

  it('caps a fiscal quarter from the program’s fiscal calendar (February, May, August, November)', () => {
    const program = programWithCaps({ perPartner: { quarter: 20 }, periods: 'fiscal' });
    const novemberQuarter = loaded(20, {
      day: '2026-12-31',
      week: '2026-12-28',
      month: '2026-12-01',
      quarter: '2026-11-01',
    });
    const augustQuarter = loaded(20, {
      day: '2026-10-31',
      week: '2026-10-26',
      month: '2026-10-01',
      quarter: '2026-08-01',
    });

    expect(outcomeAt(program, novemberQuarter, '2027-01-01T00:00:00Z')).toBe('queued'); // still FY2027 Q4
    expect(outcomeAt(program, novemberQuarter, '2027-02-01T00:00:00Z')).toBe('offered'); // FY2028 Q1
    expect(outcomeAt(program, augustQuarter, '2026-10-31T23:00:00Z')).toBe('queued');
    expect(outcomeAt(program, augustQuarter, '2026-11-01T00:00:00Z')).toBe('offered');
    expect(explainedAt(program, novemberQuarter, '2027-01-01T00:00:00Z')).toMatchInlineSnapshot(`
[
  "0 of 1 partner can take this lead: 1 is at capacity (1 at the quarter cap for FY2027 Q4).",
  "Queued in "Channel desk": no partner was available.",
]
`);
    expect(explainedAt(program, novemberQuarter, '2027-02-01T00:00:00Z')).toMatchInlineSnapshot(`
[
  "1 of 1 partner can take this lead.",
  "Offered to Partner solo (attempt 1) by smooth weighted round robin among 1 finalist.",
]
`);
  });

  it('holds a partner to the tighter of the per-partner and its tier’s caps, and counts leads as they are routed', () => {
    const program = programWithCaps({
      perPartner: { day: 3 },
      perTier: [{ tierId: 'registered', day: 1 }],
    });
    const partners = [partner('gold-one'), partner('registered-one', { tierId: 'registered' })];
    const leads = Array.from({ length: 6 }, (_, index) => lead(`l${index}`));

    const result = routeLeads({
      program,
      partners,
      leads,
      state: emptyRoutingState(),
      now: new Date('2026-11-24T09:00:00Z'),
    });

    expect(
      result.assignments.map((record) => (record.status === 'offered' ? record.partnerId : record.status)),
    ).toEqual(['gold-one', 'gold-one', 'registered-one', 'gold-one', 'queued', 'queued']);
    expect(result.state.loads['gold-one']!.day).toEqual({ start: '2026-11-24', count: 3 });
    expect(result.traces[4]!.steps[0]!.message).toMatchInlineSnapshot(
      `"0 of 2 partners can take this lead: 2 are at capacity (2 at the day cap)."`,
    );
    expect(result.traces[4]!.summary).toMatchInlineSnapshot(`"Queued in "Channel desk": no partner was available."`);
  });
});
