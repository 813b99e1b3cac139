/**
 * `npm run eval:matching`: measures company matching on a company-variants file (by default the team's
 * evaluation set ../shared/data/company-variants-dev.tsv, read in place and never copied).
 *   -- --data FILE     another file of the same format (ID <TAB> name | name | ...)
 *   -- --json          print the figures as one JSON document
 *   -- --seed N        the seed that chooses indexed and queried names and pairs (default 1)
 *   -- --program FILE  the program whose thresholds and aliases apply (default config/conduit.program.json)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { matchOptionsFromProgram, parseProgram } from '@conduit/core';
import { parseCompanyVariants } from './company-variants.js';
import { evaluatePairs, evaluateRetrieval, type Confusion } from './evaluate-matching.js';
import { VARIANT_KINDS } from './variant-kind.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(root, '../shared/data/company-variants-dev.tsv') },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    program: { type: 'string', default: path.join(root, 'config/conduit.program.json') },
  },
});

const program = parseProgram(JSON.parse(readFileSync(values.program, 'utf8')));
if (!program.success) {
  console.error(
    `${values.program} is not a valid program:\n${program.issues.map((found) => `  ${found.message}`).join('\n')}`,
  );
  process.exit(2);
}
const options = matchOptionsFromProgram(program.data);
const companies = parseCompanyVariants(readFileSync(values.data, 'utf8'));
const seed = Number(values.seed);
const started = performance.now();
const retrieval = evaluateRetrieval(companies, options, seed);
const pairs = evaluatePairs(companies, options, seed);
const seconds = (performance.now() - started) / 1000;

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const report = {
  data: values.data,
  companies: companies.length,
  thresholds: options.thresholds,
  retrieval: {
    indexed: retrieval.indexed,
    queries: retrieval.overall.queries,
    hitAt1: ratio(retrieval.overall.hitAt1, retrieval.overall.queries),
    hitAt5: ratio(retrieval.overall.hitAt5, retrieval.overall.queries),
    byKind: Object.fromEntries(
      VARIANT_KINDS.map((kind) => {
        const counts = retrieval.byKind[kind];
        return [
          kind,
          {
            queries: counts.queries,
            hitAt1: ratio(counts.hitAt1, counts.queries),
            hitAt5: ratio(counts.hitAt5, counts.queries),
          },
        ];
      }),
    ),
  },
  pairs: {
    positives: pairs.positives,
    negatives: pairs.negatives,
    hardNegatives: pairs.hardNegatives.pairs,
    nameVariants: pairs.nameVariants,
    allKinds: pairs.allKinds,
    sameVerdict: pairs.sameVerdict,
    byKind: Object.fromEntries(
      VARIANT_KINDS.map((kind) => {
        const counts = pairs.byKind[kind];
        return [
          kind,
          {
            pairs: counts.pairs,
            matchedRate: ratio(counts.matched, counts.pairs),
            sameRate: ratio(counts.same, counts.pairs),
          },
        ];
      }),
    ),
    hardNegativeMatchedRate: ratio(pairs.hardNegatives.matched, pairs.hardNegatives.pairs),
    hardNegativeSameRate: ratio(pairs.hardNegatives.same, pairs.hardNegatives.pairs),
  },
  seconds,
};

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const line = (name: string, c: Confusion) =>
    `  ${name.padEnd(42)} precision ${percent(c.precision)}  recall ${percent(c.recall)}  F1 ${percent(c.f1)}`;
  console.log(
    `${report.companies} companies from ${report.data}; thresholds same ${options.thresholds.same}, possible ${options.thresholds.possible}`,
  );
  console.log(
    `\nRetrieval: ${report.retrieval.indexed} companies indexed (one name each), ${report.retrieval.queries} queries`,
  );
  console.log(
    `  overall                 hit@1 ${percent(report.retrieval.hitAt1)}  hit@5 ${percent(report.retrieval.hitAt5)}`,
  );
  for (const [kind, counts] of Object.entries(report.retrieval.byKind)) {
    console.log(
      `  ${kind.padEnd(22)} ${String(counts.queries).padStart(6)} queries  hit@1 ${percent(counts.hitAt1)}  hit@5 ${percent(counts.hitAt5)}`,
    );
  }
  console.log(
    `\nPairs: ${pairs.positives} positive, ${pairs.negatives} negative (${pairs.hardNegatives.pairs} hard: sharing the first word)`,
  );
  console.log(line('same or possible, name variants', pairs.nameVariants));
  console.log(line('same or possible, every kind', pairs.allKinds));
  console.log(line('same alone', pairs.sameVerdict));
  for (const [kind, counts] of Object.entries(report.pairs.byKind)) {
    console.log(
      `  ${kind.padEnd(22)} ${String(counts.pairs).padStart(6)} pairs  matched ${percent(counts.matchedRate)}  same ${percent(counts.sameRate)}`,
    );
  }
  console.log(
    `  hard negatives matched ${percent(report.pairs.hardNegativeMatchedRate)}, judged same ${percent(report.pairs.hardNegativeSameRate)}`,
  );
  console.log(`\n(${seconds.toFixed(1)} s)`);
}
