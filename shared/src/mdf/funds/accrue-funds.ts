import type { Deal } from '../../entities/deal.js';
import type { Partner } from '../../entities/partner.js';
import { convertMoney, type ExchangeRateTable } from '../../money/exchange.js';
import { formatMoney, type CurrencyCode, type Money } from '../../money/money.js';
import { applyBasisPoints, basisPointsOfPercent, formatBasisPoints } from '../../money/percentage.js';
import type { FundType } from '../../program/schema/mdf-policy.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { addDays } from '../../time/calendar-date.js';
import { failed, noted, passed, skipped, verdictOf, type MdfCheck } from '../checks/check.js';
import { notify } from '../effects.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation, emptyAllocationBalances } from '../ledger/balances.js';
import { linesOf, type MdfPostingOf } from '../ledger/posting.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import { findMdfFundType, programToday } from '../policy/terms.js';
import type { AccrualAllocation, AccrualLot } from './allocation.js';
import { accrualAllocationId } from './allocation-ids.js';

type AccrualFundType = Extract<FundType, { kind: 'accrual' }>;

/**
 * A partner's empty co-op allocation of an accrual fund type, in `currency` (the program's unless said
 * otherwise); `accrueFunds` fills it.
 */
export function openAccrualAllocation(
  partnerId: string,
  fundTypeId: string,
  currency: CurrencyCode,
  now: Date,
): AccrualAllocation {
  return {
    id: accrualAllocationId(fundTypeId, partnerId),
    kind: 'accrual',
    partnerId,
    fundTypeId,
    currency,
    balances: emptyAllocationBalances(currency),
    lots: [],
    createdAt: now.toISOString(),
    version: 0,
  };
}

function rateCheck(program: Program, fundType: AccrualFundType, partner: Partner): MdfCheck & { basisPoints: number } {
  if (fundType.accrual.rate.from === 'fixed') {
    const basisPoints = basisPointsOfPercent(fundType.accrual.rate.percent);
    return {
      ...noted('accrual_rate', `${fundType.name} accrues a fixed ${formatBasisPoints(basisPoints)}.`, { basisPoints }),
      basisPoints,
    };
  }
  const tier = program.tiers.find((candidate) => candidate.id === partner.tierId);
  if (!tier) {
    const message = `${fundType.name} accrues at the partner's tier MDF rate, and partner ${partner.id} has no tier of the program.`;
    return {
      ...failed(
        'accrual_rate',
        message,
        { tierId: partner.tierId },
        issue(['partner', 'tierId'], 'partner_without_tier', message),
      ),
      basisPoints: 0,
    };
  }
  const basisPoints = basisPointsOfPercent(tier.benefits.mdfRatePercent);
  const message = `${fundType.name} accrues at the ${tier.name} tier's MDF rate, ${formatBasisPoints(basisPoints)}.`;
  return { ...noted('accrual_rate', message, { tierId: tier.id, basisPoints }), basisPoints };
}

function mergeLot(lots: readonly AccrualLot[], lot: AccrualLot): AccrualLot[] {
  const found = lots.find((candidate) => candidate.expiresOn === lot.expiresOn);
  const merged = found
    ? lots.map((candidate) =>
        candidate === found
          ? { ...candidate, amount: { ...candidate.amount, amount: candidate.amount.amount + lot.amount.amount } }
          : candidate,
      )
    : [...lots, lot];
  return merged.sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0));
}

/**
 * Accrues co-op money on a partner's won deals: each won deal of the fund's basis (deals the partner
 * sourced, or every deal it took part in) earns the rate (the partner's tier MDF rate, or the fund's fixed
 * rate) of its amount, converted to the allocation's currency (half-even) then rounded down, as one lot
 * that expires `expiresAfterDays` after the deal closed. Deals already accrued (`accruedDealIds`, read
 * from the ledger), of other partners or roles, not won, earning nothing or already past expiry are
 * skipped and the trace says why. Issues: `unknown_fund_type`, `fund_type_not_accrual`,
 * `partner_without_tier`.
 */
export function accrueFunds(
  program: Program,
  allocation: AccrualAllocation,
  partner: Partner,
  deals: readonly Deal[],
  accruedDealIds: ReadonlySet<string>,
  rates: ExchangeRateTable,
  now: Date,
): MdfDecided<MdfTransition<AccrualAllocation>> {
  const subject = { type: 'mdf_allocation', id: allocation.id };
  const fundType = findMdfFundType(program, allocation.fundTypeId);
  if (partner.id !== allocation.partnerId) throw new Error('The partner must own the allocation.');
  if (!fundType || fundType.kind !== 'accrual') {
    const message = `"${allocation.fundTypeId}" is not an accrual fund type of the program.`;
    const verdict = verdictOf(
      'mdf.accrual',
      subject,
      [
        failed(
          'fund_type',
          message,
          { fundTypeId: allocation.fundTypeId },
          issue(['fundTypeId'], fundType ? 'fund_type_not_accrual' : 'unknown_fund_type', message),
        ),
      ],
      { outcome: 'accrued', summary: message },
    );
    return refused(verdict.issues, verdict.trace);
  }
  const rate = rateCheck(program, fundType, partner);
  if (rate.issues.length > 0) {
    const verdict = verdictOf('mdf.accrual', subject, [rate], { outcome: 'accrued', summary: '' });
    return refused(verdict.issues, verdict.trace);
  }
  const today = programToday(program, now);
  const checks: MdfCheck[] = [rate];
  const postings: MdfPostingOf<'accrue'>[] = [];
  let lots = allocation.lots;
  const sorted = [...deals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const deal of sorted) {
    const facts = { dealId: deal.id, amount: deal.amount };
    const skip = (reason: string, message: string): void =>
      void checks.push(skipped('deal', message, { ...facts, reason }));
    if (deal.stage !== 'won') {
      skip('not_won', `Deal ${deal.id} is ${deal.stage}, not won.`);
      continue;
    }
    if (deal.partnerId !== partner.id) {
      skip('other_partner', `Deal ${deal.id} is not a deal of partner ${partner.id}.`);
      continue;
    }
    if (fundType.accrual.basis === 'sourced_won_revenue' && deal.partnerRole !== 'sourced') {
      skip(
        'not_sourced',
        `Deal ${deal.id} was influenced, not sourced, and ${fundType.name} accrues on sourced revenue.`,
      );
      continue;
    }
    if (accruedDealIds.has(deal.id) || postings.some((posting) => posting.dealId === deal.id)) {
      skip('already_accrued', `Deal ${deal.id} has already accrued.`);
      continue;
    }
    const expiresOn = addDays(deal.closedOn, fundType.accrual.expiresAfterDays);
    if (expiresOn <= today) {
      skip('expired', `Deal ${deal.id} closed on ${deal.closedOn}; what it would earn expired on ${expiresOn}.`);
      continue;
    }
    const converted = convertMoney(deal.amount, allocation.currency, rates);
    if (!converted.success) {
      skip(
        'exchange_rate_missing',
        `Deal ${deal.id} is in ${deal.amount.currency} and no rate to ${allocation.currency} is listed for ${rates.asOf}.`,
      );
      continue;
    }
    const earned: Money = applyBasisPoints(converted.data, rate.basisPoints, 'floor');
    if (earned.amount === 0) {
      skip('nothing_earned', `Deal ${deal.id} earns nothing at ${formatBasisPoints(rate.basisPoints)}.`);
      continue;
    }
    postings.push({
      id: `${allocation.id}:accrue:${deal.id}`,
      kind: 'accrue',
      allocationId: allocation.id,
      dealId: deal.id,
      earnedOn: deal.closedOn,
      expiresOn,
      postedAt: now.toISOString(),
      currency: allocation.currency,
      memo: `${formatMoney(earned)} of co-op funds earned on deal ${deal.id} (${formatMoney(deal.amount)} won on ${deal.closedOn}), expiring on ${expiresOn}.`,
      lines: linesOf([
        {
          from: allocationAccount(allocation.id, 'accrued'),
          to: allocationAccount(allocation.id, 'available'),
          amount: earned.amount,
        },
      ]),
    });
    lots = mergeLot(lots, { expiresOn, amount: earned });
    checks.push(
      passed(
        'deal',
        `Deal ${deal.id} (${formatMoney(deal.amount)}) earns ${formatMoney(earned)}, expiring on ${expiresOn}.`,
        { ...facts, earned, expiresOn },
      ),
    );
  }
  const total = postings.reduce((sum, posting) => sum + posting.lines[0]!.amount, 0);
  const totalMoney = { amount: total, currency: allocation.currency };
  const verdict = verdictOf('mdf.accrual', subject, checks, {
    outcome: postings.length > 0 ? 'accrued' : 'nothing_accrued',
    summary: `${formatMoney(totalMoney)} of co-op funds accrued on ${postings.length} of ${deals.length} deals.`,
  });
  const next: AccrualAllocation = {
    ...allocation,
    lots,
    balances: applyToAllocation(allocation.balances, allocation.id, postings),
  };
  const effects =
    postings.length > 0
      ? [
          notify(
            { kind: 'partner', partnerId: partner.id },
            'funds_accrued',
            subject,
            `You earned ${formatMoney(totalMoney)} of co-op funds.`,
          ),
        ]
      : [];
  return decided({ next, postings: postings, effects }, verdict.trace);
}
