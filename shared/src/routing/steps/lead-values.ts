import type { Lead } from '../../entities/lead.js';
import { stringHash } from '../session/string-numbers.js';

/** The fields of a lead that routing reads (any `Lead` has them). */
export type LeadFacts = Pick<
  Lead,
  | 'id'
  | 'country'
  | 'subdivision'
  | 'postalCode'
  | 'location'
  | 'industry'
  | 'product'
  | 'language'
  | 'specializationId'
  | 'accountId'
>;

/** The lead's country: its own, or the one its subdivision lies in (`US-CA` → `US`). */
export function leadCountry(lead: Pick<LeadFacts, 'country' | 'subdivision'>): string | undefined {
  if (lead.country !== undefined) return lead.country;
  return lead.subdivision === undefined ? undefined : lead.subdivision.slice(0, lead.subdivision.indexOf('-'));
}

/**
 * A lead's routing facts copied into an object of one fixed shape, with what routing works out from them
 * first: where the lead is, and its account's hash. Leads arrive in many shapes (each optional field present
 * or absent, in the order storage wrote them), so reading a field by name is a lookup that must work for any
 * shape, and routing reads each field several times; `fill` walks the lead's own keys once instead (a
 * shape lists its keys once, so walking them reads every field by position), and every later read is a
 * plain field load.
 */
export class LeadFactsBuffer implements LeadFacts {
  id = '';
  country: string | undefined = undefined;
  subdivision: string | undefined = undefined;
  postalCode: string | undefined = undefined;
  location: Lead['location'] = undefined;
  industry: string | undefined = undefined;
  product: string | undefined = undefined;
  language: string | undefined = undefined;
  specializationId: string | undefined = undefined;
  accountId: string | undefined = undefined;
  /** Whether the lead has a location, and its coordinates when it has. */
  located = false;
  latitude = 0;
  longitude = 0;
  /** The `stringHash` of `accountId`, when the lead has an account and its hash was asked for. */
  accountHash: number | null = null;

  /**
   * Copies the facts of `lead` (plain data, as parsed: every field an enumerable property), and hashes its
   * account id when `hashAccount` (for sticky assignment).
   */
  fill(lead: LeadFacts, hashAccount: boolean): this {
    // A field the lead lacks reads as `undefined`, as on the lead itself (even `id`, on a lead that is not one).
    this.id = undefined as unknown as string;
    this.country = undefined;
    this.subdivision = undefined;
    this.postalCode = undefined;
    this.location = undefined;
    this.industry = undefined;
    this.product = undefined;
    this.language = undefined;
    this.specializationId = undefined;
    this.accountId = undefined;
    // `fields[key]` in a loop over `key in fields` reads the field at the key's position: no lookup by name.
    const fields = lead as unknown as Readonly<Record<string, unknown>>;
    for (const key in fields) {
      const value = fields[key];
      switch (key) {
        case 'id':
          this.id = value as string;
          break;
        case 'country':
          this.country = value as string | undefined;
          break;
        case 'subdivision':
          this.subdivision = value as string | undefined;
          break;
        case 'postalCode':
          this.postalCode = value as string | undefined;
          break;
        case 'location':
          this.location = value as Lead['location'];
          break;
        case 'industry':
          this.industry = value as string | undefined;
          break;
        case 'product':
          this.product = value as string | undefined;
          break;
        case 'language':
          this.language = value as string | undefined;
          break;
        case 'specializationId':
          this.specializationId = value as string | undefined;
          break;
        case 'accountId':
          this.accountId = value as string | undefined;
          break;
      }
    }
    const { location, accountId } = this;
    if (location) {
      this.located = true;
      this.latitude = location.lat;
      this.longitude = location.lon;
    } else {
      this.located = false;
    }
    this.accountHash = accountId !== undefined && hashAccount ? stringHash(accountId) : null;
    return this;
  }
}

/** How many leads `LeadFactsBlock` reads at a time. */
const LEADS_PER_BLOCK = 32;

/**
 * The facts of a run of leads, read before any of them is routed. Reading a lead waits for memory: the lead,
 * its location and its account id lie apart in the heap, and among a whole batch's leads little of that is
 * still in the processor's caches. Routing one lead at a time leaves the processor waiting on each read in
 * turn; reading a block of leads in one short loop lets it fetch many leads at once, and routing then finds
 * what it reads at hand. (Which is why `fill` also reads the location and hashes the account id.)
 */
export class LeadFactsBlock {
  readonly facts = Array.from({ length: LEADS_PER_BLOCK }, () => new LeadFactsBuffer());
  /** How many of `facts` hold the leads read last. */
  size = 0;

  /** `hashAccounts`: whether to hash account ids (see `LeadFactsBuffer.fill`). */
  constructor(private readonly hashAccounts: boolean) {}

  /** Reads the facts of the leads from `start` on (as many as fit); returns the index after the last read. */
  read(leads: readonly LeadFacts[], start: number): number {
    const end = Math.min(leads.length, start + LEADS_PER_BLOCK);
    for (let index = start; index < end; index++) this.facts[index - start]!.fill(leads[index]!, this.hashAccounts);
    this.size = end - start;
    return end;
  }
}
