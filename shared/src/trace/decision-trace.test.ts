import { DecisionTraceSchema, decisionTrace, stepsWithResult, traceStep } from './decision-trace.js';

describe('decision traces', () => {
  const trace = decisionTrace(
    'routing.assignment',
    { type: 'lead', id: 'lead-7' },
    'assigned',
    'Assigned to Northwind by weighted round robin among 2 finalists.',
    [
      traceStep('territory', 'pass', '12 of 500 partners cover DE.', { before: 500, after: 12 }),
      traceStep('language', 'skip', 'No partner speaks "fi": step skipped.', { before: 12, after: 0 }),
      traceStep('finalist', 'info', 'Northwind scores 0.82.', { partnerId: 'p-1', score: 0.82, tags: ['gold', null] }),
    ],
  );

  it('is plain JSON described by its schema', () => {
    expect(DecisionTraceSchema.parse(JSON.parse(JSON.stringify(trace)))).toEqual(trace);
  });

  it('refuses facts that JSON cannot carry', () => {
    const broken = { ...trace, steps: [{ ...trace.steps[0], facts: { when: new Date(0) } }] };
    expect(DecisionTraceSchema.safeParse(broken).success).toBe(false);
  });

  it('selects the steps by result', () => {
    expect(stepsWithResult(trace, 'skip').map((step) => step.rule)).toEqual(['language']);
  });
});
