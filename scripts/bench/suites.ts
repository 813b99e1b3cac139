import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchmarkSuite } from './suite.js';

const SUITES_DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');

/** Every benchmark suite: each `suites/*.ts` file exports one as `suite`, and they run in file-name order. */
export async function loadSuites(): Promise<BenchmarkSuite[]> {
  const files = (await readdir(SUITES_DIRECTORY)).filter((file) => file.endsWith('.ts')).sort();
  const suites: BenchmarkSuite[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(SUITES_DIRECTORY, file)).href)) as { suite?: BenchmarkSuite };
    if (!module.suite) throw new Error(`scripts/bench/suites/${file} exports no \`suite\`.`);
    suites.push(module.suite);
  }
  return suites;
}
