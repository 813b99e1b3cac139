import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's demo program (`config/conduit.program.json`) as freshly parsed JSON. */
export function demoProgramInput(): Record<string, unknown> {
  const file = path.resolve(__dirname, '../../../../config/conduit.program.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
