import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';
import { toDayNumber } from '../../time/day-number.js';

function assertOwned(item: { partnerId: string }, partnerId: string, what: string): void {
  if (item.partnerId !== partnerId) {
    throw new Error(`A ${what} of partner ${item.partnerId} was given with the inputs of partner ${partnerId}.`);
  }
}

/**
 * Adds a partner's inputs, as plain arrays, to a tally (after resetting it). Items of another partner
 * are a bug of the caller and throw.
 *
 * @example tallyPartnerTierInputs(evaluator.newTally(), inputs)
 */
export function tallyPartnerTierInputs(tally: TierMetricTally, inputs: PartnerTierInputs): TierMetricTally {
  const { partnerId } = inputs;
  tally.reset();
  for (const deal of inputs.wonDeals) {
    assertOwned(deal, partnerId, 'won deal');
    tally.addWonDeal(deal.partnerRole, toDayNumber(deal.closedOn), deal.amount.amount, deal.amount.currency);
  }
  for (const registration of inputs.approvedRegistrations) {
    assertOwned(registration, partnerId, 'registration');
    tally.addApprovedRegistration(toDayNumber(registration.approvedOn));
  }
  for (const certification of inputs.certifications) {
    tally.addCertification(
      certification.type,
      certification.product,
      toDayNumber(certification.earnedOn),
      certification.expiresOn === null ? null : toDayNumber(certification.expiresOn),
    );
  }
  for (const score of inputs.satisfactionScores) {
    assertOwned(score, partnerId, 'satisfaction score');
    tally.addSatisfactionScore(toDayNumber(score.date), score.value);
  }
  for (const value of inputs.customMetrics) {
    assertOwned(value, partnerId, 'custom metric value');
    tally.addCustomMetric(value.key, toDayNumber(value.date), value.value);
  }
  return tally;
}
