import { fixedClock } from './clock.js';
import { sequentialIds } from './id-generator.js';

describe('reference ports for tests and simulations', () => {
  it('a fixed clock always answers the same instant and cannot be changed through its answer', () => {
    const clock = fixedClock(new Date('2026-11-24T10:00:00Z'));
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('sequential ids count per kind', () => {
    const ids = sequentialIds();
    expect([ids.next('registration'), ids.next('offer'), ids.next('registration')]).toEqual([
      'registration-1',
      'offer-1',
      'registration-2',
    ]);
  });
});
