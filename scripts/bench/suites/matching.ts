import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCompanyIndex, type CompanyIndex } from '@conduit/core';
import Fuse from 'fuse.js';
import { parseCompanyVariants } from '../../eval/company-variants.js';
import { pickIndex, seededRandom } from '../../eval/seeded-random.js';
import { syntheticCompanies, syntheticCompanyName } from '../data/synthetic-companies.js';
import { comparedFigure, type Figure } from '../figure.js';
import { liveHeapBytes, toMiB } from '../memory.js';
import type { BenchmarkSuite } from '../suite.js';

const DEV_SET = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/company-variants-dev.tsv',
);
const FUSE_SAMPLE = 100;
const LARGE_QUERY_SAMPLE = 3000;

interface Workload {
  source: string;
  /** Companies to index, the known ones first. */
  entries: { id: string; name: string }[];
  /** Queries whose right answer is known: another name of an indexed company. */
  queries: { name: string; expected: string }[];
}

/**
 * The evaluation set's companies (one name indexed, another queried), or invented ones queried in capitals
 * without their legal form when the set is not on this machine; padded with invented distractors.
 */
function workload(size: number, seed: number): Workload {
  const random = seededRandom(seed);
  const known: Workload['entries'] = [];
  const queries: Workload['queries'] = [];
  let source = 'the evaluation set (other name of the company)';
  if (existsSync(DEV_SET)) {
    for (const company of parseCompanyVariants(readFileSync(DEV_SET, 'utf8'))) {
      const indexed = pickIndex(random, company.names.length);
      let queried = pickIndex(random, company.names.length - 1);
      if (queried >= indexed) queried += 1;
      known.push({ id: company.id, name: company.names[indexed]! });
      queries.push({ name: company.names[queried]!, expected: company.id });
    }
  } else {
    source = 'invented companies (capitals, no legal form)';
    for (let index = 0; index < 10_000; index++) {
      const name = syntheticCompanyName(random);
      known.push({ id: `known-${index}`, name });
      queries.push({ name: name.toUpperCase().replace(/\s+\S*\.?$/, ''), expected: `known-${index}` });
    }
  }
  return { source, entries: [...known, ...syntheticCompanies(size - known.length, seed + 1)], queries };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

interface QueryRun {
  p50: number;
  p95: number;
  mean: number;
  hitAt1: number;
}

/** Runs each query once (after a warm-up pass), timing each and counting right first answers. */
function runQueries(queries: Workload['queries'], search: (name: string) => string | undefined): QueryRun {
  for (const query of queries.slice(0, 200)) search(query.name);
  const durations: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const first = search(query.name);
    durations.push(performance.now() - started);
    if (first === query.expected) hits += 1;
  }
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: durations.reduce((sum, duration) => sum + duration, 0) / durations.length,
    hitAt1: hits / queries.length,
  };
}

function buildMeasured(entries: Workload['entries']): { index: CompanyIndex; buildMs: number; memoryMiB: number } {
  const before = liveHeapBytes();
  const started = performance.now();
  const index = buildCompanyIndex(entries);
  const buildMs = performance.now() - started;
  return { index, buildMs, memoryMiB: toMiB(liveHeapBytes() - before) };
}

const first = (index: CompanyIndex) => (name: string) => index.search({ name }, { limit: 5 })[0]?.id;

/** Company matching: Conduit's index at 100,000 and 1,000,000 companies, and fuse.js at 100,000. */
export const suite: BenchmarkSuite = {
  name: 'company matching',
  async run(log) {
    const figures: Figure[] = [];
    const medium = workload(100_000, 7);
    log(`building the index of 100,000 companies (queries: ${medium.source})…`);
    const built = buildMeasured(medium.entries);
    const ours = runQueries(medium.queries, first(built.index));
    figures.push(
      { name: 'matching index build (100k companies)', value: built.buildMs, unit: 'ms' },
      { name: 'matching index memory (100k companies)', value: built.memoryMiB, unit: 'MiB' },
      { name: `matching query p50 (100k, ${medium.queries.length} queries)`, value: ours.p50, unit: 'ms' },
      { name: `matching query p95 (100k, ${medium.queries.length} queries)`, value: ours.p95, unit: 'ms' },
      { name: `matching hit@1 (100k, ${medium.queries.length} queries)`, value: ours.hitAt1, unit: 'hit@1' },
    );

    log(`fuse.js on the same 100,000 companies, ${FUSE_SAMPLE} of the same queries…`);
    const random = seededRandom(11);
    const sample = Array.from({ length: FUSE_SAMPLE }, () => medium.queries[pickIndex(random, medium.queries.length)]!);
    const fuse = new Fuse(medium.entries, { keys: ['name'], includeScore: true, ignoreLocation: true });
    const peer = runQueries(sample, (name) => fuse.search(name, { limit: 5 })[0]?.item.id);
    const oursOnSample = runQueries(sample, first(built.index));
    figures.push(
      comparedFigure(
        `matching query mean vs fuse.js (100k, ${FUSE_SAMPLE} queries)`,
        'ms',
        oursOnSample.mean,
        'fuse.js',
        peer.mean,
      ),
      comparedFigure(
        `matching query p95 vs fuse.js (100k, ${FUSE_SAMPLE} queries)`,
        'ms',
        oursOnSample.p95,
        'fuse.js',
        peer.p95,
      ),
      comparedFigure(
        `matching hit@1 vs fuse.js (100k, ${FUSE_SAMPLE} queries)`,
        'hit@1',
        oursOnSample.hitAt1,
        'fuse.js',
        peer.hitAt1,
      ),
    );

    log('building the index of 1,000,000 companies…');
    const large = workload(1_000_000, 7);
    const bigIndex = buildMeasured(large.entries);
    const largeSample = large.queries.slice(0, LARGE_QUERY_SAMPLE);
    const oursLarge = runQueries(largeSample, first(bigIndex.index));
    figures.push(
      { name: 'matching index build (1M companies)', value: bigIndex.buildMs, unit: 'ms' },
      { name: 'matching index memory (1M companies)', value: bigIndex.memoryMiB, unit: 'MiB' },
      { name: `matching query p50 (1M, ${largeSample.length} queries)`, value: oursLarge.p50, unit: 'ms' },
      { name: `matching query p95 (1M, ${largeSample.length} queries)`, value: oursLarge.p95, unit: 'ms' },
      { name: `matching hit@1 (1M, ${largeSample.length} queries)`, value: oursLarge.hitAt1, unit: 'hit@1' },
    );
    return figures;
  },
};
