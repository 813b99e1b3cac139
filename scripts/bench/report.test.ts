import { comparedFigure, type Figure } from './figure.js';
import { measure } from './measure.js';
import { formatJson, formatTable } from './report.js';

const figures: Figure[] = [
  comparedFigure('matching query', 'queries/s', 250_000, 'fuse.js', 100),
  comparedFigure('tier evaluation', 'ms', 800, 'naive', 4000),
  { name: 'index memory', value: 42.5, unit: 'MiB' },
];

describe('benchmark reports', () => {
  it('compares with a peer so that a ratio above 1 means Conduit is ahead', () => {
    expect(figures[0]!.ratio).toBe(2500);
    expect(figures[1]!.ratio).toBe(5);
  });

  it('prints one JSON document of figures', () => {
    expect(JSON.parse(formatJson(figures))).toEqual({
      figures: [
        { name: 'matching query', value: 250_000, unit: 'queries/s', peer: 'fuse.js', peerValue: 100, ratio: 2500 },
        { name: 'tier evaluation', value: 800, unit: 'ms', peer: 'naive', peerValue: 4000, ratio: 5 },
        { name: 'index memory', value: 42.5, unit: 'MiB' },
      ],
    });
  });

  it('prints a table a person reads', () => {
    expect(formatTable(figures)).toMatchInlineSnapshot(`
"benchmark          value  unit       peer     peer value   ratio
---------------  -------  ---------  -------  ----------  ------
matching query   250,000  queries/s  fuse.js       100.0  2,500×
tier evaluation    800.0  ms         naive         4,000  5.000×
index memory        42.5  MiB"
`);
  });

  it('times runs and reports percentiles in order', () => {
    let calls = 0;
    const timing = measure(() => (calls += 1), { minTimeMs: 0, minRuns: 50, warmupRuns: 3 });

    expect(timing.runs).toBe(50);
    expect(calls).toBe(53);
    expect(timing.p50Ms).toBeLessThanOrEqual(timing.p95Ms);
    expect(timing.p95Ms).toBeLessThanOrEqual(timing.p99Ms);
  });
});
