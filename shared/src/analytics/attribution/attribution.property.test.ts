import fc from 'fast-check';
import {
  AS_OF,
  dealArbitrary,
  modelArbitrary,
  policyArbitrary,
  touchesArbitrary,
} from '../test-support/attribution-arbitraries.js';
import { attributeDeal } from './attribute-deal.js';
import { DealAttributionSchema, type DealAttribution } from './deal-attribution.js';

function attributed(...args: Parameters<typeof attributeDeal>): DealAttribution {
  const result = attributeDeal(...args);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

const sum = (values: readonly { amount: number }[]) => values.reduce((total, value) => total + value.amount, 0);
const scenario = fc.record({
  deal: dealArbitrary,
  touches: touchesArbitrary(),
  policy: policyArbitrary,
  model: modelArbitrary,
});

describe('attribution laws', () => {
  it('shares of a deal sum exactly to the deal amount under every model', () => {
    fc.assert(
      fc.property(scenario, ({ deal, touches, policy, model }) => {
        const result = attributed({ deal, touches, policy, model, asOf: AS_OF });

        expect(sum(result.partners.map((partner) => partner.share)) + result.unattributed.amount).toBe(
          deal.amount.amount,
        );
        expect(sum(result.touches.map((touch) => touch.share)) + result.unattributed.amount).toBe(deal.amount.amount);
        expect(result.unattributed.amount).toBe(result.classification === 'direct' ? deal.amount.amount : 0);
        for (const partner of result.partners) {
          const ofPartner = result.touches.filter((touch) => touch.partnerId === partner.partnerId);
          expect(sum(ofPartner.map((touch) => touch.share))).toBe(partner.share.amount);
          expect(ofPartner).toHaveLength(partner.touches);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("each model's shares are non-negative integers in the deal's currency", () => {
    fc.assert(
      fc.property(scenario, ({ deal, touches, policy, model }) => {
        const result = attributed({ deal, touches, policy, model, asOf: AS_OF });

        for (const share of [
          ...result.partners.map((partner) => partner.share),
          ...result.touches.map((touch) => touch.share),
        ]) {
          expect(Number.isSafeInteger(share.amount) && share.amount >= 0).toBe(true);
          expect(share.currency).toBe(deal.amount.currency);
        }
        expect(DealAttributionSchema.parse(result)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('linear gives equal shares within one minor unit', () => {
    fc.assert(
      fc.property(dealArbitrary, touchesArbitrary(1), policyArbitrary, (deal, touches, policy) => {
        const result = attributed({ deal, touches, policy, model: { kind: 'linear' }, asOf: AS_OF });
        fc.pre(result.touches.length > 0);

        const shares = result.touches.map((touch) => touch.share.amount);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        const exact = deal.amount.amount / shares.length;
        for (const share of shares) expect(Math.abs(share - exact)).toBeLessThan(1);
      }),
      { numRuns: 500 },
    );
  });

  it("gives each partner its exact proportion of the touches' weights, within one minor unit", () => {
    fc.assert(
      fc.property(scenario, ({ deal, touches, policy, model }) => {
        const result = attributeDeal({ deal, touches, policy, model, asOf: AS_OF });
        if (!result.success || result.data.classification === 'direct') return;
        const weights = result.data.trace.steps.find((step) => step.rule === 'model')!.facts.weights as {
          touchId: string;
          weight: number;
        }[];
        const byTouch = new Map(result.data.touches.map((touch) => [touch.touchId, touch.partnerId]));
        const total = weights.reduce((all, entry) => all + entry.weight, 0);
        for (const partner of result.data.partners) {
          const weight = weights
            .filter((entry) => byTouch.get(entry.touchId) === partner.partnerId)
            .reduce((all, entry) => all + entry.weight, 0);
          // |share − amount × weight / total| < 1, in exact integers: |share × total − amount × weight| < total.
          const gap = BigInt(partner.share.amount) * BigInt(total) - BigInt(deal.amount.amount) * BigInt(weight);
          expect((gap < 0n ? -gap : gap) < BigInt(total)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order the touches come in', () => {
    fc.assert(
      fc.property(scenario, fc.func(fc.integer()), ({ deal, touches, policy, model }, key) => {
        const shuffled = [...touches].sort((a, b) => key(a.id) - key(b.id));

        expect(attributed({ deal, touches: shuffled, policy, model, asOf: AS_OF })).toEqual(
          attributed({ deal, touches, policy, model, asOf: AS_OF }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives a single touch the whole amount, whatever the model', () => {
    fc.assert(
      fc.property(
        dealArbitrary,
        touchesArbitrary(1),
        policyArbitrary,
        modelArbitrary,
        (deal, touches, policy, model) => {
          const one = [{ ...touches[0]!, on: deal.createdOn }];
          const result = attributed({ deal, touches: one, policy, model, asOf: AS_OF });

          expect(result.partners).toEqual([
            expect.objectContaining({ partnerId: one[0]!.partnerId, share: deal.amount, touches: 1 }),
          ]);
        },
      ),
    );
  });

  it('under time decay, never gives a touch less than an older one', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 400 }), ({ deal, touches, policy }, halfLifeDays) => {
        const result = attributeDeal({
          deal,
          touches,
          policy,
          model: { kind: 'time_decay', halfLifeDays },
          asOf: AS_OF,
        });
        if (!result.success || result.data.classification === 'direct') return;
        const weights = result.data.trace.steps.find((step) => step.rule === 'model')!.facts.weights as {
          weight: number;
        }[];
        const days = result.data.touches.map(
          (touch) => touches.find((candidate) => candidate.id === touch.touchId)!.on,
        );
        for (let index = 1; index < weights.length; index++) {
          if (days[index]! > days[index - 1]!)
            expect(weights[index]!.weight).toBeGreaterThanOrEqual(weights[index - 1]!.weight);
          else expect(weights[index]!.weight).toBe(weights[index - 1]!.weight);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly one source, and only a partner whose sourcing touch counts', () => {
    fc.assert(
      fc.property(scenario, ({ deal, touches, policy, model }) => {
        const result = attributed({ deal, touches, policy, model, asOf: AS_OF });
        const sources = result.partners.filter((partner) => partner.role === 'sourced');

        expect(sources.map((partner) => partner.partnerId)).toEqual(
          result.sourcedBy === null ? [] : [result.sourcedBy],
        );
        if (result.sourcedBy !== null) {
          const counted = new Set(result.touches.map((touch) => touch.touchId));
          expect(
            touches.some(
              (touch) =>
                counted.has(touch.id) &&
                touch.partnerId === result.sourcedBy &&
                (policy.sourcedBy as string[]).includes(touch.kind),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
