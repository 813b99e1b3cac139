import fc from 'fast-check';
import { addDays, parseCalendarDate } from './calendar-date.js';
import type { FiscalCalendar } from './fiscal-calendar.js';
import { fiscalPeriodContaining, shiftFiscalPeriod } from './fiscal-period.js';
import { periodContains, type PeriodUnit } from './period.js';

const februaryEnd: FiscalCalendar = { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' };
const julyStart: FiscalCalendar = { firstMonth: 7, yearNamedBy: 'start', timeZone: 'UTC' };
const calendarYear: FiscalCalendar = { firstMonth: 1, yearNamedBy: 'end', timeZone: 'UTC' };

describe('fiscalPeriodContaining', () => {
  it('names a February fiscal year after the year it ends in', () => {
    expect(fiscalPeriodContaining('2026-03-15', februaryEnd, 'quarter')).toEqual({
      unit: 'quarter',
      start: '2026-02-01',
      end: '2026-05-01',
      label: 'FY2027 Q1',
    });
    expect(fiscalPeriodContaining('2027-01-31', februaryEnd, 'year')).toEqual({
      unit: 'year',
      start: '2026-02-01',
      end: '2027-02-01',
      label: 'FY2027',
    });
  });

  it('names a July fiscal year after the year it starts in', () => {
    expect(fiscalPeriodContaining('2027-06-30', julyStart, 'half_year')).toMatchObject({
      start: '2027-01-01',
      end: '2027-07-01',
      label: 'FY2026 H2',
    });
    expect(fiscalPeriodContaining('2026-07-01', julyStart, 'month').label).toBe('FY2026 M1');
  });

  it('follows the calendar when the fiscal year starts in January, whatever the naming', () => {
    expect(fiscalPeriodContaining('2026-12-31', calendarYear, 'quarter')).toMatchObject({
      start: '2026-10-01',
      end: '2027-01-01',
      label: 'FY2026 Q4',
    });
  });

  it('puts the boundary day in the new period', () => {
    expect(fiscalPeriodContaining('2026-05-01', februaryEnd, 'quarter').label).toBe('FY2027 Q2');
    expect(fiscalPeriodContaining('2026-04-30', februaryEnd, 'quarter').label).toBe('FY2027 Q1');
  });

  const calendars = fc.record({
    firstMonth: fc.integer({ min: 1, max: 12 }),
    yearNamedBy: fc.constantFrom('start', 'end' as const),
    timeZone: fc.constant('UTC'),
  });
  const dates = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const units = fc.constantFrom<PeriodUnit>('month', 'quarter', 'half_year', 'year');

  it('always returns a period that contains the date and starts on the first of a month', () => {
    fc.assert(
      fc.property(dates, calendars, units, (date, calendar, unit) => {
        const period = fiscalPeriodContaining(date, calendar, unit);
        expect(periodContains(period, date)).toBe(true);
        expect(parseCalendarDate(period.start)?.day).toBe(1);
      }),
    );
  });

  it('tiles time: the next period starts where this one ends, and shifting back undoes shifting forward', () => {
    fc.assert(
      fc.property(dates, calendars, units, fc.integer({ min: -40, max: 40 }), (date, calendar, unit, count) => {
        const period = fiscalPeriodContaining(date, calendar, unit);
        expect(shiftFiscalPeriod(period, calendar, 1).start).toBe(period.end);
        expect(fiscalPeriodContaining(addDays(period.end, -1), calendar, unit)).toEqual(period);
        expect(shiftFiscalPeriod(shiftFiscalPeriod(period, calendar, count), calendar, -count)).toEqual(period);
      }),
    );
  });

  it('has four quarters a year, labelled Q1 to Q4 from the first fiscal month', () => {
    const q1 = fiscalPeriodContaining('2026-02-01', februaryEnd, 'quarter');
    const labels = [0, 1, 2, 3, 4].map((count) => shiftFiscalPeriod(q1, februaryEnd, count).label);
    expect(labels).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3', 'FY2027 Q4', 'FY2028 Q1']);
  });
});
