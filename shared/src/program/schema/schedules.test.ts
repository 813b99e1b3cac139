import fc from 'fast-check';
import { parseProgram } from '../parse-program.js';
import { demoProgramInput } from '../test-support/demo-program.js';
import { DEFAULT_SCHEDULES, parseCronExpression, SchedulesSchema } from './schedules.js';

const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => from + index * step);

describe('parseCronExpression', () => {
  it('reads each field: numbers, ranges, lists, steps and names in any case', () => {
    const parsed = parseCronExpression('*/15 8-18/5 1,15 jan-MAR/2 Mon-fri');

    expect(parsed).toEqual({
      ok: true,
      value: {
        minutes: [0, 15, 30, 45],
        hours: [8, 13, 18],
        daysOfMonth: [1, 15],
        months: [1, 3],
        daysOfWeek: [1, 2, 3, 4, 5],
        dayOfMonthRestricted: true,
        dayOfWeekRestricted: true,
      },
    });
  });

  it('reads "a/n" as every n from a, 7 as Sunday, and tolerates surrounding and repeated spaces', () => {
    const parsed = parseCronExpression('  5/20  0   *  *  5-7 ');

    expect(parsed.ok && parsed.value.minutes).toEqual([5, 25, 45]);
    expect(parsed.ok && parsed.value.daysOfWeek).toEqual([0, 5, 6]);
    expect(parsed.ok && parsed.value.dayOfMonthRestricted).toBe(false);
  });

  it('accepts a day of the month that only some named months have, and 29 February', () => {
    expect(parseCronExpression('0 0 31 1,2 *').ok).toBe(true);
    expect(parseCronExpression('0 0 29 2 *').ok).toBe(true);
    // With a day of the week as well, cron runs on either, so the day of the week still comes.
    expect(parseCronExpression('0 0 30 2 MON').ok).toBe(true);
  });

  it.each([
    [
      '',
      'must have five fields (minute, hour, day of the month, month, day of the week), such as "*/10 * * * *", but it has none',
    ],
    [
      '0 0 L * *',
      'has "L" as its day of the month, which is not a number from 1 to 31, a range such as 1-5, a list such as 1,15, a step such as */10 or "*"',
    ],
    [
      '0 0 ? * *',
      'has "?" as its day of the month, which is not a number from 1 to 31, a range such as 1-5, a list such as 1,15, a step such as */10 or "*"',
    ],
    [
      '0 0 * * MON#2',
      'has "MON#2" as its day of the week, which is not a day number (0 to 7, Sunday being 0 or 7), a day name (SUN to SAT), a range such as 1-5, a list such as 1,15, a step such as */10 or "*"',
    ],
    ['0 24 * * *', 'has 24 as its hour, but hours go from 0 to 23'],
    ['0 0 0 * *', 'has 0 as its day of the month, but days of the month go from 1 to 31'],
    ['0 0 * * 8', 'has 8 as its day of the week, but days of the week go from 0 to 7'],
    ['*/61 * * * *', 'has a step of 61 in its minute field, more than the 60 minutes there are'],
    ['1/x * * * *', 'has the step "x" in its minute field, which is not a whole number'],
    ['1/2/3 * * * *', 'has "1/2/3" as its minute, which holds a step that is not one number after one "/"'],
    ['1-2-3 * * * *', 'has "1-2-3" as its minute, a range with more than two ends'],
    [
      '0 22-2 * * *',
      'has the range 22-2 in its hour field, which runs backwards: write the smaller value first, or wrap around with a list such as 22-23,0-2',
    ],
    ['0 0 31 APR,JUN *', 'never runs: none of April, June has a day 31'],
    ['1-5,3 * * * *', 'names 3 twice in the list "1-5,3" of its minute field: list each value once'],
    ['0 0 * * 0,7', 'names 0 (SUN) twice in the list "0,7" of its day of the week field: list each value once'],
    ['0 0 1 JAN,1 *', 'names 1 (JAN) twice in the list "JAN,1" of its month field: list each value once'],
    [
      '+5 * * * *',
      'has "+5" as its minute, which is not a number from 0 to 59, a range such as 1-5, a list such as 1,15, a step such as */10 or "*"',
    ],
  ])('refuses %j: it %s', (expression, problem) => {
    expect(parseCronExpression(expression)).toEqual({ ok: false, problem });
  });

  it('accepts every expression assembled from valid parts, and each value it reads is in its field', () => {
    const bounds = [
      [0, 59],
      [0, 23],
      [1, 28],
      [1, 12],
      [0, 7],
    ] as const;
    const item = (min: number, max: number) =>
      fc.oneof(
        fc.constant('*'),
        fc.integer({ min, max }).map(String),
        fc
          .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
          .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
        fc.integer({ min: 1, max: max - min + 1 }).map((step) => `*/${step}`),
      );
    // One item, or a list of values named once each (0 and 7 are the same day of the week).
    const field = ([min, max]: readonly [number, number]) =>
      fc.oneof(
        item(min, max),
        fc
          .uniqueArray(fc.integer({ min, max }), {
            minLength: 2,
            maxLength: 4,
            selector: (value) => (max === 7 ? value % 7 : value),
          })
          .map((values) => values.join(',')),
      );
    fc.assert(
      fc.property(fc.tuple(...bounds.map(field)), (fields) => {
        const parsed = parseCronExpression(fields.join(' '));
        if (!parsed.ok) throw new Error(`${fields.join(' ')}: ${parsed.problem}`);
        const { minutes, hours, daysOfMonth, months, daysOfWeek } = parsed.value;
        const limits = [
          [0, 59],
          [0, 23],
          [1, 31],
          [1, 12],
        ] as const;
        [minutes, hours, daysOfMonth, months].forEach((values, index) => {
          expect(values.length).toBeGreaterThan(0);
          expect(values.every((value) => value >= limits[index]![0] && value <= limits[index]![1])).toBe(true);
        });
        expect(daysOfWeek.every((day) => day >= 0 && day <= 6)).toBe(true);
      }),
    );
  });

  it('reads the steps of a whole field as every n-th value from its start', () => {
    const parsed = parseCronExpression('*/7 */5 */10 */4 */2');

    expect(parsed.ok && parsed.value).toMatchObject({
      minutes: range(0, 59, 7),
      hours: range(0, 23, 5),
      daysOfMonth: range(1, 31, 10),
      months: range(1, 12, 4),
      daysOfWeek: [0, 2, 4, 6],
    });
  });
});

describe('SchedulesSchema', () => {
  it('gives every job its default schedule when a program states none', () => {
    const input = demoProgramInput();
    delete input.schedules;

    const parsed = parseProgram(input);

    expect(parsed.success && parsed.data.schedules).toEqual(DEFAULT_SCHEDULES);
  });

  it('keeps the schedules stated, fills in the others, and lets a job run only on demand (null)', () => {
    expect(SchedulesSchema.parse({ tierEvaluation: '0 3 * * SUN', accrualPosting: null })).toEqual({
      ...DEFAULT_SCHEDULES,
      tierEvaluation: '0 3 * * SUN',
      accrualPosting: null,
    });
  });
});
