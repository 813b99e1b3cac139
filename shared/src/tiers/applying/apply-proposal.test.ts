import type { TierStanding } from '../standing/tier-standing.js';
import { evaluatePartnerTier } from '../evaluation/evaluate-partner-tier.js';
import { certification, demoInputsFor, demoProgram, standingAt } from '../test-support/fixtures.js';
import { applyTierProposal, type TierApplyContext } from './apply-proposal.js';
import { settleDueTierChange } from './settle-due-change.js';

const TODAY = '2026-11-24';
const demo = demoProgram();
const manager = { kind: 'user' as const, userId: 'u-1' };
const context = (appliedOn = TODAY): TierApplyContext => ({
  program: demo,
  appliedOn,
  decidedBy: manager,
  proposalId: 'tier-proposal-1',
});

/** Freezes a standing deeply, so that a test fails if applying changes its input. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) frozen(item);
    Object.freeze(value);
  }
  return value;
}

function applied(
  standing: TierStanding,
  inputsTier: Parameters<typeof demoInputsFor>[1],
  appliedOn = TODAY,
  evaluatedOn = TODAY,
) {
  const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', inputsTier), evaluatedOn);
  const result = applyTierProposal(frozen(standing), proposal, context(appliedOn));
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

describe('applying a proposal', () => {
  it('moves an upgraded partner at once, records the history, and returns the effects without performing them', () => {
    const { next, effects } = applied(standingAt('p', 'registered'), 'gold');
    expect(next).toMatchObject({
      status: 'tiered',
      tier: { tierId: 'gold', since: TODAY, reachedBy: 'upgrade', decidedOn: TODAY },
    });
    expect(next.history).toEqual([
      {
        direction: 'upgrade',
        reason: 'qualification',
        fromTierId: 'registered',
        toTierId: 'gold',
        effectiveOn: TODAY,
        decidedOn: TODAY,
        appliedOn: TODAY,
        decidedBy: manager,
        proposalId: 'tier-proposal-1',
        note: null,
      },
    ]);
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "effectiveOn": "2026-11-24",
    "kind": "update_partner_tier",
    "partnerId": "p",
    "tierId": "gold",
  },
  {
    "benefits": {
      "discountPercent": 22.5,
      "mdfRatePercent": 2,
      "registrationCap": 40,
      "routingWeight": 4,
    },
    "effectiveOn": "2026-11-24",
    "kind": "adjust_benefits",
    "partnerId": "p",
    "tierId": "gold",
  },
  {
    "event": "tier_upgraded",
    "kind": "notify",
    "message": "Tier raised from Registered to Gold, effective 2026-11-24.",
    "partnerId": "p",
  },
]
`);
  });

  it('schedules a downgrade for the next period start, and puts it into effect on that day', () => {
    const { next, effects } = applied(standingAt('p', 'silver', { graceSince: '2026-08-03' }), 'registered');
    expect(next.tier?.tierId).toBe('silver');
    expect(next.scheduled).toMatchObject({
      direction: 'downgrade',
      toTierId: 'registered',
      effectiveOn: '2027-02-01',
      graceSinceAfter: null,
    });
    expect(effects.map((effect) => effect.kind === 'notify' && effect.message)).toEqual([
      'Tier to move from Silver to Registered on 2027-02-01.',
    ]);

    expect(settleDueTierChange(next, '2027-01-31', demo)).toBeUndefined();
    const settled = settleDueTierChange(next, '2027-02-01', demo);
    expect(settled?.next).toMatchObject({
      status: 'tiered',
      tier: { tierId: 'registered', since: '2027-02-01', reachedBy: 'downgrade' },
      scheduled: null,
    });
    expect(settled?.next.history.map((change) => [change.fromTierId, change.toTierId, change.effectiveOn])).toEqual([
      ['silver', 'registered', '2027-02-01'],
    ]);
    expect(settled?.effects.map((effect) => effect.kind)).toEqual(['update_partner_tier', 'adjust_benefits', 'notify']);
  });

  it('moves a partner on the day of approval when it comes after the planned day', () => {
    const { next } = applied(standingAt('p', 'silver', { graceSince: '2026-08-03' }), 'registered', '2027-02-10');
    expect(next).toMatchObject({
      scheduled: null,
      tier: { tierId: 'registered', since: '2027-02-10', decidedOn: TODAY },
    });
  });

  it('starts and ends grace periods', () => {
    const started = applied(standingAt('p', 'silver'), 'registered');
    expect(started.next).toMatchObject({ status: 'in_grace', grace: { since: TODAY } });
    expect(started.effects.map((effect) => effect.kind === 'notify' && effect.event)).toEqual(['grace_started']);
    const ended = applied(started.next, 'silver');
    expect(ended.next).toMatchObject({ status: 'tiered', grace: null });
  });

  it('carries a running grace clock across a one-rank downgrade that leaves the partner short', () => {
    const program = demoProgram({
      tierPolicy: { downgrades: { effective: 'immediately', approval: 'manual', step: 'one_rank' } },
    });
    const standing = standingAt('p', 'platinum', { graceSince: '2026-05-10' });
    const proposal = evaluatePartnerTier(program, standing, demoInputsFor('p', 'registered'), TODAY);
    const result = applyTierProposal(standing, proposal, { ...context(), program });
    expect(result.success && result.data.next).toMatchObject({
      status: 'in_grace',
      tier: { tierId: 'gold' },
      grace: { since: '2026-05-10' },
    });
  });

  it('awards and removes specializations, and tells the partner record', () => {
    const standing = standingAt('p', 'silver', {
      specializations: [{ specializationId: 'security', since: '2025-01-01', graceSince: '2026-05-01' }],
    });
    const proposal = evaluatePartnerTier(
      demo,
      standing,
      {
        ...demoInputsFor('p', 'silver'),
        certifications: [
          certification('sales-professional'),
          certification('analyst', '2025-01-01', null, 'insights'),
          certification('analyst', '2025-01-01', null, 'insights'),
        ],
      },
      TODAY,
    );
    const result = applyTierProposal(standing, proposal, context());
    if (!result.success) throw new Error('applies');
    expect(result.data.next.specializations).toEqual([
      { specializationId: 'data-analytics', since: TODAY, graceSince: null },
    ]);
    expect(result.data.effects[0]).toEqual({
      kind: 'update_partner_specializations',
      partnerId: 'p',
      specializationIds: ['data-analytics'],
      effectiveOn: TODAY,
    });
  });

  it('refuses a proposal made from another version of the standing', () => {
    const standing = standingAt('p', 'registered');
    const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'gold'), TODAY);
    expect(applyTierProposal({ ...standing, version: 2 }, proposal, context())).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "proposal_stale",
      "message": "The partner's tier standing changed since this proposal was made (version 1, now 2): evaluate the partner again.",
      "path": [
        "standingVersion",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('refuses a move to a tier the program no longer has', () => {
    const standing = standingAt('p', 'registered');
    const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'gold'), TODAY);
    const program = demoProgram();
    program.tiers = program.tiers.filter((tier) => tier.id !== 'gold');
    const result = applyTierProposal(standing, proposal, { ...context(), program });
    expect(result.success || result.issues.map((found) => found.code)).toEqual(['unknown_tier']);
  });

  it('applies an expired override: back to the qualifying tier at once', () => {
    const standing = standingAt('p', 'platinum', {
      override: { setOn: '2026-09-01', expiresOn: '2026-11-01', reason: 'Launch', by: 'u-7' },
    });
    const { next, effects } = applied(standing, 'silver');
    expect(next).toMatchObject({
      status: 'tiered',
      override: null,
      tier: { tierId: 'silver', since: TODAY, reachedBy: 'override_expired' },
    });
    expect(next.history.at(-1)).toMatchObject({
      direction: 'downgrade',
      reason: 'override_expired',
      fromTierId: 'platinum',
      toTierId: 'silver',
    });
    expect(effects.map((effect) => effect.kind)).toEqual(['update_partner_tier', 'adjust_benefits', 'notify']);
  });
});
