import fc from 'fast-check';
import { TierEffectSchema } from '../applying/tier-effect.js';
import { applyTierProposal } from '../applying/apply-proposal.js';
import type { Deal } from '../../entities/deal.js';
import { evaluatePartnerTier } from '../evaluation/evaluate-partner-tier.js';
import { PartnerTierInputsSchema } from '../inputs/partner-tier-inputs.js';
import { tierWonDealOf } from '../inputs/won-deal.js';
import { TierStandingSchema } from '../standing/tier-standing.js';
import { scenarioArbitrary } from '../test-support/arbitraries.js';
import { demoProgram, inputsOf, wonDeal } from '../test-support/fixtures.js';
import { TierProposalSchema } from './tier-proposal.js';

describe('the shapes the engine produces', () => {
  it('satisfy their own schemas and cross JSON unchanged: inputs, proposals, standings after applying, effects', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ asOf, program, standing, inputs }) => {
        expect(PartnerTierInputsSchema.safeParse(inputs).success).toBe(true);
        expect(TierStandingSchema.parse(standing)).toEqual(standing);
        const proposal = evaluatePartnerTier(program, standing, inputs, asOf);
        expect(TierProposalSchema.parse(JSON.parse(JSON.stringify(proposal)))).toEqual(proposal);
        const applied = applyTierProposal(standing, proposal, {
          program,
          appliedOn: asOf,
          decidedBy: { kind: 'automatic' },
          proposalId: null,
        });
        if (!applied.success) throw new Error(JSON.stringify(applied.issues));
        expect(TierStandingSchema.parse(JSON.parse(JSON.stringify(applied.data.next)))).toEqual(applied.data.next);
        for (const effect of applied.data.effects) expect(TierEffectSchema.parse(effect)).toEqual(effect);
      }),
      { numRuns: 200 },
    );
  });

  it('take the won partner deals of the CRM, and nothing else', () => {
    const deal: Deal = {
      id: 'opp-1',
      name: 'Acme renewal',
      accountId: 'acc-1',
      amount: { amount: 4_200_000, currency: 'USD' },
      products: ['insights'],
      createdAt: '2026-01-05T10:00:00Z',
      partnerId: 'p-1',
      partnerRole: 'influenced',
      registrationId: null,
      version: 3,
      stage: 'won',
      closedOn: '2026-03-02',
    };
    expect(tierWonDealOf(deal)).toEqual({
      id: 'opp-1',
      partnerId: 'p-1',
      partnerRole: 'influenced',
      closedOn: '2026-03-02',
      amount: { amount: 4_200_000, currency: 'USD' },
    });
    expect(tierWonDealOf({ ...deal, stage: 'lost' })).toBeUndefined();
    expect(tierWonDealOf({ ...deal, partnerId: null, partnerRole: null })).toBeUndefined();
  });

  it('refuse, as a bug, data of one partner given as another partner inputs', () => {
    const inputs = inputsOf('p-1', { wonDeals: [wonDeal('p-2', '2026-03-02', 1_000)] });
    expect(() => evaluatePartnerTier(demoProgram(), undefined, inputs, '2026-11-24')).toThrow(
      'A won deal of partner p-2 was given with the inputs of partner p-1.',
    );
  });
});
