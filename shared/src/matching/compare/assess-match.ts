import type { PreparedCompany } from '../company.js';
import type { MatchOptions } from './match-options.js';
import { nameSimilarity, type NameSimilarity } from './name-similarity.js';

/** How two companies' registrable domains relate. */
export type DomainRelation = 'equal' | 'same_label' | 'different' | 'unknown';
/** How two facts relate when both sides may or may not have them. */
export type FactRelation = 'equal' | 'different' | 'unknown';

/** Everything compared between two companies, and the score it adds up to. */
export interface MatchAssessment {
  name: NameSimilarity;
  alias: boolean;
  domain: DomainRelation;
  country: FactRelation;
  postalCode: FactRelation;
  score: number;
}

/** What each piece of evidence does to the name's score. */
export const EVIDENCE_EFFECTS = {
  /** A shared company domain makes the match at least this strong. */
  equalDomain: 0.96,
  /** `acme.com` and `acme.co.uk`, where the program counts them as one owner. */
  sameLabelDomain: 0.93,
  /** Different company domains lower the score by this factor (companies have several domains). */
  differentDomain: 0.94,
  /** Different countries lower it by this factor ("Acme GmbH" in DE and "Acme Inc" in the US). */
  differentCountry: 0.88,
  /** A shared postal code adds this much to a name that already matters. */
  equalPostalCode: 0.04,
} as const;

function relate<T>(a: T | undefined, b: T | undefined): FactRelation {
  if (a === undefined || b === undefined) return 'unknown';
  return a === b ? 'equal' : 'different';
}

function relateDomains(a: PreparedCompany, b: PreparedCompany): DomainRelation {
  if (!a.domain || !b.domain) return 'unknown';
  if (a.domain.domain === b.domain.domain) return 'equal';
  return a.domain.label === b.domain.label ? 'same_label' : 'different';
}

/**
 * Compares two prepared companies: names (with aliases), then domain, country and postal code adjust
 * the score. Symmetric, and 1 for a company against itself.
 */
export function assessMatch(a: PreparedCompany, b: PreparedCompany, options: MatchOptions): MatchAssessment {
  const alias = a.identityKey === b.identityKey && a.normalized.key !== b.normalized.key && a.identityKey !== '';
  const name = nameSimilarity(a.normalized, b.normalized);
  const domain = relateDomains(a, b);
  const country = relate(a.country, b.country);
  const postalCode = country === 'different' ? 'unknown' : relate(a.postalCode, b.postalCode);
  let score = alias ? 1 : name.score;
  if (domain === 'equal') score = Math.max(score, EVIDENCE_EFFECTS.equalDomain);
  else if (domain === 'same_label' && options.sameOwnerAcrossPublicSuffixes) {
    score = Math.max(score, EVIDENCE_EFFECTS.sameLabelDomain);
  } else if (domain === 'different' || domain === 'same_label') score *= EVIDENCE_EFFECTS.differentDomain;
  if (country === 'different') score *= EVIDENCE_EFFECTS.differentCountry;
  if (postalCode === 'equal' && score >= 0.5) score = Math.min(1, score + EVIDENCE_EFFECTS.equalPostalCode);
  return { name, alias, domain, country, postalCode, score: Math.round(score * 10_000) / 10_000 };
}
