import { routeLeads } from '../route-leads.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { LeadDistributionSchema } from './lead-distribution.js';
import { pruneRoutingState } from './prune-routing-state.js';
import { emptyRoutingState, parseRoutingState } from './routing-state.js';

const program = programWith({
  ...PLAIN_ROUTING,
  steps: [step('territory', true, { match: 'country' })],
  sticky: { enabled: true, lookbackDays: 30 },
});

describe('routing state', () => {
  it('is plain JSON: what routing returns parses back unchanged, and so does every distribution', () => {
    const routed = routeLeads({
      program,
      partners: [partner('alpha'), partner('bravo')],
      leads: [lead('l1', { accountId: 'acc-1' }), lead('l2'), lead('l3', { country: 'IT' })],
      state: emptyRoutingState(),
      now: NOW,
    });
    const stored = JSON.parse(JSON.stringify(routed));

    expect(parseRoutingState(stored.state)).toEqual({ success: true, data: routed.state });
    for (const record of stored.assignments) expect(LeadDistributionSchema.parse(record)).toEqual(record);
  });

  it('explains what is wrong with a stored state', () => {
    const result = parseRoutingState({
      roundRobin: { p1: 1.5 },
      loads: {},
      sticky: { a: { partnerId: 'p1', on: '2026-13-01' } },
      leads: {},
    });

    expect(!result.success && result.issues).toMatchInlineSnapshot(`
[
  {
    "code": "invalid_type",
    "message": "roundRobin.p1 must be a whole number, but it is 1.5.",
    "path": [
      "roundRobin",
      "p1",
    ],
  },
  {
    "code": "invalid_date",
    "message": "sticky.a.on must be a calendar date written YYYY-MM-DD.",
    "path": [
      "sticky",
      "a",
      "on",
    ],
  },
  {
    "code": "unknown_field",
    "message": "leads is not a field Conduit knows in this place; check its spelling or remove it.",
    "path": [
      "leads",
    ],
  },
]
`);
  });

  it('prunes old sticky entries, old loads and zero weights, and nothing routing still needs', () => {
    const state = {
      roundRobin: { alpha: 0, bravo: -3 },
      loads: {
        alpha: {
          day: { start: '2026-05-04', count: 1 },
          week: { start: '2026-05-04', count: 1 },
          month: { start: '2026-05-01', count: 1 },
          quarter: { start: '2026-05-01', count: 1 },
        },
        bravo: {
          day: { start: '2026-11-24', count: 1 },
          week: { start: '2026-11-23', count: 1 },
          month: { start: '2026-11-01', count: 1 },
          quarter: { start: '2026-11-01', count: 1 },
        },
      },
      sticky: { old: { partnerId: 'alpha', on: '2026-10-24' }, recent: { partnerId: 'bravo', on: '2026-10-25' } },
    };

    const pruned = pruneRoutingState(state, program, NOW);

    expect(pruned).toEqual({
      roundRobin: { bravo: -3 },
      loads: { bravo: state.loads.bravo },
      sticky: { recent: state.sticky.recent },
    });
  });
});
