import { isWeekend, MINUTES_PER_DAY, momentOf, nextWeekday, type LocalMoment } from '../demo-calendar.js';
import type { DemoRandom } from '../random.js';

const OPENS = 8 * 60;
const CLOSES = 18 * 60;

/** The moment itself when it falls in business hours on a weekday, otherwise the next opening. */
export function inBusinessHours(moment: LocalMoment, random: DemoRandom): LocalMoment {
  const day = Math.floor(moment / MINUTES_PER_DAY);
  const minute = moment - day * MINUTES_PER_DAY;
  if (!isWeekend(day) && minute >= OPENS && minute < CLOSES) return moment;
  const next = minute < OPENS && !isWeekend(day) ? day : nextWeekday(day + 1);
  return momentOf(next, 8, random.int(0, 150));
}

/**
 * Walks forward through people's working time: each step lands in business hours (08:00 to 18:00) on a
 * weekday, so that registrations are submitted, reviewed and decided when people work.
 */
export class BusinessCursor {
  constructor(
    public at: LocalMoment,
    private readonly random: DemoRandom,
  ) {}

  /** Moves on by `min` to `max` minutes of elapsed time, then to the next working moment. */
  minutes(min: number, max: number): LocalMoment {
    this.at = inBusinessHours(this.at + this.random.int(min, max), this.random);
    return this.at;
  }

  /** Moves on by `min` to `max` hours. */
  hours(min: number, max: number): LocalMoment {
    return this.minutes(min * 60, max * 60);
  }

  /** Moves to a working moment `min` to `max` days later. */
  days(min: number, max: number): LocalMoment {
    const day = Math.floor(this.at / MINUTES_PER_DAY) + this.random.int(min, max);
    return this.onDay(day);
  }

  /** Moves to a working moment on `day` (or the next weekday), never back in time. */
  onDay(day: number): LocalMoment {
    const target = momentOf(nextWeekday(day), 8, this.random.int(0, 599));
    this.at = Math.max(this.at + 1, target);
    this.at = inBusinessHours(this.at, this.random);
    return this.at;
  }

  /** The day of the current moment. */
  get day(): number {
    return Math.floor(this.at / MINUTES_PER_DAY);
  }
}
