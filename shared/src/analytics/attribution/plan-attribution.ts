import { allocateMoney } from '../../money/allocate.js';
import type { Money } from '../../money/money.js';
import type { AttributionModel, AttributionPolicy } from '../../program/schema/analytics-policy.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { classifyDeal, type DealClassification } from './classify-deal.js';
import type { AttributedRole } from './deal-attribution.js';
import { selectTouches, type TouchSelection } from './eligible-touches.js';
import { MAX_TOUCHES_PER_DEAL, type AttributionDeal, type PartnerTouch } from './touch.js';
import { touchWeights, type TouchWeights } from './touch-weights.js';

/** What attributing one deal takes: the deal, its touches, the program's rule, the model, the day of the analysis. */
export interface AttributionInput {
  deal: AttributionDeal;
  touches: readonly PartnerTouch[];
  policy: AttributionPolicy;
  /** The model to share by; the policy's own when left out. */
  model?: AttributionModel;
  /** The program day of the analysis: an open deal's touches after it do not count. */
  asOf: CalendarDate;
}

/** One partner's part of a deal, before it is written out. */
export interface PlannedPartner {
  partnerId: string;
  role: AttributedRole;
  weight: number;
  share: Money;
  touches: { touch: PartnerTouch; weight: number; share: Money }[];
}

/** The arithmetic of an attribution, without its explanation: what reports add up over many deals. */
export interface AttributionPlan {
  model: AttributionModel;
  selection: TouchSelection;
  classification: DealClassification;
  weights: TouchWeights | null;
  partners: PlannedPartner[];
  unattributed: Money;
}

/**
 * Attributes a deal's amount to the partners whose touches count, in two exact steps: the amount is split
 * among partners in proportion to the sum of their touches' weights, then each partner's share among its
 * touches by their weights, both by largest remainder (`allocateMoney`). The shares are never negative and
 * add up to the amount; every partner's share is within one minor unit of its exact proportion. A minor
 * unit left over goes to the larger remainder, and between equal remainders to the partner (or touch)
 * credited first: partners in the order of their first touch, touches in attribution order.
 *
 * A deal without a touch that counts is direct: nothing is attributed (`unattributed` is its amount).
 * Refused only for a deal with more than `MAX_TOUCHES_PER_DEAL` touches that count (`too_many_touches`).
 * A touch of another deal is a bug and throws.
 */
export function planAttribution(input: AttributionInput): Result<AttributionPlan> {
  const { deal, touches, policy, asOf } = input;
  const model = input.model ?? policy.model;
  for (const touch of touches) {
    if (touch.dealId !== deal.id) throw new Error(`Touch ${touch.id} belongs to deal ${touch.dealId}, not ${deal.id}.`);
  }
  const selection = selectTouches(deal, touches, policy, asOf);
  if (selection.eligible.length > MAX_TOUCHES_PER_DEAL) {
    return fail([
      issue(
        ['touches'],
        'too_many_touches',
        `Deal ${deal.id} has ${selection.eligible.length} touches that count; attribution takes at most ${MAX_TOUCHES_PER_DEAL} a deal.`,
      ),
    ]);
  }
  const classification = classifyDeal(deal, selection.eligible, policy);
  if (classification.kind === 'direct') {
    return ok({ model, selection, classification, weights: null, partners: [], unattributed: deal.amount });
  }
  const weights = touchWeights(selection.eligible, model, selection.referenceDay);
  const sourceId = classification.kind === 'sourced' ? classification.source.partnerId : null;
  const byPartner = new Map<string, { touch: PartnerTouch; weight: number }[]>();
  selection.eligible.forEach((touch, index) => {
    const list = byPartner.get(touch.partnerId) ?? [];
    list.push({ touch, weight: weights.weights[index]! });
    byPartner.set(touch.partnerId, list);
  });
  const groups = [...byPartner].map(([partnerId, list]) => ({
    partnerId,
    list,
    weight: list.reduce((sum, entry) => sum + entry.weight, 0),
  }));
  const partnerShares = allocateMoney(
    deal.amount,
    groups.map((group) => group.weight),
  );
  const partners = groups.map((group, index): PlannedPartner => {
    const share = partnerShares[index]!;
    const touchShares =
      group.weight === 0
        ? group.list.map(() => ({ amount: 0, currency: share.currency }))
        : allocateMoney(
            share,
            group.list.map((entry) => entry.weight),
          );
    return {
      partnerId: group.partnerId,
      role: group.partnerId === sourceId ? 'sourced' : 'influenced',
      weight: group.weight,
      share,
      touches: group.list.map((entry, touchIndex) => ({ ...entry, share: touchShares[touchIndex]! })),
    };
  });
  return ok({
    model,
    selection,
    classification,
    weights,
    partners,
    unattributed: { amount: 0, currency: deal.amount.currency },
  });
}
