/**
 * The seeded demo tenant, read through the API before the load: a client that calls `/api/v1` with the
 * local demo token, a helper that pages through a list, the shapes of the items read, and `readTenant`,
 * which gathers the ids and records the scenarios use (registrations, partners with room for new
 * registrations under their caps, accounts in eligible territories, MDF allocations open for fund requests,
 * leads, deals and the fiscal year under way).
 */
import { randomUUID } from 'node:crypto';

/** The bearer token of the local demo tenant. */
export const TOKEN = 'conduit-local-demo-token';

export type Json = Record<string, unknown>;

/** Calls `/api/v1` as the demo tenant (a body goes as JSON with an Idempotency-Key of its own); throws on a non-2xx. */
export function apiClient(url: string) {
  return async <T = Json>(method: 'GET' | 'POST', route: string, body?: object): Promise<T> => {
    const response = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /api/v1${route} answered ${response.status}: ${text.slice(0, 2000)}`);
    return JSON.parse(text) as T;
  };
}

export type Api = ReturnType<typeof apiClient>;

/** Every item of a paged list (`?limit=500&after=…`, answered `{ [key]: items, next }`), up to `most`. */
async function everyItem<T>(api: Api, route: string, key: string, most = Infinity): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  do {
    const separator = route.includes('?') ? '&' : '?';
    const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
    const page: Json = await api('GET', `${route}${separator}limit=500${cursor}`);
    items.push(...(page[key] as T[]));
    after = page.next as string | null;
  } while (after !== null && items.length < most);
  return items.slice(0, most);
}

interface Money {
  amount: number;
  currency: string;
}
interface AccountItem {
  id: string;
  name: string;
  domain?: string;
  country: string;
  subdivision?: string;
}
interface AllocationItem {
  allocation: {
    id: string;
    kind: 'budgeted' | 'accrual';
    fundTypeId: string;
    partnerId: string;
    currency: string;
    period?: { start: string; end: string };
  };
  ledger: { balances: { available: Money } };
}
interface DealItem {
  id: string;
  amount: Money;
  version?: number;
}
interface ProgramAnswer {
  program: {
    fiscalCalendar: { firstMonth: number };
    tiers: { id: string; benefits: { registrationCap: number | null } }[];
    registration: { eligibleTerritories: string[]; maxOpenPerPartner: number | null };
    mdf: {
      leadTimeDays: number;
      fundTypes: { id: string; eligibleActivityIds: string[] }[];
      activities: { id: string; reimbursementPercent: number }[];
    };
  };
}

/** The ids and records the scenarios use, read from the seeded demo tenant. */
export interface Tenant {
  registrationIds: string[];
  partnerIds: string[];
  /**
   * Active partners for new registrations, each as many times as its tier's cap on open registrations leaves
   * room for, round by round: submitting drafts in this order never goes over a cap (a 422).
   */
  draftPartnerIds: string[];
  eligibleAccounts: AccountItem[];
  allocationIds: string[];
  /** Budgeted allocations open past the fund requests' activity, with room for one, and the activity to ask for. */
  requestAllocations: { id: string; currency: string; activityId: string; reimbursementPercent: number }[];
  /** The activity dates of the fund requests: far enough ahead for the program's lead time. */
  requestDates: { startDate: string; endDate: string };
  leadIds: string[];
  deals: DealItem[];
  fiscalYear: { from: string; to: string };
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const daysFromNow = (days: number) => dayOf(new Date(Date.now() + days * 86_400_000));
/** A fund request's activity: far enough ahead for the program's lead time, in every time zone. */
const activityDates = (leadTimeDays: number) => ({
  startDate: daysFromNow(leadTimeDays + 5),
  endDate: daysFromNow(leadTimeDays + 6),
});
/** The registration statuses that count against a partner's cap on open registrations. */
const OPEN_STATUSES = new Set(['submitted', 'under_review', 'info_requested', 'approved', 'extension_requested']);
/** How many registrations a partner without a cap takes in the draft order. */
const UNCAPPED_ROOM = 100;
/** What each fund request asks for (2,000.00 in the allocation's currency), so that its share fits the balance. */
export const REQUESTED_AMOUNT = 200_000;

/** Reads the ids and records the scenarios use from the seeded demo tenant, through the API. */
export async function readTenant(api: Api): Promise<Tenant> {
  const { program } = await api<ProgramAnswer>('GET', '/program');
  const territories = new Set(program.registration.eligibleTerritories);
  const [registrations, partners, accounts, allocations, leads, deals] = await Promise.all([
    everyItem<{ id: string; partnerId: string; status: string }>(api, '/registrations', 'registrations'),
    everyItem<{ id: string; status: string; tierId: string | null }>(api, '/crm/partners', 'partners'),
    everyItem<AccountItem>(api, '/crm/accounts', 'accounts'),
    everyItem<AllocationItem>(api, '/mdf/allocations', 'allocations'),
    everyItem<{ id: string }>(api, '/crm/leads', 'leads'),
    everyItem<DealItem>(api, '/crm/deals', 'deals', 2_000),
  ]);

  const requestDates = activityDates(program.mdf.leadTimeDays);
  const requestAllocations = allocations.flatMap(({ allocation, ledger }) => {
    const fundType = program.mdf.fundTypes.find((type) => type.id === allocation.fundTypeId);
    const activity = program.mdf.activities.find(
      (candidate) => fundType?.eligibleActivityIds.includes(candidate.id) && candidate.reimbursementPercent < 100,
    );
    const share = activity ? (REQUESTED_AMOUNT * activity.reimbursementPercent) / 100 : Infinity;
    const open =
      allocation.kind === 'budgeted' && allocation.period !== undefined && allocation.period.end > requestDates.endDate;
    return open && activity && ledger.balances.available.amount >= share
      ? [
          {
            id: allocation.id,
            currency: allocation.currency,
            activityId: activity.id,
            reimbursementPercent: activity.reimbursementPercent,
          },
        ]
      : [];
  });

  // Room for open registrations per active partner: the lower of its tier's cap and the program's, less what it holds.
  const open = new Map<string, number>();
  for (const { partnerId, status } of registrations)
    if (OPEN_STATUSES.has(status)) open.set(partnerId, (open.get(partnerId) ?? 0) + 1);
  const rooms = partners
    .filter((partner) => partner.status === 'active')
    .map((partner) => {
      const caps = [
        program.tiers.find((tier) => tier.id === partner.tierId)?.benefits.registrationCap ?? null,
        program.registration.maxOpenPerPartner,
      ].filter((cap) => cap !== null);
      const room = caps.length === 0 ? UNCAPPED_ROOM : Math.min(...caps) - (open.get(partner.id) ?? 0);
      return { id: partner.id, room };
    });
  const draftPartnerIds: string[] = [];
  for (let round = 0; rooms.some((partner) => partner.room > round); round++)
    for (const partner of rooms) if (partner.room > round) draftPartnerIds.push(partner.id);

  const today = new Date();
  const firstMonth = program.fiscalCalendar.firstMonth;
  const startYear = today.getUTCMonth() + 1 >= firstMonth ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const month = String(firstMonth).padStart(2, '0');
  return {
    registrationIds: registrations.map((registration) => registration.id),
    partnerIds: partners.map((partner) => partner.id),
    draftPartnerIds,
    eligibleAccounts: accounts.filter((account) => territories.has(account.country)),
    allocationIds: allocations.map(({ allocation }) => allocation.id),
    requestAllocations,
    requestDates,
    leadIds: leads.map((lead) => lead.id),
    deals,
    fiscalYear: { from: `${startYear}-${month}-01`, to: `${startYear + 1}-${month}-01` },
  };
}
