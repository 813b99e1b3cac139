import { formatMoney } from '../../money/money.js';
import type { TouchKind } from '../../program/schema/analytics-policy.js';
import type { Result } from '../../result/result.js';
import { decisionTrace, traceStep, type TraceStep } from '../../trace/decision-trace.js';
import { attributionModelWords } from './attribution-model-words.js';
import type { DealAttribution } from './deal-attribution.js';
import { planAttribution, type AttributionInput, type AttributionPlan } from './plan-attribution.js';
import type { AttributionDeal } from './touch.js';

/** The decision an attribution trace names. */
export const ATTRIBUTION_DECISION = 'analytics.attribution';

const KIND_WORDS: Readonly<Record<TouchKind, string>> = {
  sourced: 'sourced',
  registered: 'registered',
  co_sell: 'co-sell',
  influence_activity: 'influence',
};

function count(amount: number, one: string, many = `${one}s`): string {
  return `${amount} ${amount === 1 ? one : many}`;
}

function touchesStep(deal: AttributionDeal, plan: AttributionPlan): TraceStep {
  const { eligible, ignored, referenceDay, earliestDay } = plan.selection;
  const facts = {
    counted: eligible.map((touch) => touch.id),
    ignored: ignored.map(({ touch, reason }) => ({ touchId: touch.id, reason })),
    referenceDay,
    earliestDay,
  };
  const total = eligible.length + ignored.length;
  const after = ignored.filter((entry) => entry.reason === 'after_close').length;
  const before = ignored.length - after;
  const limit = deal.closedOn === null ? `the day of the analysis, ${referenceDay}` : `the close on ${referenceDay}`;
  const reasons = [
    ...(after > 0 ? [`${after} came after ${limit}`] : []),
    ...(before > 0 ? [`${before} before the lookback, which starts on ${earliestDay}`] : []),
  ];
  const message =
    total === 0
      ? 'No partner touched the deal.'
      : `${eligible.length} of ${count(total, 'touch', 'touches')} ${eligible.length === 1 ? 'counts' : 'count'}${reasons.length === 0 ? '' : `: ${reasons.join(' and ')}`}.`;
  return traceStep('touches', eligible.length > 0 ? 'pass' : 'fail', message, facts);
}

function sourcingStep(deal: AttributionDeal, plan: AttributionPlan): TraceStep {
  const { classification } = plan;
  switch (classification.kind) {
    case 'sourced': {
      const { source, lastSourcingDay } = classification;
      const within = lastSourcingDay === null ? '' : `, within the sourcing window that ends on ${lastSourcingDay}`;
      return traceStep(
        'sourcing',
        'pass',
        `${source.partnerId} sourced the deal: its ${KIND_WORDS[source.kind]} touch of ${source.on} is the first sourcing touch${within}.`,
        { partnerId: source.partnerId, touchId: source.id, kind: source.kind, on: source.on, lastSourcingDay },
      );
    }
    case 'influenced': {
      const window = classification.lastSourcingDay === null ? '' : ` on or before ${classification.lastSourcingDay}`;
      return traceStep(
        'sourcing',
        'fail',
        `No partner sourced the deal: no touch of a sourcing kind counts${window}, so its partners influenced it.`,
        { lastSourcingDay: classification.lastSourcingDay },
      );
    }
    case 'direct':
      return traceStep('sourcing', 'skip', `Deal ${deal.id} is a direct deal: no partner touch counts.`, {});
  }
}

function modelStep(plan: AttributionPlan): TraceStep {
  const words = attributionModelWords(plan.model);
  const weights = plan.weights!;
  const message = weights.linearFallback
    ? `Under ${words}, every touch that counts weighs 0, so the deal is shared linearly instead.`
    : `Shared by ${words} over ${count(plan.selection.eligible.length, 'touch', 'touches')}.`;
  return traceStep('model', 'info', message, {
    model: plan.model.kind,
    linearFallback: weights.linearFallback,
    weights: plan.selection.eligible.map((touch, index) => ({ touchId: touch.id, weight: weights.weights[index]! })),
  });
}

function shareSteps(plan: AttributionPlan): TraceStep[] {
  return plan.partners.map((partner) =>
    traceStep(
      'share',
      'info',
      `${partner.partnerId} (${partner.role}) receives ${formatMoney(partner.share)} for ${count(partner.touches.length, 'touch', 'touches')}.`,
      {
        partnerId: partner.partnerId,
        role: partner.role,
        share: partner.share.amount,
        touches: partner.touches.map((entry) => ({ touchId: entry.touch.id, share: entry.share.amount })),
      },
    ),
  );
}

function summaryOf(deal: AttributionDeal, plan: AttributionPlan): string {
  const amount = formatMoney(deal.amount);
  if (plan.classification.kind === 'direct') {
    return `Deal ${deal.id} (${amount}) has no partner touch that counts: it is a direct deal, attributed to no partner.`;
  }
  const influencers = plan.partners
    .filter((partner) => partner.role === 'influenced')
    .map((partner) => partner.partnerId);
  const list = (ids: string[]) =>
    ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]!}`;
  const who =
    plan.classification.kind === 'sourced'
      ? `sourced by ${plan.classification.source.partnerId}${influencers.length === 0 ? '' : ` and influenced by ${list(influencers)}`}`
      : `influenced by ${list(influencers)}`;
  return `Deal ${deal.id} (${amount}) was ${who}; shared by ${attributionModelWords(plan.model)}${plan.weights?.linearFallback ? ' (fell back to linear)' : ''}.`;
}

/** Each counted touch's share, in attribution order. */
function touchShares(plan: AttributionPlan): DealAttribution['touches'] {
  const shares = new Map(
    plan.partners.flatMap((partner) => partner.touches.map((entry) => [entry.touch, entry.share] as const)),
  );
  return plan.selection.eligible.map((touch) => ({
    touchId: touch.id,
    partnerId: touch.partnerId,
    share: shares.get(touch)!,
  }));
}

/**
 * Attributes one deal, with its explanation: which touches count (none after the close, or after `asOf`
 * for an open deal; none before the lookback), whether a partner sourced it by the program's rule, how the
 * model weighs the touches and what each partner receives. Shares are exact (see `planAttribution`): they
 * never go negative and add up to the deal's amount, or to nothing for a direct deal.
 *
 * Ties: touches on the same day are ordered by kind (sourced, registered, co-sell, influence), then partner
 * and touch id. First touch and last touch give the day's amount to every touch of the first (or last) day,
 * equally; position based treats a single day as first and last at once (equal shares) and, without touches
 * in between, splits between first and last in proportion. A single touch receives the whole amount under
 * every model.
 *
 * @example
 * const result = attributeDeal({ deal, touches, policy: program.analytics.attribution, asOf: '2026-11-24' });
 * if (result.success) result.data.partners // [{ partnerId: 'p-1', role: 'sourced', share: { amount: 6_000_000, currency: 'USD' }, touches: 2 }, …]
 */
export function attributeDeal(input: AttributionInput): Result<DealAttribution> {
  const planned = planAttribution(input);
  if (!planned.success) return planned;
  const plan = planned.data;
  const { deal } = input;
  const steps = [
    touchesStep(deal, plan),
    sourcingStep(deal, plan),
    ...(plan.weights === null ? [] : [modelStep(plan), ...shareSteps(plan)]),
  ];
  return {
    success: true,
    data: {
      dealId: deal.id,
      model: plan.model,
      classification: plan.classification.kind,
      sourcedBy: plan.classification.kind === 'sourced' ? plan.classification.source.partnerId : null,
      amount: deal.amount,
      partners: plan.partners.map((partner) => ({
        partnerId: partner.partnerId,
        role: partner.role,
        share: partner.share,
        touches: partner.touches.length,
      })),
      touches: touchShares(plan),
      ignoredTouches: plan.selection.ignored.map(({ touch, reason }) => ({ touchId: touch.id, reason })),
      unattributed: plan.unattributed,
      trace: decisionTrace(
        ATTRIBUTION_DECISION,
        { type: 'deal', id: deal.id },
        plan.classification.kind,
        summaryOf(deal, plan),
        steps,
      ),
    },
  };
}
