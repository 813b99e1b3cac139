import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProgram, type Program } from '@conduit/core';

const DEMO_PROGRAM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../config/conduit.program.json');

/** The demo program (`config/conduit.program.json`) as JSON, freshly read, for suites that change it. */
export function demoProgramInput(): Record<string, unknown> {
  return JSON.parse(readFileSync(DEMO_PROGRAM, 'utf8')) as Record<string, unknown>;
}

/** A program parsed, or an error naming its first issue: benchmarks run on valid programs only. */
export function parsedProgram(input: unknown): Program {
  const result = parseProgram(input);
  if (!result.success) throw new Error(`The benchmark's program is invalid: ${result.issues[0]!.message}`);
  return result.data;
}

/** The demo program, parsed. */
export function demoProgram(): Program {
  return parsedProgram(demoProgramInput());
}
