import type { Account, CalendarDate, Deal, Lead, Partner, Program, Registration } from '@conduit/core';
import { generateAccounts, type DemoAccount } from './accounts/accounts.js';
import { demoProducts } from './catalog.js';
import { generateBaseDeals, type DealDraft } from './deals/deals.js';
import { demoWindow, LocalTime, type DemoWindow, type LocalMoment } from './demo-calendar.js';
import { demoGeography } from './geography/regions.js';
import { generateLeads } from './leads/leads.js';
import { generateMdfHistory, type MdfHistory } from './mdf/mdf-history.js';
import { CompanyNames } from './names/company-names.js';
import { generatePartners } from './partners/partners.js';
import { DemoRandom } from './random.js';
import { RegistrationAssigner, type Assignment } from './registrations/assignment.js';
import { firstSubmission, isApprovedPlan, type RegistrationPlan } from './registrations/plan-types.js';
import { planRegistrations } from './registrations/plans.js';
import type { DemoAuditEntry } from './audit-entry.js';
import { runRegistrations, type RegistrationIds } from './registrations/run-registrations.js';

/** How big the demo channel is. */
export interface DemoScale {
  partners: number;
  accounts: number;
  deals: number;
  leads: number;
  registrations: number;
}

/** The demo's size: about 300 partners, 5,000 accounts, 20,000 deals, 50,000 leads and 2,400 registrations. */
export const DEMO_SCALE: DemoScale = {
  partners: 300,
  accounts: 5_000,
  deals: 20_000,
  leads: 50_000,
  registrations: 2_400,
};

/** The seed the server's demo tenant is generated from. */
export const DEMO_SEED = 'conduit-demo';

/** What the demo data is generated for: the program, the reference date, the seed and the size. */
export interface DemoDataOptions {
  program: Program;
  /** The reference date everything is placed before (the caller's today). */
  today: CalendarDate;
  seed?: string;
  scale?: DemoScale;
}

/**
 * A demo channel: the CRM's records (partners, accounts, deals, leads), the deal registrations, the MDF
 * history (replayed into a store through its port) and the decisions' traces for the audit log. Every
 * record satisfies its core schema. The same options give the same data, byte for byte.
 */
export interface DemoData {
  seed: string;
  window: DemoWindow;
  partners: Partner[];
  accounts: Account[];
  deals: Deal[];
  leads: Lead[];
  registrations: Registration[];
  mdf: MdfHistory;
  audit: DemoAuditEntry[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const padded = (prefix: string, index: number, width: number): string =>
  `${prefix}-${String(index).padStart(width, '0')}`;

/**
 * Ids for the registrations (in creation order) and for the deals (base and registration-born, in
 * creation order, `deal-00001`, …): the base deals take theirs, the registrations' are reserved.
 */
function assignIds(plans: readonly RegistrationPlan[], baseDeals: DealDraft[]): Omit<RegistrationIds, 'account'> {
  const registration: string[] = [];
  plans
    .map((plan, index) => ({ index, at: plan.steps[0]!.at }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .forEach(({ index }, order) => (registration[index] = padded('registration', order + 1, 4)));
  const linkAt = (plan: RegistrationPlan): LocalMoment =>
    plan.steps.find((step) => step.kind === 'link_opportunity')!.at;
  const entries: { at: LocalMoment; draft?: DealDraft; plan?: number }[] = [
    ...baseDeals.map((draft) => ({ at: draft.createdAt, draft })),
    ...plans.flatMap((plan, index) => (isApprovedPlan(plan) ? [{ at: linkAt(plan), plan: index }] : [])),
  ];
  entries.sort((a, b) => a.at - b.at || (a.plan ?? -1) - (b.plan ?? -1));
  const deal = new Map<number, string>();
  entries.forEach((entry, order) => {
    const id = padded('deal', order + 1, 5);
    if (entry.draft) entry.draft.deal.id = id;
    else deal.set(entry.plan!, id);
  });
  return { registration, deal };
}

/**
 * Generates the demo channel of a program up to a reference date, deterministically from a seed (each
 * part draws from its own stream of it):
 * 1. partners in every region and tier of the program, with coverage, certifications and scores;
 * 2. registration timelines planned to end in every lifecycle state, and the accounts (those approved
 *    registrations of prospects will add make up the 5,000);
 * 3. partners and customers assigned to the registrations so that each submission passes the program's
 *    policy, and the deals no registration brought, over the last two fiscal years;
 * 4. the registrations run through the core's transitions in time order, their opportunities (and their
 *    prospects' accounts) created on approval;
 * 5. leads, and the MDF history made by the core's MDF use cases.
 *
 * @example const data = await generateDemoData({ program, today: '2026-11-25' }); // data.leads.length === 50_000
 */
export async function generateDemoData(options: DemoDataOptions): Promise<DemoData> {
  const { program, today } = options;
  const seed = options.seed ?? DEMO_SEED;
  const scale = options.scale ?? DEMO_SCALE;
  const random = new DemoRandom(seed);
  const window = demoWindow(program, today);
  const time = new LocalTime(window.timeZone);
  const geography = demoGeography(program);
  const names = new CompanyNames(random.fork('names'));
  const products = demoProducts(program);

  const partners = generatePartners(
    program,
    geography,
    names,
    window.todayNumber,
    scale.partners,
    random.fork('partners'),
  );
  const plans = planRegistrations(program, window, scale.registrations, random.fork('registration-plans'));
  const approved = plans.filter(isApprovedPlan);
  const prospectsApproved = approved.filter((plan) => plan.customer === 'prospect').length;
  const baseAccounts = generateAccounts(
    geography,
    partners,
    names,
    scale.accounts - prospectsApproved,
    random.fork('accounts'),
  );

  const order = plans
    .map((plan, index) => ({ index, at: firstSubmission(plan) ?? plan.steps[0]!.at }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const assigner = new RegistrationAssigner(
    program,
    geography,
    partners,
    baseAccounts,
    products,
    names,
    random.fork('assignment'),
  );
  const assignments: Assignment[] = [];
  for (const { index } of order) assignments[index] = assigner.assign(plans[index]!);

  const baseDeals = generateBaseDeals(
    program.currency,
    products,
    window,
    baseAccounts,
    partners,
    scale.deals - approved.length,
    time,
    random.fork('deals'),
  );
  // Prospects become accounts when their registration is approved: ids after the base accounts, in order.
  const account = new Map<number, string>();
  plans
    .map((plan, index) => ({ index, plan }))
    .filter(({ plan, index }) => isApprovedPlan(plan) && assignments[index]!.customer.account === undefined)
    .sort((a, b) => a.plan.steps[0]!.at - b.plan.steps[0]!.at || a.index - b.index)
    .forEach(({ index }, position) => account.set(index, padded('account', baseAccounts.length + position + 1, 5)));
  const ids: RegistrationIds = { ...assignIds(plans, baseDeals), account };

  const run = runRegistrations(
    program,
    assignments,
    ids,
    baseDeals.map((draft) => ({ deal: draft.deal, createdAt: draft.createdAt })),
    time,
    random.fork('registrations'),
  );
  const topUp: DemoAccount[] = generateAccounts(
    geography,
    partners,
    names,
    scale.accounts - baseAccounts.length - run.accounts.length,
    random.fork('accounts-top-up'),
    baseAccounts.length + run.accounts.length,
  );
  const accounts = [...baseAccounts, ...topUp];
  const deals = [...baseDeals.map((draft) => draft.deal), ...run.deals].sort(byId);
  const leads = generateLeads(
    program,
    products,
    window,
    geography,
    accounts,
    names,
    scale.leads,
    time,
    random.fork('leads'),
  );
  const mdf = await generateMdfHistory(
    { program, window, time, partners, deals, random: random.fork('mdf') },
    geography.regions,
  );
  return {
    seed,
    window,
    partners: partners.map((partner) => partner.record),
    accounts: [...accounts.map((account) => account.record), ...run.accounts].sort(byId),
    deals,
    leads,
    registrations: run.registrations.sort(byId),
    mdf,
    audit: [...run.audit, ...mdf.audit],
  };
}
