import { MINUTES_PER_DAY, momentOf, nextWeekday, type LocalMoment } from '../demo-calendar.js';
import type { DemoRandom } from '../random.js';
import type { PlanTerms, PlannedDeal, PlannedStep, StepKind } from './plan-types.js';
import { BusinessCursor } from './timeline.js';

/**
 * Builds one registration's timeline step by step: working moments for people's steps, protection and
 * extension windows as the program's terms set them, the nightly job's expiry. A step that cannot fit its
 * window makes the builder say so (`false`, `undefined`) so that the plan is drawn again.
 */
export class TimelineBuilder {
  readonly steps: PlannedStep[] = [];
  cursor: BusinessCursor;
  endsOn = 0;
  extensions = 0;
  approvedOn = 0;

  constructor(
    start: LocalMoment,
    private readonly terms: PlanTerms,
    private readonly random: DemoRandom,
  ) {
    this.cursor = new BusinessCursor(start, random);
    this.steps.push({ kind: 'create', at: this.cursor.at });
  }

  private push(kind: StepKind, at: LocalMoment, closedOn?: number): void {
    this.steps.push(closedOn === undefined ? { kind, at } : { kind, at, closedOn });
  }

  submit(): void {
    if (this.random.chance(0.3)) this.push('edit', this.cursor.minutes(20, 600));
    this.push('submit', this.random.chance(0.85) ? this.cursor.minutes(10, 600) : this.cursor.days(1, 6));
  }

  /** Review up to a decision; `info` stops once information is requested, `review` once review starts. */
  review(until: 'info' | 'review' | 'decision', mayAskForInfo = true): void {
    if (until === 'review' || this.random.chance(0.85)) this.push('start_review', this.cursor.hours(2, 40));
    if (until === 'review') return;
    if (until === 'info' || (mayAskForInfo && this.random.chance(0.15))) {
      this.push('request_info', this.cursor.hours(1, 30));
      if (until === 'info') return;
      this.push('edit', this.cursor.days(1, 6));
      this.push('submit', this.cursor.minutes(5, 90));
      if (this.random.chance(0.7)) this.push('start_review', this.cursor.hours(2, 30));
    }
  }

  approve(): void {
    this.push('approve', this.cursor.hours(1, 48));
    this.approvedOn = this.cursor.day;
    this.endsOn = this.approvedOn + this.terms.protectionDays - 1;
    this.push('link_opportunity', this.cursor.minutes(5, 240));
  }

  reject(): void {
    this.push('reject', this.cursor.hours(1, 48));
  }

  /**
   * Asks for an extension within the window, on `latest` at the latest; false when the window has passed
   * or does not open in time.
   */
  requestExtension(latest = Number.POSITIVE_INFINITY): boolean {
    const opens = Math.max(this.endsOn - this.terms.windowDays, this.cursor.day + 1);
    const closes = Math.min(this.endsOn, latest);
    if (opens > closes) return false;
    const at = this.cursor.onDay(this.random.int(opens, closes));
    if (Math.floor(at / MINUTES_PER_DAY) > closes) return false;
    this.push('request_extension', at);
    return true;
  }

  /** Decides the pending extension before protection ends; false when that cannot be done in time. */
  decideExtension(grant: boolean): boolean {
    const at = this.cursor.hours(3, 70);
    if (Math.floor(at / MINUTES_PER_DAY) > this.endsOn) return false;
    this.push(grant ? 'grant_extension' : 'deny_extension', at);
    if (grant) {
      this.endsOn += this.terms.extensionDays;
      this.extensions += 1;
    }
    return true;
  }

  /**
   * `granted` extensions, then one denied when `deniedLast`, each asked for on `latest` at the latest;
   * false when one could not fit.
   */
  extend(granted: number, deniedLast: boolean, latest = Number.POSITIVE_INFINITY): boolean {
    for (let round = 0; round < granted + (deniedLast ? 1 : 0); round++) {
      if (this.extensions >= this.terms.maxExtensions) return false;
      if (!this.requestExtension(latest) || !this.decideExtension(round < granted)) return false;
    }
    return true;
  }

  /** The opportunity closes on a day within protection and the CRM tells the registration. */
  close(kind: 'mark_won' | 'mark_lost'): PlannedDeal | undefined {
    const first = Math.max(this.cursor.day, this.approvedOn + 5);
    if (first > this.endsOn) return undefined;
    const closedOn = nextWeekday(this.random.int(first, this.endsOn));
    if (closedOn > this.endsOn) return undefined;
    const lag = Math.min(
      this.random.weighted([0, 1, 2], (days) => [6, 3, 1][days]!),
      this.endsOn - closedOn,
    );
    this.push(kind, this.cursor.onDay(closedOn + lag), closedOn);
    if (Math.floor(this.cursor.at / MINUTES_PER_DAY) > this.endsOn) return undefined;
    return { stage: kind === 'mark_won' ? 'won' : 'lost', day: closedOn };
  }

  /** The nightly job expires the registration the day after protection ends (now and then a little later). */
  expire(): void {
    const lag = this.random.chance(0.9) ? 0 : this.random.int(1, 2);
    this.cursor.at = momentOf(this.endsOn + 1 + lag, 5, this.random.int(0, 50));
    this.push('expire', this.cursor.at);
  }

  withdraw(before?: number): boolean {
    const at = this.cursor.days(1, 20);
    if (before !== undefined && Math.floor(at / MINUTES_PER_DAY) > before) return false;
    this.push('withdraw', at);
    return true;
  }

  get last(): LocalMoment {
    return this.steps[this.steps.length - 1]!.at;
  }
}
