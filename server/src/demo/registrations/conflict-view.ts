import { fromDayNumber, type Account, type ConflictContext, type Deal, type Registration } from '@conduit/core';
import { MINUTES_PER_DAY, type LocalMoment } from '../demo-calendar.js';

/** A deal as the CRM holds it over time: created at a moment, closed on its `closedOn` day if it closed. */
export interface DealOverTime {
  deal: Deal;
  createdAt: LocalMoment;
}

/** The deal as an open opportunity, as it was before it closed. */
function asOpen(deal: Deal): Deal {
  if (deal.stage === 'open') return deal;
  const { closedOn: _closedOn, stage: _stage, ...open } = deal;
  return { ...open, stage: 'open' };
}

/** Whether the deal existed and was open at a moment (a deal closes during its closing day). */
function openAt(entry: DealOverTime, moment: LocalMoment): boolean {
  if (entry.createdAt > moment) return false;
  if (entry.deal.stage === 'open') return true;
  return entry.deal.closedOn > fromDayNumber(Math.floor(moment / MINUTES_PER_DAY));
}

/**
 * What the CRM and the other registrations hold about one customer at any moment of the simulation: the
 * records a search by customer finds (the narrowing a store that can search does, see the core's
 * `conflictContextFromRepositories`): the registrations claiming the same customer in their state at that
 * moment, the customer's account once it exists and its opportunities open then.
 */
export class ConflictView {
  private readonly registrationsByCustomer = new Map<string, Set<number>>();
  private readonly accounts = new Map<string, Account>();
  private readonly dealsByAccount = new Map<string, DealOverTime[]>();

  constructor(
    deals: readonly DealOverTime[],
    private readonly current: readonly (Registration | undefined)[],
    private readonly partnerTierRanks: Readonly<Record<string, number>>,
  ) {
    for (const entry of deals) this.addDeal(entry);
  }

  /** A registration (by its index) claims the customer with this key. */
  claim(customerKey: string, index: number): void {
    const set = this.registrationsByCustomer.get(customerKey) ?? new Set<number>();
    set.add(index);
    this.registrationsByCustomer.set(customerKey, set);
  }

  /** The customer with this key has its account in the CRM from now on. */
  addAccount(customerKey: string, account: Account): void {
    this.accounts.set(customerKey, account);
  }

  /** A deal exists from its creation moment on. */
  addDeal(entry: DealOverTime): void {
    const list = this.dealsByAccount.get(entry.deal.accountId);
    if (list) list.push(entry);
    else this.dealsByAccount.set(entry.deal.accountId, [entry]);
  }

  /** The conflict context of a registration (by index) for its customer at a moment. */
  contextFor(customerKey: string, index: number, moment: LocalMoment): ConflictContext {
    const registrations = [...(this.registrationsByCustomer.get(customerKey) ?? [])]
      .filter((other) => other !== index)
      .map((other) => this.current[other])
      .filter((registration): registration is Registration => registration !== undefined);
    const account = this.accounts.get(customerKey);
    const opportunities = account
      ? (this.dealsByAccount.get(account.id) ?? [])
          .filter((entry) => openAt(entry, moment))
          .map((entry) => ({ opportunity: asOpen(entry.deal), account }))
      : [];
    return {
      registrations,
      accounts: account ? [account] : [],
      opportunities,
      partnerTierRanks: this.partnerTierRanks,
    };
  }
}
