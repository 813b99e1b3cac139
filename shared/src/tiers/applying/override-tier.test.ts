import { evaluatePartnerTier } from '../evaluation/evaluate-partner-tier.js';
import { demoInputsFor, demoProgram, standingAt } from '../test-support/fixtures.js';
import { endTierOverride, overrideTier } from './override-tier.js';

const TODAY = '2026-11-24';
const demo = demoProgram();
const request = {
  tierId: 'platinum',
  expiresOn: '2027-03-31',
  reason: 'Launch partner for the new region',
  by: 'u-7',
  on: TODAY,
};

describe('tier overrides', () => {
  it('set the tier at once, dropping any grace period and scheduled change', () => {
    const scheduled = {
      direction: 'downgrade' as const,
      reason: 'grace_over' as const,
      toTierId: 'registered',
      effectiveOn: '2027-02-01',
      decidedOn: TODAY,
      appliedOn: TODAY,
      decidedBy: { kind: 'automatic' as const },
      proposalId: null,
      graceSinceAfter: null,
    };
    const result = overrideTier(standingAt('p', 'silver', { graceSince: '2026-08-01', scheduled }), request, demo);
    if (!result.success) throw new Error('valid');
    expect(result.data.next).toMatchObject({
      status: 'overridden',
      tier: { tierId: 'platinum', since: TODAY, reachedBy: 'override' },
      grace: null,
      scheduled: null,
      override: { tierId: 'platinum', setOn: TODAY, expiresOn: '2027-03-31', by: 'u-7' },
    });
    expect(result.data.next.history.at(-1)).toMatchObject({
      direction: 'upgrade',
      reason: 'override',
      note: request.reason,
    });
    expect(result.data.effects.map((effect) => (effect.kind === 'notify' ? effect.message : effect.kind)))
      .toMatchInlineSnapshot(`
[
  "update_partner_tier",
  "adjust_benefits",
  "Tier raised from Silver to Platinum, effective 2026-11-24.",
  "Platinum set by u-7 until 2027-03-31: Launch partner for the new region",
]
`);
  });

  it('are refused with every reason at once', () => {
    const result = overrideTier(
      standingAt('p', 'silver'),
      { ...request, tierId: 'diamond', expiresOn: TODAY, reason: ' ' },
      demo,
    );
    expect(result).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "unknown_tier",
      "message": "The program has no tier "diamond": choose one of "registered", "silver", "gold", "platinum".",
      "path": [
        "tierId",
      ],
    },
    {
      "code": "override_expiry_past",
      "message": "An override must expire after the day it is set (2026-11-24), but it expires on 2026-11-24.",
      "path": [
        "expiresOn",
      ],
    },
    {
      "code": "blank",
      "message": "Say why the tier is overridden: the reason must not be blank.",
      "path": [
        "reason",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('may last at most the program maximum (365 days in the demo program)', () => {
    expect(overrideTier(standingAt('p', 'silver'), { ...request, expiresOn: '2027-11-24' }, demo).success).toBe(true);
    const tooLong = overrideTier(standingAt('p', 'silver'), { ...request, expiresOn: '2027-11-25' }, demo);
    expect(tooLong.success || tooLong.issues[0]?.message).toBe(
      'An override may last at most 365 days (until 2027-11-24), but this one lasts until 2027-11-25.',
    );
  });

  it('expire on their day: the next evaluation returns the partner to the tier it qualifies for', () => {
    const result = overrideTier(standingAt('p', 'silver'), request, demo);
    if (!result.success) throw new Error('valid');
    const overridden = result.data.next;
    expect(evaluatePartnerTier(demo, overridden, demoInputsFor('p', 'silver'), '2027-03-30').kind).toBe('no_change');
    expect(evaluatePartnerTier(demo, overridden, demoInputsFor('p', 'silver'), '2027-03-31')).toMatchObject({
      kind: 'downgrade',
      toTierId: 'silver',
    });
  });

  it('may be ended early, which makes them expire that day', () => {
    const set = overrideTier(standingAt('p', 'silver'), request, demo);
    if (!set.success) throw new Error('valid');
    const ended = endTierOverride(set.data.next, { on: '2026-12-01', by: 'u-8' }, demo);
    if (!ended.success) throw new Error('ends');
    expect(ended.data.next.override?.expiresOn).toBe('2026-12-01');
    expect(evaluatePartnerTier(demo, ended.data.next, demoInputsFor('p', 'silver'), '2026-12-01').kind).toBe(
      'downgrade',
    );
    expect(endTierOverride(ended.data.next, { on: '2026-12-02', by: 'u-8' }, demo).success).toBe(false);
    expect(endTierOverride(standingAt('p', 'silver'), { on: TODAY, by: 'u-8' }, demo)).toMatchObject({
      success: false,
      issues: [{ code: 'not_overridden' }],
    });
  });
});
