import { addBusinessHours, offerDueAt } from './offer-due.js';

const weekdays = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const,
  start: '08:00',
  end: '18:00',
};
const hours = { ...weekdays, days: [...weekdays.days] };

describe('offer deadlines', () => {
  it('counts calendar hours on the clock', () => {
    const due = offerDueAt(
      new Date('2026-11-24T09:00:00Z'),
      { slaHours: 36, slaClock: 'calendar_hours', maxAttempts: 3 },
      'UTC',
    );

    expect(due.toISOString()).toBe('2026-11-25T21:00:00.000Z');
  });

  it('counts business hours in the program’s time zone, over the weekend', () => {
    // Friday 16:00 in New York: 2 hours on Friday, 2 on Monday from 08:00.
    expect(addBusinessHours(new Date('2026-11-20T21:00:00Z'), 4, hours, 'America/New_York').toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
  });

  it('starts counting at the next opening when the offer is made outside business hours', () => {
    // Saturday noon in Paris, 24 business hours of 10 a day: Monday, Tuesday, then 4 hours on Wednesday.
    expect(addBusinessHours(new Date('2026-11-21T11:00:00Z'), 24, hours, 'Europe/Paris').toISOString()).toBe(
      '2026-11-25T11:00:00.000Z',
    );
  });

  it('follows the clock change: business hours stay 08:00 to 18:00 local time', () => {
    // Friday 27 March 2026 17:00 in Paris (UTC+1), 3 hours: 1 on Friday, 2 on Monday 30 March (UTC+2).
    expect(addBusinessHours(new Date('2026-03-27T16:00:00Z'), 3, hours, 'Europe/Paris').toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('ends exactly at closing time when the hours run out there', () => {
    expect(addBusinessHours(new Date('2026-11-24T08:00:00Z'), 10, hours, 'UTC').toISOString()).toBe(
      '2026-11-24T18:00:00.000Z',
    );
  });
});
