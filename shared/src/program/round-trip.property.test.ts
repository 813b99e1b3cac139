import fc from 'fast-check';
import { parseProgram } from './parse-program.js';
import { demoProgramInput } from './test-support/demo-program.js';
import { programArbitrary } from './test-support/program-arbitrary.js';

function throughJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('parseProgram laws', () => {
  it('generates programs it accepts (so that the laws below are exercised)', () => {
    fc.assert(
      fc.property(programArbitrary, (input) => {
        const result = parseProgram(input);
        if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2));
      }),
      { numRuns: 200 },
    );
  });

  it('any program it accepts round-trips through JSON unchanged', () => {
    fc.assert(
      fc.property(programArbitrary, (input) => {
        const first = parseProgram(input);
        fc.pre(first.success);
        if (!first.success) return;

        const again = parseProgram(throughJson(first.data));

        expect(throughJson(first.data)).toStrictEqual(first.data);
        expect(again).toStrictEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('any program it accepts, with random fields removed, is either accepted and round-trips or rejected with issues', () => {
    const demo = demoProgramInput();
    const sections = Object.keys(demo);
    fc.assert(
      fc.property(fc.subarray(sections), (removed) => {
        const input = throughJson(demo);
        for (const key of removed) delete input[key];

        const result = parseProgram(input);

        if (result.success) expect(parseProgram(throughJson(result.data))).toStrictEqual(result);
        else expect(result.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});
