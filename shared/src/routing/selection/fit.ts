import type { LeadFacts } from '../steps/lead-values.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import { sortedHas } from '../compile/postal-prefix-trie.js';
import type { RoutingSession } from '../session/routing-session.js';
import { leadCountry } from '../steps/lead-values.js';

/**
 * How well partners fit one lead: of the lead's attributes that a partner can match (country, subdivision,
 * postal code, industry, language, specialization, product certification), the share a partner matches.
 * Independent of the program's steps, so it ranks finalists that all passed the same steps.
 */
export class LeadFit {
  private readonly countryMask: PartnerBits | undefined;
  private readonly subdivisionMask: PartnerBits | undefined;
  private readonly postal: Int32Array | null;
  private readonly others: (PartnerBits | undefined)[];
  /** How many attributes the lead has; the share's denominator. */
  readonly applicable: number;

  constructor(session: RoutingSession, lead: LeadFacts) {
    const { compiled } = session;
    const country = leadCountry(lead);
    this.countryMask = country === undefined ? undefined : compiled.countries.get(country);
    this.subdivisionMask = lead.subdivision === undefined ? undefined : compiled.subdivisions.get(lead.subdivision);
    this.postal = lead.postalCode === undefined ? null : compiled.postalPrefixes.lookup(lead.postalCode);
    this.others = [
      lead.industry === undefined ? undefined : compiled.industries.get(lead.industry),
      lead.language === undefined ? undefined : compiled.languages.get(lead.language),
      lead.specializationId === undefined ? undefined : compiled.specializations.get(lead.specializationId),
      lead.product === undefined ? undefined : session.certifications.lookup(lead.product, null),
    ];
    this.applicable = [
      country,
      lead.subdivision,
      lead.postalCode,
      lead.industry,
      lead.language,
      lead.specializationId,
      lead.product,
    ].filter((value) => value !== undefined).length;
  }

  /** The share of the lead's attributes a partner matches, from 0 to 1 (1 when the lead has none). */
  of(position: number): number {
    if (this.applicable === 0) return 1;
    const inSubdivision = this.subdivisionMask?.has(position) ?? false;
    let matched = 0;
    if (inSubdivision || (this.countryMask?.has(position) ?? false)) matched++;
    if (inSubdivision) matched++;
    if (this.postal !== null && sortedHas(this.postal, position)) matched++;
    for (const mask of this.others) if (mask?.has(position)) matched++;
    return matched / this.applicable;
  }
}
