import fc from 'fast-check';
import type { MetricWindow } from '../../program/schema/criteria.js';
import { addDays } from '../../time/calendar-date.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fromDayNumber, toDayNumber } from '../../time/day-number.js';
import { metricWindowRange } from './metric-window.js';
import { addMonthsClamped } from './months.js';

const februaryEnd: FiscalCalendar = { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' };
const calendarYear: FiscalCalendar = { firstMonth: 1, yearNamedBy: 'end', timeZone: 'UTC' };
const trailing = (months: number): MetricWindow => ({ kind: 'trailing_months', months });
const fiscal = (
  unit: 'month' | 'quarter' | 'half_year' | 'year',
  which: 'current_to_date' | 'last_completed',
): MetricWindow => ({
  kind: 'fiscal_period',
  unit,
  which,
});
const days = (window: MetricWindow, asOf: string, calendar = februaryEnd) => {
  const range = metricWindowRange(window, asOf, calendar);
  return [range.from, range.through];
};

describe('day numbers', () => {
  it('count days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(toDayNumber('2026-03-01') - toDayNumber('2026-02-28')).toBe(1);
    expect(() => toDayNumber('2026-02-30')).toThrow('Not a calendar date');
  });
});

describe('adding months', () => {
  it('clamps to the end of a shorter month, and knows leap years', () => {
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonthsClamped('2026-11-24', 2)).toBe('2027-01-24');
  });
});

describe('metric windows on an evaluation date', () => {
  it('trailing months run from the day after the same date N months earlier, through the evaluation date', () => {
    expect(days(trailing(12), '2026-11-24')).toEqual(['2025-11-25', '2026-11-24']);
    expect(days(trailing(1), '2026-11-24')).toEqual(['2026-10-25', '2026-11-24']);
  });

  it('trailing months evaluated on a month end cover the last whole months, leap days included', () => {
    expect(days(trailing(1), '2026-03-31')).toEqual(['2026-03-01', '2026-03-31']);
    expect(days(trailing(1), '2026-02-28')).toEqual(['2026-01-29', '2026-02-28']);
    expect(days(trailing(12), '2024-02-29')).toEqual(['2023-03-01', '2024-02-29']);
    expect(days(trailing(3), '2026-05-31')).toEqual(['2026-03-01', '2026-05-31']);
  });

  it('the current fiscal period to date starts at the period start, the boundary day belonging to the new period', () => {
    expect(days(fiscal('quarter', 'current_to_date'), '2026-11-24')).toEqual(['2026-11-01', '2026-11-24']);
    expect(days(fiscal('quarter', 'current_to_date'), '2026-11-01')).toEqual(['2026-11-01', '2026-11-01']);
    expect(days(fiscal('quarter', 'current_to_date'), '2026-10-31')).toEqual(['2026-08-01', '2026-10-31']);
    expect(days(fiscal('year', 'current_to_date'), '2026-11-24')).toEqual(['2026-02-01', '2026-11-24']);
    expect(days(fiscal('half_year', 'current_to_date'), '2026-11-24')).toEqual(['2026-08-01', '2026-11-24']);
  });

  it('the last completed fiscal period is the whole period before the current one, across fiscal years', () => {
    expect(days(fiscal('quarter', 'last_completed'), '2026-11-24')).toEqual(['2026-08-01', '2026-10-31']);
    expect(days(fiscal('quarter', 'last_completed'), '2026-02-01')).toEqual(['2025-11-01', '2026-01-31']);
    expect(days(fiscal('year', 'last_completed'), '2026-11-24')).toEqual(['2025-02-01', '2026-01-31']);
    expect(days(fiscal('month', 'last_completed'), '2026-03-01')).toEqual(['2026-02-01', '2026-02-28']);
    expect(days(fiscal('year', 'last_completed'), '2026-11-24', calendarYear)).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('gives day numbers that agree with the dates: from included, until excluded', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.oneof(
          fc.integer({ min: 1, max: 60 }).map(trailing),
          fc
            .tuple(
              fc.constantFrom('month', 'quarter', 'half_year', 'year' as const),
              fc.constantFrom('current_to_date', 'last_completed' as const),
            )
            .map(([unit, which]) => fiscal(unit, which)),
        ),
        (date, window) => {
          const asOf = date.toISOString().slice(0, 10);
          const range = metricWindowRange(window, asOf, februaryEnd);
          expect(range.fromDay).toBe(toDayNumber(range.from));
          expect(range.untilDay).toBe(toDayNumber(addDays(range.through, 1)));
          expect(range.from <= range.through && range.through <= asOf).toBe(true);
        },
      ),
    );
  });
});
