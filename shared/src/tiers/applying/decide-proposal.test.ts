import { evaluatePartnerTier } from '../evaluation/evaluate-partner-tier.js';
import { demoInputsFor, demoProgram, standingAt } from '../test-support/fixtures.js';
import {
  approveTierProposal,
  pendingTierProposal,
  rejectTierProposal,
  sameTierProposal,
  supersedeTierProposal,
} from './decide-proposal.js';

const TODAY = '2026-11-24';
const demo = demoProgram();
const manager = { kind: 'user' as const, userId: 'u-1' };
const standing = standingAt('p', 'silver', { graceSince: '2026-08-03' });
const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'registered'), TODAY);

describe('the proposal workflow', () => {
  it('stores a proposal that needs approval as pending and asks for a decision', () => {
    const { record, effects } = pendingTierProposal('tier-proposal-1', proposal);
    expect([record.status, record.createdOn, proposal.action]).toEqual(['pending', TODAY, 'await_approval']);
    expect(effects).toEqual([
      {
        kind: 'notify',
        partnerId: 'p',
        event: 'proposal_awaiting_approval',
        message:
          'Awaiting approval: Downgrade from Silver to Registered on 2027-02-01: it has been below Silver for longer than its grace period of 1 evaluation period and qualifies for Registered.',
      },
    ]);
  });

  it('approves a pending proposal by applying it, once', () => {
    const { record } = pendingTierProposal('tier-proposal-1', proposal);
    const approved = approveTierProposal(record, standing, demo, {
      on: '2026-11-26',
      by: manager,
      note: 'Agreed with the partner',
    });
    if (!approved.success) throw new Error('approves');
    expect(approved.data.record).toMatchObject({
      status: 'approved',
      decidedOn: '2026-11-26',
      decidedBy: manager,
      note: 'Agreed with the partner',
    });
    expect(approved.data.standing.scheduled).toMatchObject({
      toTierId: 'registered',
      proposalId: 'tier-proposal-1',
      decidedBy: manager,
    });
    const again = approveTierProposal(approved.data.record, standing, demo, { on: '2026-11-27', by: manager });
    expect(again).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "proposal_not_pending",
      "message": "This proposal is already approved: only a pending proposal can be decided.",
      "path": [
        "status",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('rejects a pending proposal with a reason, leaving the standing alone', () => {
    const { record } = pendingTierProposal('tier-proposal-1', proposal);
    expect(rejectTierProposal(record, { on: TODAY, by: manager, reason: '  ' })).toMatchObject({
      success: false,
      issues: [{ code: 'blank' }],
    });
    const rejected = rejectTierProposal(record, { on: TODAY, by: manager, reason: 'Big deal closing next week' });
    expect(
      rejected.success && [rejected.data.record.status, rejected.data.record.note, rejected.data.effects[0]?.kind],
    ).toEqual(['rejected', 'Big deal closing next week', 'notify']);
  });

  it('supersedes a pending proposal that a later evaluation replaces, and knows when two proposals are the same', () => {
    const { record } = pendingTierProposal('tier-proposal-1', proposal);
    expect(supersedeTierProposal(record, '2026-11-30', 'tier-proposal-2')).toMatchObject({
      status: 'superseded',
      supersededBy: 'tier-proposal-2',
    });
    const again = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'registered'), TODAY);
    const later = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'silver'), TODAY);
    expect([sameTierProposal(proposal, again), sameTierProposal(proposal, later)]).toEqual([true, false]);
  });
});
