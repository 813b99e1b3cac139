import { parseProgram } from '@conduit/core';
import fc from 'fast-check';
import { demoProgram } from '../test-support/test-server.js';
import { lastTick, nextTick } from './cron.js';

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    minute: 'numeric',
    hour: 'numeric',
    day: 'numeric',
    month: 'numeric',
    weekday: 'short',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((found) => found.type === type)!.value;
  return {
    minute: Number(part('minute')),
    hour: Number(part('hour')),
    day: Number(part('day')),
    month: Number(part('month')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday')),
  };
}

describe('cron ticks in a program’s time zone', () => {
  it('finds the next and the last tick, in the time zone', () => {
    const now = new Date('2026-11-24T15:00:00Z'); // 10:00 in New York

    expect(nextTick('5 0 * * *', 'America/New_York', now)).toEqual(new Date('2026-11-25T05:05:00Z'));
    expect(lastTick('5 0 * * *', 'America/New_York', now)).toEqual(new Date('2026-11-24T05:05:00Z'));
    expect(nextTick('*/10 * * * *', 'Europe/Paris', now)).toEqual(new Date('2026-11-24T15:10:00Z'));
    // A tick at the very instant is the last one, and not the next.
    expect(lastTick('*/10 * * * *', 'UTC', now)).toEqual(now);
    // Already Wednesday the 25th in Tokyo (00:00): its 02:00 is 17:00 UTC on the 24th.
    expect(nextTick('0 2 * * MON-FRI', 'Asia/Tokyo', now)).toEqual(new Date('2026-11-24T17:00:00Z'));
    expect(nextTick('0 2 * * SAT', 'Asia/Tokyo', now)).toEqual(new Date('2026-11-27T17:00:00Z'));
  });

  it('runs a time a daylight-saving change skips an hour later', () => {
    // New York skips 02:00 to 03:00 on 2027-03-14.
    const tick = nextTick('30 2 * * *', 'America/New_York', new Date('2027-03-13T12:00:00Z'));

    expect(tick).toEqual(new Date('2027-03-14T07:30:00Z')); // 03:30 EDT
    expect(lastTick('30 2 * * *', 'America/New_York', tick)).toEqual(new Date('2027-03-13T07:30:00Z'));
  });

  it('ticks only on the values an expression the core accepts names, in the program’s time zone', () => {
    const range = (from: number, to: number, step = 1) =>
      Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);
    /** A field item and the values it names. */
    const item = (min: number, max: number) =>
      fc.oneof(
        fc.constant({ text: '*', values: range(min, max) }),
        fc.integer({ min, max }).map((value) => ({ text: String(value), values: [value] })),
        fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => {
          const [from, to] = [Math.min(a, b), Math.max(a, b)];
          return { text: `${from}-${to}`, values: range(from, to) };
        }),
        fc
          .integer({ min: 1, max: max - min + 1 })
          .map((step) => ({ text: `*/${step}`, values: range(min, max, step) })),
        fc
          .tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: max - min + 1 }))
          .map(([start, step]) => ({ text: `${start}/${step}`, values: range(start, max, step) })),
      );
    // One item, or a list of values named once each (0 and 7 are the same day of the week).
    const field = (min: number, max: number) =>
      fc.oneof(
        item(min, max).map((found) => ({ text: found.text, values: new Set(found.values) })),
        fc
          .uniqueArray(fc.integer({ min, max }), {
            minLength: 2,
            maxLength: 4,
            selector: (value) => (max === 7 ? value % 7 : value),
          })
          .map((values) => ({ text: values.join(','), values: new Set(values) })),
      );
    const expression = fc.tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 7));
    const zones = fc.constantFrom('UTC', 'America/New_York', 'Europe/Paris', 'Australia/Sydney', 'Asia/Kolkata');
    const instants = fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    const program = demoProgram();

    fc.assert(
      fc.property(expression, zones, instants, (fields, timeZone, after) => {
        const cron = fields.map((found) => found.text).join(' ');
        const accepted = parseProgram({ ...program, schedules: { ...program.schedules, tierEvaluation: cron } });
        fc.pre(accepted.success);
        const tick = nextTick(cron, timeZone, after);
        expect(tick.getTime()).toBeGreaterThan(after.getTime());
        // The tick is its own last tick, except on a time that a daylight-saving change skips (its next
        // tick is an hour later, which cron-parser's backwards walk does not return).
        expect(lastTick(cron, timeZone, tick).getTime()).toBeLessThanOrEqual(tick.getTime());
        const [minutes, hours, days, months, weekdays] = fields;
        const { minute, hour, day, month, weekday } = wallClock(tick, timeZone);
        expect(minutes.values.has(minute)).toBe(true);
        expect(months.values.has(month)).toBe(true);
        // Across a daylight-saving change, an hour that does not exist that day runs in the next one.
        expect(hours.values.has(hour) || hours.values.has(hour - 1)).toBe(true);
        const onDay = days.values.has(day);
        const onWeekday = weekdays.values.has(weekday) || (weekday === 0 && weekdays.values.has(7));
        // Restricted both, cron runs on either; otherwise on the one restricted.
        const both = fields[2].text !== '*' && fields[4].text !== '*';
        expect(both ? onDay || onWeekday : onDay && onWeekday).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
