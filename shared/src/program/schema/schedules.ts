import * as z from 'zod';

/** One of the five fields of a cron expression: its words in messages, its range, and the names its values may take. */
interface CronField {
  one: string;
  many: string;
  min: number;
  max: number;
  /** Three-letter English names, the first worth `min` (months from JAN, days of the week from SUN). */
  names?: readonly string[];
  /** How the values a field takes are described when one is not understood. */
  takes: string;
}

const CRON_FIELDS: readonly CronField[] = [
  { one: 'minute', many: 'minutes', min: 0, max: 59, takes: 'a number from 0 to 59' },
  { one: 'hour', many: 'hours', min: 0, max: 23, takes: 'a number from 0 to 23' },
  { one: 'day of the month', many: 'days of the month', min: 1, max: 31, takes: 'a number from 1 to 31' },
  {
    one: 'month',
    many: 'months',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    takes: 'a month number (1 to 12), a month name (JAN to DEC)',
  },
  {
    // 0 and 7 are both Sunday, as in Vixie cron.
    one: 'day of the week',
    many: 'days of the week',
    min: 0,
    max: 7,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    takes: 'a day number (0 to 7, Sunday being 0 or 7), a day name (SUN to SAT)',
  },
];

/** Each month's name and the longest it can be (February in a leap year), to tell a day of the month that never comes. */
const MONTHS: readonly (readonly [string, number])[] = [
  ['January', 31],
  ['February', 29],
  ['March', 31],
  ['April', 30],
  ['May', 31],
  ['June', 30],
  ['July', 31],
  ['August', 31],
  ['September', 30],
  ['October', 31],
  ['November', 30],
  ['December', 31],
];

/** What a cron expression names: the values each field allows, and whether its day fields were restricted. */
export interface CronSchedule {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0 to 6, Sunday being 0 (a 7 in the expression is read as 0). */
  daysOfWeek: number[];
  /** Whether the day of the month, or the day of the week, is anything but `*`: cron runs on either when both are. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const failed = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

function valueOf(text: string, field: CronField): Parsed<number> {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value < field.min || value > field.max)
      return failed(`has ${value} as its ${field.one}, but ${field.many} go from ${field.min} to ${field.max}`);
    return { ok: true, value };
  }
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return { ok: true, value: field.min + named };
  return failed(
    `has "${text}" as its ${field.one}, which is not ${field.takes}, a range such as 1-5, a list such as 1,15, a step such as */10 or "*"`,
  );
}

/** One item of a field's list: `*`, a value, a range `a-b`, each optionally stepped (`*\/10`, `1-30/5`, `5/15`). */
function itemValues(item: string, field: CronField): Parsed<number[]> {
  const [base = '', stepText, extra] = item.split('/');
  if (extra !== undefined || stepText === '')
    return failed(`has "${item}" as its ${field.one}, which holds a step that is not one number after one "/"`);
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText))
      return failed(`has the step "${stepText}" in its ${field.one} field, which is not a whole number`);
    step = Number(stepText);
    const span = field.max - field.min + 1;
    if (step < 1) return failed(`has a step of 0 in its ${field.one} field: a step must be at least 1`);
    if (step > span)
      return failed(`has a step of ${step} in its ${field.one} field, more than the ${span} ${field.many} there are`);
  }
  let from = field.min;
  let to = field.max;
  if (base !== '*') {
    const bounds = base.split('-');
    if (bounds.length > 2) return failed(`has "${item}" as its ${field.one}, a range with more than two ends`);
    const first = valueOf(bounds[0] ?? '', field);
    if (!first.ok) return first;
    from = first.value;
    to = stepText === undefined ? from : field.max;
    if (bounds.length === 2) {
      const last = valueOf(bounds[1] ?? '', field);
      if (!last.ok) return last;
      if (last.value < from) {
        const highest = field.names ? field.min + field.names.length - 1 : field.max;
        return failed(
          `has the range ${base} in its ${field.one} field, which runs backwards: write the smaller value first, or wrap around with a list such as ${from}-${highest},${field.min}-${last.value}`,
        );
      }
      to = last.value;
    }
  }
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return { ok: true, value: values };
}

/** The same day of the week for 7 and 0 (Sunday); any other value as it is. */
function canonical(value: number, field: CronField): number {
  return field.names && field.max - field.min + 1 > field.names.length ? value % field.names.length : value;
}

/** A value as a message names it: with its name when the field has names (`1 (JAN)`, `0 (SUN)`). */
function shown(value: number, field: CronField): string {
  const name = field.names?.[value - field.min];
  return name === undefined ? String(value) : `${value} (${name})`;
}

/**
 * A field's values. Two items of a list may not name the same value (`1-5,3`, `0,7` for Sunday): schedulers
 * built on cron-parser, pg-boss among them, refuse such a list, so it is refused here with a clearer reason.
 */
function fieldValues(text: string, field: CronField): Parsed<number[]> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') return failed(`has an empty item in the list "${text}" of its ${field.one} field`);
    const parsed = itemValues(item, field);
    if (!parsed.ok) return parsed;
    const named = new Set(parsed.value.map((value) => canonical(value, field)));
    const twice = [...named].find((value) => values.has(value));
    if (twice !== undefined)
      return failed(
        `names ${shown(twice, field)} twice in the list "${text}" of its ${field.one} field: list each value once`,
      );
    for (const value of named) values.add(value);
  }
  return { ok: true, value: [...values].sort((a, b) => a - b) };
}

/** A schedule whose day of the month never comes in the months it names (30 February) never runs. */
function neverRuns(schedule: CronSchedule): string | undefined {
  if (!schedule.dayOfMonthRestricted || schedule.dayOfWeekRestricted) return undefined;
  const months = schedule.months.map((month) => MONTHS[month - 1]!);
  if (months.some(([, length]) => schedule.daysOfMonth.some((day) => day <= length))) return undefined;
  const names = months.map(([name]) => name);
  const days = schedule.daysOfMonth.join(' or ');
  return names.length === 1
    ? `never runs: ${names[0]!} has no day ${days}`
    : `never runs: none of ${names.join(', ')} has a day ${days}`;
}

/**
 * Reads a standard five-field cron expression (minute, hour, day of the month, month, day of the week),
 * as Vixie cron and most schedulers do: each field `*`, a number, a range `a-b`, a list `a,b`, a step
 * `*\/n`, `a-b/n` or `a/n`; months and days of the week also by their three-letter English names (any
 * case); 0 and 7 are both Sunday. Extensions some schedulers accept (a sixth field for seconds, `L`, `W`,
 * `#`, `?`, `@daily`) are refused, so that every scheduler reads the expression the same way. The problem
 * comes back as a predicate to follow the field's name ("has 75 as its minute, but minutes go from 0 to 59").
 *
 * @example parseCronExpression('*\/10 8-18 * * MON-FRI') // ok: every 10 minutes from 08:00 to 18:50 on weekdays
 */
export function parseCronExpression(expression: string): Parsed<CronSchedule> {
  const fields = expression.trim() === '' ? [] : expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return failed(
      `must have five fields (minute, hour, day of the month, month, day of the week), such as "*/10 * * * *", but it has ${fields.length === 0 ? 'none' : fields.length}`,
    );
  }
  const values: number[][] = [];
  for (const [index, field] of CRON_FIELDS.entries()) {
    const parsed = fieldValues(fields[index]!, field);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  const [minutes = [], hours = [], daysOfMonth = [], months = [], daysOfWeek = []] = values;
  const schedule: CronSchedule = {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: fields[2] !== '*',
    dayOfWeekRestricted: fields[4] !== '*',
  };
  const never = neverRuns(schedule);
  return never === undefined ? { ok: true, value: schedule } : failed(never);
}

/**
 * A five-field cron expression (see `parseCronExpression`), read in the program's time zone
 * (`fiscalCalendar.timeZone`). A malformed one is refused with the issue code `invalid_cron` and a
 * sentence naming the field and what is wrong with it.
 *
 * @example '5 0 * * *' // every day at 00:05
 */
export const CronExpressionSchema = z
  .string()
  .max(200)
  .superRefine((expression, context) => {
    const parsed = parseCronExpression(expression);
    if (!parsed.ok)
      context.addIssue({
        code: 'custom',
        message: parsed.problem,
        params: { code: 'invalid_cron' },
        input: expression,
      });
  });

/** A job's schedule: a cron expression, or `null` for a job that runs only when someone asks for it. */
const JobScheduleSchema = CronExpressionSchema.nullable();

/** The schedules of a program that states none (see `SchedulesSchema`). */
export const DEFAULT_SCHEDULES = {
  offerRecycling: '*/10 * * * *',
  registrationExpiry: '5 0 * * *',
  tierEvaluation: '0 2 * * *',
  accrualPosting: '30 2 * * *',
} as const;

/**
 * When the server runs the program's scheduled jobs, each a cron expression in the program's time zone
 * (or `null`: only on demand, through the API):
 * - `offerRecycling`: expire lead offers past their SLA and offer the leads to other partners (every 10 minutes);
 * - `registrationExpiry`: expire deal registrations whose protection has ended (daily at 00:05);
 * - `tierEvaluation`: evaluate every partner's tier and apply or queue the proposals (nightly at 02:00);
 * - `accrualPosting`: accrue co-op funds on won deals and expire what is past its expiry (nightly at 02:30,
 *   after tier evaluation, since accrual rates follow tiers).
 * A schedule left out keeps its default.
 */
export const SchedulesSchema = z.strictObject({
  offerRecycling: JobScheduleSchema.default(DEFAULT_SCHEDULES.offerRecycling),
  registrationExpiry: JobScheduleSchema.default(DEFAULT_SCHEDULES.registrationExpiry),
  tierEvaluation: JobScheduleSchema.default(DEFAULT_SCHEDULES.tierEvaluation),
  accrualPosting: JobScheduleSchema.default(DEFAULT_SCHEDULES.accrualPosting),
});
export type Schedules = z.output<typeof SchedulesSchema>;

/** The schedules of a program that states none: every job on its default schedule. */
export function defaultSchedules(): Schedules {
  return { ...DEFAULT_SCHEDULES };
}
