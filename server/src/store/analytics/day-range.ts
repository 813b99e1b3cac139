import { addDays, calendarDateIn, toDayNumber, type DayRange } from '@conduit/core';

/**
 * Instants that surely enclose the program days of a range whatever the program's time zone (UTC−12 to
 * UTC+14): from midnight UTC the day before `from` to midnight UTC the day after `to`. Timestamps are
 * narrowed with them in SQL; the program day of each row then decides (a source may return rows outside
 * the range: the report skips them).
 *
 * @example instantsAround({ from: '2026-02-01', to: '2027-02-01' }) // { from: '2026-01-31T00:00:00.000Z', to: '2027-02-02T00:00:00.000Z' }
 */
export function instantsAround(range: DayRange): { from: string; to: string } {
  return { from: `${addDays(range.from, -1)}T00:00:00.000Z`, to: `${addDays(range.to, 1)}T00:00:00.000Z` };
}

/** The days around a range in the same way, for day columns written in UTC (a registration's end). */
export function daysAround(range: DayRange): DayRange {
  return { from: addDays(range.from, -1), to: addDays(range.to, 1) };
}

const HOUR_MS = 3_600_000;
/** Hours remembered per time zone at most: about eleven years of them. */
const REMEMBERED_HOURS = 100_000;

/**
 * The program day of instants, as day numbers, for reports' many rows: an hour whose first and last
 * millisecond fall on the same program day is looked up once per time zone (and remembered across
 * reports), and every instant in it takes that day; an hour in which the day changes is computed instant
 * by instant. (Between two instants of an hour that fall on the same day, the day could only differ if the
 * zone's clocks moved twice within that hour.)
 *
 * @example ProgramDays.in('America/New_York').of('2026-03-02T03:30:00Z') // 20_513 (2026-03-01 in New York)
 */
export class ProgramDays {
  static readonly #zones = new Map<string, ProgramDays>();
  readonly #hours = new Map<number, number | null>();

  private constructor(readonly timeZone: string) {}

  /** The program days of a time zone. */
  static in(timeZone: string): ProgramDays {
    let days = ProgramDays.#zones.get(timeZone);
    if (!days) ProgramDays.#zones.set(timeZone, (days = new ProgramDays(timeZone)));
    return days;
  }

  /** The program day (a day number) of an instant, written as ISO text. */
  of(instant: string): number {
    return this.ofTime(Date.parse(instant));
  }

  /** The program day (a day number) of an instant, in milliseconds since the epoch. */
  ofTime(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS);
    let day = this.#hours.get(hour);
    if (day === undefined) {
      if (this.#hours.size >= REMEMBERED_HOURS) this.#hours.clear();
      const first = this.#exact(hour * HOUR_MS);
      day = first === this.#exact(hour * HOUR_MS + HOUR_MS - 1) ? first : null;
      this.#hours.set(hour, day);
    }
    return day ?? this.#exact(ms);
  }

  #exact(ms: number): number {
    return toDayNumber(calendarDateIn(new Date(ms), this.timeZone));
  }
}
