import { parseProgram } from './parse-program.js';
import { demoProgramInput } from './test-support/demo-program.js';

describe('parseProgram', () => {
  it('accepts the demo program', () => {
    const result = parseProgram(demoProgramInput());

    expect(result.success).toBe(true);
  });

  it('fills in the defaults of optional lists', () => {
    const input = demoProgramInput();
    delete input.specializations;
    const routing = input.routing as { steps: { kind: string }[] };
    routing.steps = routing.steps.filter((step) => step.kind !== 'specialization');

    const result = parseProgram(input);

    expect(result.success && result.data.specializations).toEqual([]);
  });

  it('keeps the values it was given', () => {
    const result = parseProgram(demoProgramInput());

    if (!result.success) throw new Error('the demo program must parse');
    expect(result.data.tiers.map((tier) => [tier.id, tier.rank, tier.benefits.discountPercent])).toEqual([
      ['registered', 1, 10],
      ['silver', 2, 15],
      ['gold', 3, 22.5],
      ['platinum', 4, 30],
    ]);
    expect(result.data.registration.conflicts.matchThresholds).toEqual({ same: 0.9, possible: 0.62 });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 0, 'program', [], () => 1, Symbol('x'), new Map(), { tiers: 'x' }]) {
      const result = parseProgram(input);

      expect(result.success).toBe(false);
    }
  });

  it('reports every structural problem at once', () => {
    const input = demoProgramInput();
    input.currency = 'usd';
    (input.fiscalCalendar as Record<string, unknown>).firstMonth = 0;

    const result = parseProgram(input);

    expect(!result.success && result.issues.map((found) => found.path)).toEqual([
      ['currency'],
      ['fiscalCalendar', 'firstMonth'],
    ]);
  });

  it('turns negative zero into zero, which JSON can carry', () => {
    const input = demoProgramInput();
    const tiers = input.tiers as { benefits: { mdfRatePercent: number } }[];
    tiers[0]!.benefits.mdfRatePercent = -0;

    const result = parseProgram(input);

    expect(result.success && Object.is(result.data.tiers[0]!.benefits.mdfRatePercent, 0)).toBe(true);
  });
});
