import { fromDayNumber, type Partner, type Program } from '@conduit/core';
import type { DemoAccount } from '../accounts/accounts.js';
import { drawIndustry, drawProducts } from '../catalog.js';
import { MINUTES_PER_DAY, type LocalMoment } from '../demo-calendar.js';
import type { City } from '../geography/cities.js';
import type { DemoGeography } from '../geography/regions.js';
import type { CompanyNames } from '../names/company-names.js';
import type { DemoPartner } from '../partners/partners.js';
import type { DemoRandom } from '../random.js';
import { claimEnds, firstSubmission, type CustomerKind, type RegistrationPlan } from './plan-types.js';

/** The end customer a registration claims: an existing account, or a prospect the CRM does not know yet. */
export interface RegistrationCustomer {
  /** Registrations claiming the same customer share the key. */
  key: string;
  name: string;
  domain: string | undefined;
  city: City;
  industry: string;
  /** The existing account, when the customer is one. */
  account: DemoAccount | undefined;
}

/** Who registers a planned registration, for which customer and which products. */
export interface Assignment {
  plan: RegistrationPlan;
  partner: DemoPartner;
  customer: RegistrationCustomer;
  /** What kind of customer it is (the plan's kind, or a direct account when none of that kind was free). */
  customerKind: CustomerKind;
  /** The products registered, each one the partner is certified for on every submission day. */
  products: string[];
}

interface Claim {
  start: LocalMoment;
  end: LocalMoment;
  submits: readonly LocalMoment[];
  assignment: Assignment;
}

/** Whether a partner holds a certification of a type (for a product, or for none) valid on a day. */
function holds(partner: Partner, type: string, product: string, day: string): boolean {
  return partner.certifications.some(
    (certification) =>
      certification.type === type &&
      (certification.product === undefined || certification.product === product) &&
      certification.earnedOn <= day &&
      (certification.expiresOn === null || certification.expiresOn >= day),
  );
}

function dayText(moment: LocalMoment): string {
  return fromDayNumber(Math.floor(moment / MINUTES_PER_DAY));
}

/**
 * Decides who registers what, in the order the registrations are first submitted, so that every
 * submission will pass the program's policy when it happens: an active partner (more often one that does
 * more business) that stays within its tier's cap on open registrations at each of its submissions and
 * does not push an earlier registration over it, products it is certified for on each submission day,
 * and a customer of the plan's kind in a country it covers: a prospect, one of its own accounts, a
 * direct or another partner's account (none claimed by another registration at the time), the customer
 * of another partner's open registration (a competing registration), or of its own earlier one (a
 * duplicate). When no customer of the kind exists, the registration claims a direct account instead.
 */
export class RegistrationAssigner {
  private readonly claimsByPartner = new Map<string, Claim[]>();
  private readonly claimsByCustomer = new Map<string, Claim[]>();
  private readonly claims: Claim[] = [];
  private readonly active: DemoPartner[];
  private readonly directByCountry = new Map<string, DemoAccount[]>();
  private readonly ownedByPartner = new Map<string, DemoAccount[]>();
  private readonly partnerOwnedByCountry = new Map<string, DemoAccount[]>();
  private prospects = 0;

  constructor(
    private readonly program: Program,
    private readonly geography: DemoGeography,
    partners: readonly DemoPartner[],
    accounts: readonly DemoAccount[],
    private readonly products: readonly string[],
    private readonly names: CompanyNames,
    private readonly random: DemoRandom,
  ) {
    this.active = partners.filter((partner) => partner.record.status === 'active');
    const eligible = new Set(geography.covered.map((city) => city.country));
    for (const account of accounts) {
      const country = account.record.country ?? '';
      if (!eligible.has(country)) continue;
      if (account.owner) {
        push(this.ownedByPartner, account.owner.record.id, account);
        push(this.partnerOwnedByCountry, country, account);
      } else {
        push(this.directByCountry, country, account);
      }
    }
  }

  /** Assigns every plan; the plans must come in the order of their first submission (drafts by creation). */
  assign(plan: RegistrationPlan): Assignment {
    const submits = plan.steps.filter((step) => step.kind === 'submit').map((step) => step.at);
    const start = firstSubmission(plan) ?? plan.steps[0]!.at;
    const end = plan.outcome === 'draft' || submits.length === 0 ? start : claimEnds(plan);
    for (let attempt = 0; attempt < 60; attempt++) {
      const kind: CustomerKind = attempt < 40 ? plan.customer : 'direct_account';
      const found = this.candidate(plan, kind, start, end, submits);
      if (!found) continue;
      const claim: Claim = { start, end, submits, assignment: found };
      if (submits.length > 0) {
        push(this.claimsByPartner, found.partner.record.id, claim);
        this.claims.push(claim);
      }
      push(this.claimsByCustomer, found.customer.key, claim);
      return found;
    }
    throw new Error(`The demo found no partner and customer for a registration ending ${plan.outcome}.`);
  }

  private candidate(
    plan: RegistrationPlan,
    kind: CustomerKind,
    start: LocalMoment,
    end: LocalMoment,
    submits: readonly LocalMoment[],
  ): Assignment | undefined {
    let partner: DemoPartner;
    let customer: RegistrationCustomer | undefined;
    if (kind === 'competing') {
      const rivals = this.claims.filter(
        (claim) => claim.start < start && start < claim.end && claim.assignment.plan.outcome !== 'draft',
      );
      if (rivals.length === 0) return undefined;
      const rival = this.random.pick(rivals).assignment;
      const country = rival.customer.city.country;
      const others = this.active.filter(
        (candidate) => candidate !== rival.partner && candidate.record.coverage.countries.includes(country),
      );
      if (others.length === 0) return undefined;
      partner = this.random.weighted(others, (candidate) => candidate.dealWeight ** 0.6);
      customer = rival.customer;
    } else {
      partner = this.random.weighted(this.active, (candidate) => candidate.dealWeight ** 0.6);
      customer = this.customerFor(kind, partner, start, end);
    }
    if (!customer || !partner.record.coverage.countries.includes(customer.city.country)) return undefined;
    if (submits.length > 0 && !this.withinCap(partner, start, end, submits)) return undefined;
    const allowed = this.products.filter((product) =>
      submits.every((moment) => this.certifiedFor(partner.record, product, dayText(moment))),
    );
    const products = drawProducts(this.products, this.random, allowed);
    if (products.length === 0) return undefined;
    return { plan, partner, customer, customerKind: kind, products };
  }

  private customerFor(
    kind: CustomerKind,
    partner: DemoPartner,
    start: LocalMoment,
    end: LocalMoment,
  ): RegistrationCustomer | undefined {
    const countries = partner.record.coverage.countries;
    const free = (account: DemoAccount): boolean =>
      !(this.claimsByCustomer.get(`account:${account.record.id}`) ?? []).some(
        (claim) => claim.start < end && start < claim.end,
      );
    const pickAccount = (accounts: readonly DemoAccount[]): RegistrationCustomer | undefined => {
      const candidates = accounts.filter(free);
      if (candidates.length === 0) return undefined;
      return customerOfAccount(this.random.weighted(candidates, (account) => account.dealWeight));
    };
    switch (kind) {
      case 'prospect': {
        const cities = this.geography.covered.filter((city) => countries.includes(city.country));
        const city = this.random.weighted(
          cities,
          (candidate) => candidate.weight * (candidate === partner.city ? 4 : 1),
        );
        const industry = drawIndustry(this.random);
        this.prospects += 1;
        return {
          key: `prospect:${this.prospects}`,
          ...this.names.customer(city, industry),
          city,
          industry,
          account: undefined,
        };
      }
      case 'own_account':
        return pickAccount(this.ownedByPartner.get(partner.record.id) ?? []);
      case 'direct_account':
        return pickAccount(countries.flatMap((country) => this.directByCountry.get(country) ?? []));
      case 'partner_account':
        return pickAccount(
          countries
            .flatMap((country) => this.partnerOwnedByCountry.get(country) ?? [])
            .filter((account) => account.owner !== partner),
        );
      case 'duplicate': {
        const lookback = this.program.registration.conflicts.duplicateLookbackDays * MINUTES_PER_DAY;
        const earlier = (this.claimsByPartner.get(partner.record.id) ?? []).filter(
          (claim) => claim.start < start && claim.end > start - lookback,
        );
        return earlier.length === 0 ? undefined : this.random.pick(earlier).assignment.customer;
      }
      case 'competing':
        return undefined;
    }
  }

  /** Whether the partner may hold this registration open from `start` to `end` under its caps. */
  private withinCap(
    partner: DemoPartner,
    start: LocalMoment,
    end: LocalMoment,
    submits: readonly LocalMoment[],
  ): boolean {
    const tier = this.program.tiers.find((candidate) => candidate.id === partner.record.tierId);
    const caps = [tier?.benefits.registrationCap ?? null, this.program.registration.maxOpenPerPartner].filter(
      (cap): cap is number => cap !== null,
    );
    if (caps.length === 0) return true;
    const cap = Math.min(...caps);
    const held = this.claimsByPartner.get(partner.record.id) ?? [];
    const openAt = (moment: LocalMoment, except?: Claim): number =>
      held.filter((claim) => claim !== except && claim.start <= moment && moment <= claim.end).length;
    if (submits.some((moment) => openAt(moment) + 1 > cap)) return false;
    return held.every((claim) =>
      claim.submits.every((moment) => !(start <= moment && moment <= end) || openAt(moment, claim) + 2 <= cap),
    );
  }

  private certifiedFor(partner: Partner, product: string, day: string): boolean {
    return this.program.registration.certificationRequirements
      .filter((requirement) => requirement.product === product)
      .every((requirement) => holds(partner, requirement.certificationType, product, day));
  }
}

function customerOfAccount(account: DemoAccount): RegistrationCustomer {
  return {
    key: `account:${account.record.id}`,
    name: account.record.name,
    domain: account.record.domain,
    city: account.city,
    industry: account.record.industry ?? 'technology',
    account,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
