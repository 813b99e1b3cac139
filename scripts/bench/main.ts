/**
 * `npm run bench`: runs every benchmark suite and prints a table; `npm run bench -- --json` prints one
 * JSON document `{ figures: [...] }` instead; `--only NAME` runs the suites whose name contains NAME.
 * Every `scripts/bench/suites/*.ts` exporting a `suite` runs, in file-name order. Progress goes to
 * stderr so that stdout holds only the result.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Figure } from './figure.js';
import { formatJson, formatTable } from './report.js';
import { loadSuites } from './suites.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const SUITES = await loadSuites();
const suites = SUITES.filter((suite) => values.only === undefined || suite.name.includes(values.only));
if (suites.length === 0) {
  log(`No benchmark suite matches "${values.only}". Suites: ${SUITES.map((suite) => suite.name).join(', ')}.`);
  process.exit(2);
}

log(`${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`);
const figures: Figure[] = [];
for (const suite of suites) {
  log(`== ${suite.name}`);
  figures.push(...(await suite.run(log)));
}

process.stdout.write(`${values.json ? formatJson(figures) : formatTable(figures)}\n`);
