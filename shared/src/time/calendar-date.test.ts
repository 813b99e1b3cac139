import { addDays, CalendarDateSchema, daysInMonth, parseCalendarDate } from './calendar-date.js';
import { InstantSchema } from './instant.js';
import { PeriodSchema } from './period.js';
import { calendarDateIn, isTimeZone } from './time-zone.js';

describe('calendar dates', () => {
  it('knows leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
  });

  it('accepts real dates only', () => {
    expect(parseCalendarDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    for (const text of ['2026-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z']) {
      expect(CalendarDateSchema.safeParse(text).success).toBe(false);
    }
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-11-24', 90)).toBe('2027-02-22');
  });
});

describe('time zones and instants', () => {
  it('tells the program day of an instant in its time zone', () => {
    const instant = new Date('2026-01-01T03:00:00Z');
    expect(calendarDateIn(instant, 'America/Los_Angeles')).toBe('2025-12-31');
    expect(calendarDateIn(instant, 'UTC')).toBe('2026-01-01');
    expect(calendarDateIn(new Date('2026-06-30T20:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-07-01');
  });

  it('recognises IANA zone names', () => {
    expect(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires'].every(isTimeZone)).toBe(true);
    expect(['', ' ', 'Mars/Olympus_Mons', 'GMT+25'].some(isTimeZone)).toBe(false);
  });

  it('requires instants to carry their zone', () => {
    expect(InstantSchema.safeParse('2026-11-24T09:30:00Z').success).toBe(true);
    expect(InstantSchema.safeParse('2026-11-24T09:30:00+01:00').success).toBe(true);
    expect(InstantSchema.safeParse('2026-11-24T09:30:00').success).toBe(false);
  });

  it('refuses a period that ends before it starts', () => {
    const result = PeriodSchema.safeParse({ unit: 'month', start: '2026-02-01', end: '2026-02-01', label: 'x' });
    expect(result.success || result.error.issues.map((found) => found.path)).toEqual([['end']]);
  });
});
