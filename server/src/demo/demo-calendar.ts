import { fiscalPeriodContaining, shiftFiscalPeriod, toDayNumber, type CalendarDate, type Program } from '@conduit/core';

/** Minutes in a day: demo moments are counted in minutes of the program's local time. */
export const MINUTES_PER_DAY = 1440;

/**
 * A moment of the demo in the program's local time: `day * 1440 + minute of the day`, where `day` is a
 * day number (days since 1970-01-01). Whole-day arithmetic stays exact and the day of a moment is
 * `Math.floor(moment / 1440)`, the program's calendar day.
 */
export type LocalMoment = number;

/** The time span the demo data covers and the reference instant everything is placed before. */
export interface DemoWindow {
  /** The reference date: "today" for the demo (the caller's today by default). */
  today: CalendarDate;
  todayNumber: number;
  /** The reference instant: 06:00 on `today` in the program's time zone; every record happened before it. */
  now: Date;
  nowMoment: LocalMoment;
  /** The first day of the previous fiscal year: the demo covers it and the current year to date. */
  start: CalendarDate;
  startNumber: number;
  timeZone: string;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function utcOffsetMinutes(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const value = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * Converts local moments of one time zone to instants. The zone's offset is read once per day, at local
 * noon, so moments from 04:00 on are exact on every day, daylight-saving days included (the demo places
 * nothing between midnight and 04:00).
 */
export class LocalTime {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** The instant of a local moment. */
  instant(moment: LocalMoment): Date {
    const day = Math.floor(moment / MINUTES_PER_DAY);
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const noon = day * 86_400_000 + 12 * 3_600_000;
      offset = utcOffsetMinutes(noon - utcOffsetMinutes(noon, this.timeZone) * 60_000, this.timeZone);
      this.offsets.set(day, offset);
    }
    return new Date((moment - offset) * 60_000);
  }

  /** The instant of a local moment as ISO 8601 text (UTC), as records carry it. */
  iso(moment: LocalMoment): string {
    return this.instant(moment).toISOString();
  }
}

/** The local moment of a day and a time of day (hours and minutes). */
export function momentOf(day: number, hour: number, minute = 0): LocalMoment {
  return day * MINUTES_PER_DAY + hour * 60 + minute;
}

/** Whether a day number falls on a Saturday or a Sunday (1970-01-01 was a Thursday). */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The day itself when it is a weekday, otherwise the Monday after it. */
export function nextWeekday(day: number): number {
  let weekday = day;
  while (isWeekend(weekday)) weekday += 1;
  return weekday;
}

/**
 * The window of the demo for a program and a reference date: from the first day of the previous fiscal
 * year to `today`, the reference instant being 06:00 on `today` in the program's time zone.
 *
 * @example demoWindow(program, '2026-11-25').start // '2025-02-01' for a fiscal year starting in February
 */
export function demoWindow(program: Program, today: CalendarDate): DemoWindow {
  const calendar = program.fiscalCalendar;
  const start = shiftFiscalPeriod(fiscalPeriodContaining(today, calendar, 'year'), calendar, -1).start;
  const todayNumber = toDayNumber(today);
  const nowMoment = momentOf(todayNumber, 6);
  const time = new LocalTime(calendar.timeZone);
  return {
    today,
    todayNumber,
    now: time.instant(nowMoment),
    nowMoment,
    start,
    startNumber: toDayNumber(start),
    timeZone: calendar.timeZone,
  };
}
