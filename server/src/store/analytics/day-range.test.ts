import { addDays, calendarDateIn, toDayNumber } from '@conduit/core';
import fc from 'fast-check';
import { instantsAround, ProgramDays } from './day-range.js';

/** Zones with daylight saving, offsets in quarter hours, half-hour shifts, and a day skipped (Samoa, 2011). */
const ZONES = ['America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'UTC'];
const FROM = Date.parse('2010-01-01T00:00:00Z');
const TO = Date.parse('2031-01-01T00:00:00Z');

describe('ProgramDays', () => {
  it('agrees with the calendar date of every instant in its time zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        expect(ProgramDays.in(zone).ofTime(ms)).toBe(toDayNumber(calendarDateIn(new Date(ms), zone)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees minute by minute around the daylight-saving changes of New York', () => {
    const days = ProgramDays.in('America/New_York');
    for (const transition of ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z']) {
      for (let minute = -180; minute <= 180; minute++) {
        const ms = Date.parse(transition) + minute * 60_000;
        expect(days.ofTime(ms)).toBe(toDayNumber(calendarDateIn(new Date(ms), 'America/New_York')));
      }
    }
  });

  it('reads ISO text as the instant it names', () => {
    expect(ProgramDays.in('America/New_York').of('2026-03-02T03:30:00Z')).toBe(toDayNumber('2026-03-01'));
  });
});

describe('instantsAround', () => {
  it('encloses the program days of a range in every time zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        const day = calendarDateIn(new Date(ms), zone);
        const around = instantsAround({ from: day, to: addDays(day, 1) });
        expect(Date.parse(around.from)).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(Date.parse(around.to));
      }),
      { numRuns: 2_000 },
    );
  });
});
