/** A clock the test moves by hand, one program day at a time (15:00 UTC, mid-day in the Americas and Europe). */
export class ManualClock {
  constructor(public today: string) {}

  now(): Date {
    return new Date(`${this.today}T15:00:00Z`);
  }
}
