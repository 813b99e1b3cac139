import { parseProgram } from '@conduit/core';
import { demoProgramInput } from '../data/demo-program.js';
import { measure } from '../measure.js';
import type { BenchmarkSuite } from '../suite.js';

/** Validating the demo program, as the setup UI does on every save and the server on every publish. */
export const suite: BenchmarkSuite = {
  name: 'program validation',
  async run(log) {
    const input = demoProgramInput();
    if (!parseProgram(input).success) throw new Error('The demo program must be valid.');
    log('validating the demo program…');
    const timing = measure(() => parseProgram(input), { minTimeMs: 1500 });
    return [
      { name: 'parseProgram (demo program)', value: timing.opsPerSecond, unit: 'programs/s' },
      { name: 'parseProgram (demo program) p95', value: timing.p95Ms, unit: 'ms' },
    ];
  },
};
