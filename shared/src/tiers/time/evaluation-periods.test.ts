import fc from 'fast-check';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fiscalPeriodContaining, shiftFiscalPeriod } from '../../time/fiscal-period.js';
import { tierEvaluationPeriods } from './evaluation-periods.js';

const februaryEnd: FiscalCalendar = { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' };

describe('evaluation periods', () => {
  const quarters = tierEvaluationPeriods(februaryEnd, 'quarter');

  it('count boundaries between two dates, the fiscal year start included', () => {
    expect(quarters.between('2026-02-01', '2026-04-30')).toBe(0);
    expect(quarters.between('2026-04-30', '2026-05-01')).toBe(1);
    expect(quarters.between('2025-12-15', '2026-02-01')).toBe(1);
    expect(quarters.between('2025-11-01', '2026-11-24')).toBe(4);
  });

  it('know the next period start and the first day of a period', () => {
    expect(quarters.nextStart('2026-11-24')).toBe('2027-02-01');
    expect(quarters.nextStart('2026-10-31')).toBe('2026-11-01');
    expect(quarters.isStart('2026-11-01')).toBe(true);
    expect(quarters.isStart('2026-12-01')).toBe(false);
    expect(tierEvaluationPeriods(februaryEnd, 'month').isStart('2026-12-01')).toBe(true);
  });

  it('agree with the fiscal calendar: k periods after a date is k boundaries away', () => {
    const calendars = fc.record({
      firstMonth: fc.integer({ min: 1, max: 12 }),
      yearNamedBy: fc.constantFrom('start', 'end' as const),
      timeZone: fc.constant('UTC'),
    });
    fc.assert(
      fc.property(
        calendars,
        fc.constantFrom('month', 'quarter', 'half_year', 'year' as const),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -30, max: 30 }),
        (calendar, unit, date, count) => {
          const day = date.toISOString().slice(0, 10);
          const periods = tierEvaluationPeriods(calendar, unit);
          const shifted = shiftFiscalPeriod(fiscalPeriodContaining(day, calendar, unit), calendar, count);
          expect(periods.between(day, shifted.start)).toBe(count);
          expect(periods.between(shifted.start, day) + count).toBe(0);
        },
      ),
    );
  });
});
