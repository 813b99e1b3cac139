import type { Program } from '../../program/schema/program.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import type { TierStanding } from '../standing/tier-standing.js';
import {
  demoInputsFor,
  demoProgram,
  demoProgramJson,
  inputsOf,
  parsedProgram,
  standingAt,
  wonDeal,
} from '../test-support/fixtures.js';
import { evaluatePartnerTier } from './evaluate-partner-tier.js';

// The demo program: quarterly evaluation, fiscal year from February (FY2027 Q4 = 2026-11-01 to 2027-01-31),
// upgrades immediate and automatic, downgrades one rank at the next period start after manual approval,
// grace 1 period (Gold and Platinum: 2), probation 1 period.
const TODAY = '2026-11-24';
const demo = demoProgram();

function evaluate(
  standing: TierStanding,
  inputs: PartnerTierInputs,
  program: Program = demo,
  asOf = TODAY,
): TierProposal {
  return evaluatePartnerTier(program, standing, inputs, asOf);
}

/** The parts of a proposal a movement rule decides. */
function decision(proposal: TierProposal) {
  return {
    kind: proposal.kind,
    from: proposal.fromTierId,
    to: proposal.toTierId,
    qualifying: proposal.qualifyingTierId,
    effectiveOn: proposal.effectiveOn,
    action: proposal.action,
    plan: proposal.plan.tier,
  };
}

describe('upgrades', () => {
  it('go straight to the qualifying tier, at once and automatically in the demo program', () => {
    expect(decision(evaluate(standingAt('p', 'registered'), demoInputsFor('p', 'gold')))).toEqual({
      kind: 'upgrade',
      from: 'registered',
      to: 'gold',
      qualifying: 'gold',
      effectiveOn: TODAY,
      action: 'apply_automatically',
      plan: {
        change: 'move',
        direction: 'upgrade',
        reason: 'qualification',
        toTierId: 'gold',
        effectiveOn: TODAY,
        graceSinceAfter: null,
      },
    });
  });

  it('wait for the next period start and for approval when the program says so', () => {
    const program = demoProgram({ tierPolicy: { upgrades: { effective: 'next_period_start', approval: 'manual' } } });
    const proposal = evaluate(standingAt('p', 'silver'), demoInputsFor('p', 'gold'), program);
    expect([proposal.kind, proposal.effectiveOn, proposal.action]).toEqual(['upgrade', '2027-02-01', 'await_approval']);
  });

  it('bring a partner without a tier into the entry tier', () => {
    expect(decision(evaluate(standingAt('p', null), inputsOf('p')))).toMatchObject({
      kind: 'upgrade',
      from: null,
      to: 'registered',
    });
  });

  it('wait for a person when the partner data has issues, whatever the program says', () => {
    const inputs = demoInputsFor('p', 'gold');
    inputs.wonDeals.push(wonDeal('p', '2026-06-02', 1_000, { currency: 'EUR' }));
    const proposal = evaluate(standingAt('p', 'silver'), inputs);
    expect([proposal.kind, proposal.action, proposal.issues.map((found) => found.code)]).toEqual([
      'upgrade',
      'await_approval',
      ['currency_mismatch'],
    ]);
  });
});

describe('a partner at its tier', () => {
  it('keeps it with nothing to apply', () => {
    expect(decision(evaluate(standingAt('p', 'silver'), demoInputsFor('p', 'silver')))).toMatchObject({
      kind: 'no_change',
      to: 'silver',
      effectiveOn: null,
      action: 'none',
    });
  });

  it('ends a running grace period automatically when it qualifies again', () => {
    const proposal = evaluate(standingAt('p', 'gold', { graceSince: '2026-08-15' }), demoInputsFor('p', 'gold'));
    expect([proposal.kind, proposal.plan.tier, proposal.action]).toEqual([
      'no_change',
      { change: 'end_grace' },
      'apply_automatically',
    ]);
  });

  it('stays without a tier when it does not meet entry criteria', () => {
    const json = demoProgramJson();
    json.tiers[0]!.criteria = { kind: 'all', conditions: [{ kind: 'certifications', atLeast: 1 }] };
    const proposal = evaluate(standingAt('p', null), inputsOf('p'), parsedProgram(json));
    expect([proposal.kind, proposal.toTierId, proposal.action]).toEqual(['no_change', null, 'none']);
  });
});

describe('grace periods', () => {
  it('start when a partner first falls below its tier: it keeps the tier, automatically', () => {
    const proposal = evaluate(standingAt('p', 'silver'), demoInputsFor('p', 'registered'));
    expect(decision(proposal)).toMatchObject({
      kind: 'hold_in_grace',
      to: 'silver',
      qualifying: 'registered',
      plan: { change: 'start_grace' },
    });
    expect(proposal.action).toBe('apply_automatically');
  });

  it('use the tier own grace periods over the policy default (Gold: 2, policy: 1)', () => {
    // Below since FY2027 Q3: this is the second evaluation period in grace.
    const gold = evaluate(standingAt('p', 'gold', { graceSince: '2026-08-15' }), demoInputsFor('p', 'silver'));
    const silver = evaluate(standingAt('p', 'silver', { graceSince: '2026-08-15' }), demoInputsFor('p', 'registered'));
    expect([gold.kind, gold.action]).toEqual(['hold_in_grace', 'none']);
    expect([silver.kind, silver.toTierId, silver.effectiveOn, silver.action]).toEqual([
      'downgrade',
      'registered',
      '2027-02-01',
      'await_approval',
    ]);
  });

  it('end in a downgrade of one rank at the next period start, approved by a channel manager', () => {
    const proposal = evaluate(
      standingAt('p', 'platinum', { graceSince: '2026-05-10' }),
      demoInputsFor('p', 'registered'),
    );
    expect(decision(proposal)).toEqual({
      kind: 'downgrade',
      from: 'platinum',
      to: 'gold',
      qualifying: 'registered',
      effectiveOn: '2027-02-01',
      action: 'await_approval',
      // Still below Gold: the grace clock keeps running, so the next step comes at the next evaluation period.
      plan: {
        change: 'move',
        direction: 'downgrade',
        reason: 'grace_over',
        toTierId: 'gold',
        effectiveOn: '2027-02-01',
        graceSinceAfter: '2026-05-10',
      },
    });
  });

  it('end in a drop straight to the qualifying tier when the program says so', () => {
    const program = demoProgram({
      tierPolicy: { downgrades: { effective: 'immediately', approval: 'automatic', step: 'to_qualifying' } },
    });
    const proposal = evaluate(
      standingAt('p', 'platinum', { graceSince: '2026-05-10' }),
      demoInputsFor('p', 'registered'),
      program,
    );
    expect(decision(proposal)).toMatchObject({
      kind: 'downgrade',
      to: 'registered',
      effectiveOn: TODAY,
      action: 'apply_automatically',
    });
    expect(proposal.plan.tier).toMatchObject({ graceSinceAfter: null });
  });

  it('do not apply at all when a tier has none: the first shortfall moves the partner down', () => {
    const json = demoProgramJson();
    json.tierPolicy.gracePeriods = 0;
    const proposal = evaluate(standingAt('p', 'silver'), demoInputsFor('p', 'registered'), parsedProgram(json));
    expect([proposal.kind, proposal.toTierId]).toEqual(['downgrade', 'registered']);
  });

  it('let a one-rank descent move one rank per evaluation period', () => {
    // Moved from Platinum to Gold by a decision of this period, still far below: wait for the next period.
    const standing = standingAt('p', 'gold', {
      reachedBy: 'downgrade',
      since: '2026-11-02',
      decidedOn: '2026-11-02',
      graceSince: '2026-05-10',
    });
    const now = evaluate(standing, demoInputsFor('p', 'registered'));
    const next = evaluate(standing, demoInputsFor('p', 'registered'), demo, '2027-02-01');
    expect([now.kind, now.action]).toEqual(['no_change', 'none']);
    expect([next.kind, next.toTierId]).toEqual(['downgrade', 'silver']);
  });
});

describe('probation', () => {
  it('allows no grace in the first whole evaluation period after an upgrade', () => {
    const standing = standingAt('p', 'gold', { reachedBy: 'upgrade', since: '2026-11-01' });
    const proposal = evaluate(standing, demoInputsFor('p', 'registered'));
    expect(decision(proposal)).toMatchObject({ kind: 'downgrade', to: 'silver', effectiveOn: '2027-02-01' });
    // Still short of Silver after the cut: Silver's grace clock starts with it.
    expect(proposal.plan.tier).toMatchObject({ reason: 'probation', graceSinceAfter: TODAY });
    const toSilver = evaluate(standing, demoInputsFor('p', 'silver'));
    expect(toSilver.plan.tier).toMatchObject({ reason: 'probation', toTierId: 'silver', graceSinceAfter: null });
  });

  it('does not count the partial period of an upgrade made mid-period', () => {
    const midPeriod = standingAt('p', 'gold', { reachedBy: 'upgrade', since: '2026-09-15' });
    const wholePeriod = standingAt('p', 'gold', { reachedBy: 'upgrade', since: '2026-08-01' });
    expect(evaluate(midPeriod, demoInputsFor('p', 'silver')).kind).toBe('downgrade');
    expect(evaluate(wholePeriod, demoInputsFor('p', 'silver')).kind).toBe('hold_in_grace');
  });

  it('follows upgrades only, not the tier a partner started with', () => {
    const standing = standingAt('p', 'gold', { reachedBy: 'initial', since: '2026-11-01' });
    expect(evaluate(standing, demoInputsFor('p', 'silver')).kind).toBe('hold_in_grace');
  });
});

describe('overrides', () => {
  const override = { setOn: '2026-10-01', expiresOn: '2027-01-01', reason: 'Launch partner', by: 'u-7' };

  it('keep the overridden tier while in force, whatever the criteria say', () => {
    const proposal = evaluate(standingAt('p', 'platinum', { override }), demoInputsFor('p', 'registered'));
    expect(decision(proposal)).toMatchObject({
      kind: 'no_change',
      to: 'platinum',
      qualifying: 'registered',
      action: 'none',
    });
  });

  it('give way, once expired, to the qualifying tier at once, without grace (approval as the direction says)', () => {
    const expired = { ...override, expiresOn: TODAY };
    const down = evaluate(standingAt('p', 'platinum', { override: expired }), demoInputsFor('p', 'silver'));
    const up = evaluate(standingAt('p', 'registered', { override: expired }), demoInputsFor('p', 'gold'));
    const same = evaluate(standingAt('p', 'gold', { override: expired }), demoInputsFor('p', 'gold'));
    expect(decision(down)).toMatchObject({
      kind: 'downgrade',
      to: 'silver',
      effectiveOn: TODAY,
      action: 'await_approval',
    });
    expect(decision(up)).toMatchObject({
      kind: 'upgrade',
      to: 'gold',
      effectiveOn: TODAY,
      action: 'apply_automatically',
    });
    expect(decision(same)).toMatchObject({
      kind: 'no_change',
      to: 'gold',
      action: 'apply_automatically',
      plan: { change: 'end_override', direction: 'same' },
    });
  });

  it('are still in force on the day before they expire', () => {
    const proposal = evaluate(
      standingAt('p', 'platinum', { override }),
      demoInputsFor('p', 'silver'),
      demo,
      '2026-12-31',
    );
    expect(proposal.kind).toBe('no_change');
    expect(
      evaluate(standingAt('p', 'platinum', { override }), demoInputsFor('p', 'silver'), demo, '2027-01-01').kind,
    ).toBe('downgrade');
  });
});

describe('scheduled changes', () => {
  const scheduled = {
    direction: 'downgrade' as const,
    reason: 'grace_over' as const,
    toTierId: 'silver',
    effectiveOn: '2027-02-01',
    decidedOn: '2026-11-20',
    appliedOn: '2026-11-21',
    decidedBy: { kind: 'user' as const, userId: 'u-1' },
    proposalId: 'tier-proposal-1',
    // A one-rank step that leaves the partner short keeps its grace clock running.
    graceSinceAfter: '2026-05-10',
  };

  it('are left to take effect: no new proposal until they have', () => {
    const proposal = evaluate(
      standingAt('p', 'gold', { graceSince: '2026-05-10', scheduled }),
      demoInputsFor('p', 'registered'),
    );
    expect(decision(proposal)).toMatchObject({ kind: 'no_change', to: 'gold', action: 'none' });
  });

  it('take effect on their day, and the partner is evaluated from the new tier', () => {
    const proposal = evaluate(
      standingAt('p', 'gold', { graceSince: '2026-05-10', scheduled }),
      demoInputsFor('p', 'registered'),
      demo,
      '2027-02-01',
    );
    // Silver, reached by a downgrade decided in an earlier period: grace is over, so down one more rank.
    expect(decision(proposal)).toMatchObject({ kind: 'downgrade', from: 'silver', to: 'registered' });
  });
});

describe('a tier the program does not have', () => {
  it('is reported, and the partner moves to the tier it qualifies for after approval', () => {
    const proposal = evaluate(standingAt('p', 'diamond'), demoInputsFor('p', 'silver'));
    expect(decision(proposal)).toMatchObject({
      kind: 'upgrade',
      from: 'diamond',
      to: 'silver',
      action: 'await_approval',
    });
    expect(proposal.issues).toMatchInlineSnapshot(`
[
  {
    "code": "unknown_tier",
    "message": "The partner's tier "diamond" is not in the program "Conduit Partner Network": it moves to the tier it qualifies for.",
    "path": [
      "tierId",
    ],
  },
]
`);
  });
});
