import fc from 'fast-check';
import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import { daysBetween } from '../../time/day-number.js';
import { extensionEligibility } from './extension-eligibility.js';
import { extendProtection, extensionWindow, protectionLength, startProtection } from './protection.js';
import { demoProgram, registrationIn } from './test-support/fixtures.js';
import { dateOf, programDay } from './test-support/lifecycle-model.js';
import { transitionRegistration } from './transition.js';

const demo = demoProgram();

const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') }).map(dateOf);
const terms = fc.record({
  protectionDays: fc.integer({ min: 1, max: 730 }),
  maxCount: fc.integer({ min: 0, max: 10 }),
  days: fc.integer({ min: 1, max: 365 }),
  requestWindowDays: fc.integer({ min: 1, max: 365 }),
});
type Terms = { protectionDays: number; maxCount: number; days: number; requestWindowDays: number };
const timeZone = fc.constantFrom('America/New_York', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC');

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function programWith({ protectionDays, maxCount, days, requestWindowDays }: Terms, zone = 'America/New_York'): Program {
  return {
    ...demo,
    fiscalCalendar: { ...demo.fiscalCalendar, timeZone: zone },
    registration: { ...demo.registration, protectionDays, extensions: { maxCount, days, requestWindowDays } },
  };
}

describe('protection laws', () => {
  it('counts days exactly: daysBetween undoes addDays across months, leap years and centuries', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('is always protectionDays + extensions × days long', () => {
    fc.assert(
      fc.property(day, terms, fc.integer({ min: 0, max: 10 }), (startsOn, policy, count) => {
        const program = programWith(policy);
        let protection = startProtection(program.registration, startsOn);
        for (let index = 0; index < count; index += 1) protection = extendProtection(protection, program.registration);
        expect(protection.startsOn).toBe(startsOn);
        expect(protection.extensions).toBe(count);
        expect(protectionLength(protection)).toBe(policy.protectionDays + count * policy.days);
      }),
    );
  });

  it('starts on the program day of the approval instant, whatever the time zone', () => {
    const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2080-01-01T00:00:00Z') });
    fc.assert(
      fc.property(instant, terms, timeZone, (ms, policy, zone) => {
        const program = programWith(policy, zone);
        const result = transitionRegistration(
          registrationIn('under_review'),
          { type: 'approve', by: 'cm-1' },
          { program, now: new Date(ms) },
        );
        if (!result.success || result.data.next.status !== 'approved') throw new Error('The approval must succeed.');
        const { protection } = result.data.next;
        expect(protection.startsOn).toBe(dateOf(programDay(ms, zone)));
        expect(protectionLength(protection)).toBe(policy.protectionDays);
      }),
    );
  });

  it('accepts an extension request exactly on the requestWindowDays + 1 days that end with the last protected day', () => {
    fc.assert(
      fc.property(
        day,
        terms,
        // Days before the end: anywhere, or within two days of either edge of the window.
        fc.oneof(
          fc.integer({ min: -400, max: 400 }).map((days) => () => days),
          fc.integer({ min: -2, max: 2 }).map((delta) => () => delta),
          fc.integer({ min: -2, max: 2 }).map((delta) => (window: number) => window + delta),
        ),
        fc.integer({ min: 0, max: 10 }),
        (endsOn, policy, pickOffset, used) => {
          const offset = pickOffset(policy.requestWindowDays);
          const program = programWith(policy);
          const protection = { startsOn: addDays(endsOn, -1000), endsOn, extensions: used };
          const today = addDays(endsOn, -offset);
          const result = extensionEligibility(registrationIn('approved', { protection }), program.registration, today);
          const inWindow = offset >= 0 && offset <= policy.requestWindowDays;
          expect(result.success).toBe(inWindow && used < policy.maxCount);
          if (result.success) {
            expect(result.data).toEqual({
              ...extensionWindow(protection, program.registration),
              extensionsLeft: policy.maxCount - used,
            });
            expect(daysBetween(result.data.opensOn, result.data.closesOn)).toBe(policy.requestWindowDays);
          }
        },
      ),
    );
  });
});
