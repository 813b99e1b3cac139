import { toDayNumber } from '@conduit/core';
import { demoProgram } from '../test-support/test-server.js';
import { demoWindow, isWeekend, LocalTime, momentOf, nextWeekday } from './demo-calendar.js';

describe('the demo calendar', () => {
  it('turns local moments into instants, daylight saving time included', () => {
    const newYork = new LocalTime('America/New_York');
    const at = (day: string, hour: number) => newYork.iso(momentOf(toDayNumber(day), hour));
    expect(at('2026-01-15', 9)).toBe('2026-01-15T14:00:00.000Z');
    expect(at('2026-03-08', 9)).toBe('2026-03-08T13:00:00.000Z');
    expect(at('2026-07-01', 9)).toBe('2026-07-01T13:00:00.000Z');
    expect(at('2026-11-01', 9)).toBe('2026-11-01T14:00:00.000Z');
    expect(new LocalTime('Europe/Berlin').iso(momentOf(toDayNumber('2026-03-29'), 5))).toBe('2026-03-29T03:00:00.000Z');
    expect(new LocalTime('Australia/Sydney').iso(momentOf(toDayNumber('2026-01-10'), 8, 30))).toBe(
      '2026-01-09T21:30:00.000Z',
    );
  });

  it('knows weekends and the next weekday', () => {
    expect(isWeekend(toDayNumber('2026-11-28'))).toBe(true);
    expect(isWeekend(toDayNumber('2026-11-29'))).toBe(true);
    expect(isWeekend(toDayNumber('2026-11-30'))).toBe(false);
    expect(nextWeekday(toDayNumber('2026-11-28'))).toBe(toDayNumber('2026-11-30'));
    expect(nextWeekday(toDayNumber('2026-11-25'))).toBe(toDayNumber('2026-11-25'));
  });

  it('covers the previous fiscal year and the current one to date, up to 06:00 today in the program’s zone', () => {
    const program = demoProgram();
    expect(demoWindow(program, '2026-11-25')).toMatchObject({
      start: '2025-02-01',
      today: '2026-11-25',
      now: new Date('2026-11-25T11:00:00.000Z'),
    });
    expect(demoWindow(program, '2027-01-31').start).toBe('2025-02-01');
    expect(demoWindow(program, '2027-02-01').start).toBe('2026-02-01');
    const calendarYear = {
      ...program,
      fiscalCalendar: { firstMonth: 1, yearNamedBy: 'start' as const, timeZone: 'UTC' },
    };
    expect(demoWindow(calendarYear, '2026-06-30')).toMatchObject({
      start: '2025-01-01',
      now: new Date('2026-06-30T06:00:00Z'),
    });
  });
});
