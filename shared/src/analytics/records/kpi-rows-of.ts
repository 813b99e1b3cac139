import type { Account } from '../../entities/account.js';
import type { Deal } from '../../entities/deal.js';
import type { Partner } from '../../entities/partner.js';
import { convertMoney, type ExchangeRateTable } from '../../money/exchange.js';
import type { CurrencyCode } from '../../money/money.js';
import type { Registration } from '../../registration/registration.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { TierStanding } from '../../tiers/standing/tier-standing.js';
import { toDayNumber } from '../../time/day-number.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { KpiDeal, KpiPartner, KpiRegistration, KpiTierChange } from '../kpis/kpi-rows.js';

/** What turning records into KPI rows needs: the program's time zone and currency, and exchange rates. */
export interface RowContext {
  timeZone: string;
  currency: CurrencyCode;
  rates: ExchangeRateTable;
}

/** The program day of an ISO instant, as a day number. */
export function programDayOf(instant: string, timeZone: string): number {
  return toDayNumber(calendarDateIn(new Date(instant), timeZone));
}

/** A partner as KPIs group it, in the program `programId`. */
export function kpiPartnerOf(partner: Partner, programId: string): KpiPartner {
  return { id: partner.id, name: partner.name, status: partner.status, tierId: partner.tierId, programId };
}

/**
 * A CRM deal as a KPI row: created on the program day of `createdAt`, its amount converted to the program's
 * currency (half to even; `exchange_rate_missing` without a rate), its region from its account (none when
 * the account is not given; only its country and subdivision are read).
 */
export function kpiDealOf(
  deal: Deal,
  account: Pick<Account, 'country' | 'subdivision'> | undefined,
  context: RowContext,
): Result<KpiDeal> {
  const amount = convertMoney(deal.amount, context.currency, context.rates);
  if (!amount.success) return fail(amount.issues.map((found) => ({ ...found, path: ['amount', ...found.path] })));
  return ok({
    partnerId: deal.partnerId,
    role: deal.partnerRole,
    stage: deal.stage,
    amount: amount.data.amount,
    createdOn: programDayOf(deal.createdAt, context.timeZone),
    closedOn: deal.stage === 'open' ? null : toDayNumber(deal.closedOn),
    country: account?.country ?? null,
    subdivision: account?.subdivision ?? null,
  });
}

/**
 * A deal registration as a KPI row, or `null` for a draft (never submitted) or a withdrawn one (the record
 * keeps no submission or decision time once withdrawn). Approved registrations, and those that went on from
 * approval (extension requested, won, lost, expired), count as approved at their decision; rejected ones as
 * rejected; the others as waiting.
 */
export function kpiRegistrationOf(registration: Registration, timeZone: string): KpiRegistration | null {
  switch (registration.status) {
    case 'draft':
    case 'withdrawn':
      return null;
    case 'submitted':
    case 'under_review':
    case 'info_requested':
      return {
        partnerId: registration.partnerId,
        submittedAt: Date.parse(registration.submittedAt),
        decision: null,
        decidedAt: null,
        decidedOn: null,
      };
    case 'approved':
    case 'extension_requested':
    case 'won':
    case 'lost':
    case 'expired':
    case 'rejected':
      return {
        partnerId: registration.partnerId,
        submittedAt: Date.parse(registration.submittedAt),
        decision: registration.status === 'rejected' ? 'rejected' : 'approved',
        decidedAt: Date.parse(registration.decidedAt),
        decidedOn: programDayOf(registration.decidedAt, timeZone),
      };
  }
}

/** A partner's tier history as KPI rows: every applied change that moved it, on the day it took effect. */
export function kpiTierChangesOf(standing: TierStanding): KpiTierChange[] {
  return standing.history
    .filter((change) => change.fromTierId !== change.toTierId)
    .map((change) => ({
      partnerId: standing.partnerId,
      fromTierId: change.fromTierId,
      toTierId: change.toTierId,
      effectiveOn: toDayNumber(change.effectiveOn),
    }));
}
