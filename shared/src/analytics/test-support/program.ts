import { parseProgram } from '../../program/parse-program.js';
import type { Program } from '../../program/schema/program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';

/** A program as JSON, for edits. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The demo program, parsed (USD; fiscal years from February, named by their end, in America/New_York;
 * position-based attribution 40/20/40, sourced by sourced or registered touches within 30 days, a 365-day
 * lookback; 48 hours to decide a registration); `change` edits its input first.
 */
export function demoProgram(change: (input: Json) => void = () => {}): Program {
  const input = demoProgramInput();
  change(input);
  const parsed = parseProgram(input);
  if (!parsed.success) throw new Error(`The program must parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}
