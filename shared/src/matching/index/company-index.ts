import { tokenSimilarity } from '../compare/edit-distance.js';
import { assessMatch, type MatchAssessment } from '../compare/assess-match.js';
import { explainMatch, type CompanyMatch } from '../compare/compare-companies.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../compare/match-options.js';
import { tokenWeight } from '../normalize/token-weight.js';
import { prepareCompany, type CompanyDescription, type CompanyEntry, type PreparedCompany } from '../company.js';
import { SlotLists } from './multi-map.js';
import { TopCandidates } from './top-candidates.js';

/** One result of a search: the entry's id, and the comparison of the query with it. */
export interface CompanySearchHit extends CompanyMatch {
  id: string;
}

export interface SearchOptions {
  /** How many results at most (default 10). */
  limit?: number;
  /** Results scoring below this are left out (default 0: every candidate found). */
  minScore?: number;
}

/**
 * An index over many companies for finding the ones a query may denote. Entries can be added and
 * removed at any time. Results carry the same score, verdict and evidence as `compareCompanies`.
 */
export interface CompanyIndex {
  /** The entries most like `query`, best first (ties by id). */
  search(query: CompanyDescription, options?: SearchOptions): CompanySearchHit[];
  /** Adds an entry, or replaces the entry with the same id. */
  add(entry: CompanyEntry): void;
  /** Removes the entry with this id; false if there was none. */
  remove(id: string): boolean;
  /** How many entries the index holds. */
  readonly size: number;
}

/** Candidates kept from token overlap before they are scored in full… */
const SHORTLIST = 48;
/** …if their overlap is at least this share of the best one. */
const SHORTLIST_CUTOFF = 0.6;
/** Postings read per query beyond the rarest token's, so that common words cost little. */
const POSTINGS_BUDGET = 20_000;
const FUZZY_KEY_LENGTH = 4;
/** Names written without spaces that start alike ("Tieto", "Tietoenator") are candidates… */
const SPELLED_PREFIX = 5;
/** …unless that start is common ("inter", "north"). */
const SPELLED_PREFIX_LIMIT = 64;

/**
 * Builds an index over companies (registrations of all partners, direct-sales accounts, open
 * opportunities). Candidates come from shared words (rarest first), near-equal words, equal keys,
 * spacing variants, acronyms, aliases and domains; the best are then scored in full.
 *
 * @example
 * const index = buildCompanyIndex([{ id: 'a1', name: 'Japan Airlines Co., Ltd.' }]);
 * index.search({ name: 'JAPAN AIRLINES' })[0] // { id: 'a1', score: 1, verdict: 'same', evidence: [...] }
 */
export function buildCompanyIndex(
  entries: readonly CompanyEntry[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): CompanyIndex {
  const ids: (string | undefined)[] = [];
  const companies: (PreparedCompany | undefined)[] = [];
  const weights: number[] = [];
  const slotById = new Map<string, number>();

  const vocabulary = new Map<string, number>();
  const tokenText: string[] = [];
  const postings: number[][] = [];
  const tokensByPrefix = new SlotLists();
  const tokensBySuffix = new SlotLists();
  const byIdentityKey = new SlotLists();
  const byCompact = new SlotLists();
  const bySpelled = new SlotLists();
  const bySpelledPrefix = new SlotLists();
  const byInitials = new SlotLists();
  const byDomain = new SlotLists();
  const byDomainLabel = new SlotLists();

  let accumulator = new Float64Array(1024);
  let live = 0;

  function tokenId(token: string): number {
    let id = vocabulary.get(token);
    if (id === undefined) {
      id = tokenText.length;
      vocabulary.set(token, id);
      tokenText.push(token);
      postings.push([]);
      if (token.length >= FUZZY_KEY_LENGTH + 1) {
        tokensByPrefix.add(token.slice(0, FUZZY_KEY_LENGTH), id);
        tokensBySuffix.add(token.slice(-FUZZY_KEY_LENGTH), id);
      }
    }
    return id;
  }

  function add(entry: CompanyEntry): void {
    remove(entry.id);
    const company = prepareCompany(entry, options.aliases);
    const slot = ids.length;
    ids.push(entry.id);
    companies.push(company);
    slotById.set(entry.id, slot);
    live += 1;
    const { normalized } = company;
    normalized.tokens = normalized.tokens.map((token) => tokenText[tokenId(token)]!);
    const tokens = [...new Set(normalized.tokens)].map(tokenId);
    weights.push(company.normalized.weight);
    for (const token of tokens) postings[token]!.push(slot);
    byIdentityKey.add(company.identityKey, slot);
    byCompact.add(company.normalized.compact, slot);
    bySpelled.add(company.normalized.spelled, slot);
    if (company.normalized.spelled.length >= SPELLED_PREFIX) {
      bySpelledPrefix.add(company.normalized.spelled.slice(0, SPELLED_PREFIX), slot);
    }
    if (company.normalized.tokens.length >= 2) {
      for (const initials of company.normalized.initials) byInitials.add(initials, slot);
    }
    if (company.domain) {
      byDomain.add(company.domain.domain, slot);
      byDomainLabel.add(company.domain.label, slot);
    }
    if (slot >= accumulator.length) {
      const grown = new Float64Array(accumulator.length * 2);
      grown.set(accumulator);
      accumulator = grown;
    }
  }

  function remove(id: string): boolean {
    const slot = slotById.get(id);
    if (slot === undefined) return false;
    slotById.delete(id);
    ids[slot] = undefined;
    companies[slot] = undefined;
    live -= 1;
    return true;
  }

  /** The inverse document frequencies of the query's words that a candidate also has. */
  function sharedRarity(queryTokens: readonly string[], candidateTokens: readonly string[]): number {
    let rarity = 0;
    for (const token of new Set(queryTokens)) {
      if (!candidateTokens.includes(token)) continue;
      const id = vocabulary.get(token);
      if (id !== undefined) rarity += Math.log((live + 1) / (postings[id]!.length + 1));
    }
    return rarity;
  }

  /** Vocabulary words within one or two edits of a word the index has never seen. */
  function nearWords(token: string): number[] {
    if (token.length < FUZZY_KEY_LENGTH + 1) return [];
    const found = new Set<number>();
    for (const list of [
      tokensByPrefix.get(token.slice(0, FUZZY_KEY_LENGTH)),
      tokensBySuffix.get(token.slice(-FUZZY_KEY_LENGTH)),
    ]) {
      for (const id of list) if (!found.has(id) && tokenSimilarity(token, tokenText[id]!) > 0) found.add(id);
    }
    return [...found];
  }

  function search(query: CompanyDescription, searchOptions: SearchOptions = {}): CompanySearchHit[] {
    const { limit = 10, minScore = 0 } = searchOptions;
    const prepared = prepareCompany(query, options.aliases);
    const normalized = prepared.normalized;
    const touched: number[] = [];
    let bestOverlap = 0;
    const queryWeight = normalized.weight;
    const scores = accumulator;

    const terms: { tokenIds: number[]; weight: number; size: number }[] = [];
    for (const token of new Set(normalized.tokens)) {
      const id = vocabulary.get(token);
      const tokenIds = id !== undefined ? [id] : nearWords(token);
      if (tokenIds.length === 0) continue;
      const size = tokenIds.reduce((sum, tokenId) => sum + postings[tokenId]!.length, 0);
      terms.push({ tokenIds, weight: tokenWeight(token) * (id !== undefined ? 1 : 0.9), size });
    }
    terms.sort((a, b) => a.size - b.size);
    // Rarest words first. Once the words left could not lift a new candidate to the shortlist's cut-off,
    // or their postings would cost too much, they only add to the candidates already found; generic
    // words ("Solutions", "Group") never bring candidates of their own once a distinctive word has.
    let unread = terms.reduce((sum, term) => sum + term.weight, 0);
    let read = 0;
    let distinctiveFound = false;
    for (const [position, { tokenIds, weight, size }] of terms.entries()) {
      const reachable = (2 * unread) / (queryWeight + unread);
      unread -= weight;
      const opensCandidates =
        position === 0 ||
        (reachable >= bestOverlap * SHORTLIST_CUTOFF &&
          read + size <= POSTINGS_BUDGET &&
          !(distinctiveFound && weight < 1));
      if (opensCandidates) {
        read += size;
        for (const tokenId of tokenIds) {
          const list = postings[tokenId]!;
          for (let index = 0; index < list.length; index++) {
            const slot = list[index]!;
            const before = scores[slot]!;
            if (before === 0) touched.push(slot);
            const matched = before + weight;
            scores[slot] = matched;
            const overlap = (2 * matched) / (queryWeight + weights[slot]!);
            if (overlap > bestOverlap && ids[slot] !== undefined) bestOverlap = overlap;
          }
        }
        if (weight >= 1 && bestOverlap > 0) distinctiveFound = true;
      } else if (size <= touched.length * 4) {
        // Cheaper to walk the postings and credit only candidates already found.
        for (const tokenId of tokenIds) {
          const list = postings[tokenId]!;
          for (let index = 0; index < list.length; index++) {
            const slot = list[index]!;
            const before = scores[slot]!;
            if (before === 0) continue;
            scores[slot] = before + weight;
            const overlap = (2 * (before + weight)) / (queryWeight + weights[slot]!);
            if (overlap > bestOverlap && ids[slot] !== undefined) bestOverlap = overlap;
          }
        }
      } else {
        // Cheaper to look for the word in each candidate found so far.
        const words = tokenIds.map((tokenId) => tokenText[tokenId]!);
        const found = touched.length;
        for (let index = 0; index < found; index++) {
          const slot = touched[index]!;
          const candidateTokens = companies[slot]?.normalized.tokens;
          if (!candidateTokens || !words.some((word) => candidateTokens.includes(word))) continue;
          const matched = scores[slot]! + weight;
          scores[slot] = matched;
          const overlap = (2 * matched) / (queryWeight + weights[slot]!);
          if (overlap > bestOverlap) bestOverlap = overlap;
        }
      }
    }

    const shortlist = new TopCandidates(SHORTLIST);
    for (const slot of touched) {
      if (ids[slot] !== undefined) shortlist.offer(slot, (2 * scores[slot]!) / (queryWeight + weights[slot]!));
      scores[slot] = 0;
    }
    // Candidates with less than half the best overlap cannot come first on token evidence; the other
    // kinds of evidence (spacing, acronyms, aliases, domains) bring their candidates below.
    const chosen = new Set(
      shortlist
        .items()
        .filter(({ score }) => score >= bestOverlap * SHORTLIST_CUTOFF)
        .map(({ slot }) => slot),
    );
    const include = (slots: readonly number[]) => {
      for (const slot of slots) chosen.add(slot);
    };
    include(byIdentityKey.get(prepared.identityKey));
    for (const key of options.aliases.keysOf(prepared.identityKey)) include(byIdentityKey.get(key));
    include(byCompact.get(normalized.compact));
    include(bySpelled.get(normalized.spelled));
    const sameStart = bySpelledPrefix.get(normalized.spelled.slice(0, SPELLED_PREFIX));
    if (normalized.spelled.length >= SPELLED_PREFIX && sameStart.length <= SPELLED_PREFIX_LIMIT) {
      const spelled = normalized.spelled;
      include(
        sameStart.filter((slot) => {
          const other = companies[slot]?.normalized.spelled ?? '';
          return other.startsWith(spelled) || spelled.startsWith(other);
        }),
      );
    }
    if (normalized.tokens.length === 1) include(byInitials.get(normalized.compact));
    else for (const initials of normalized.initials) include(byIdentityKey.get(initials));
    if (prepared.domain) {
      include(byDomain.get(prepared.domain.domain));
      if (options.sameOwnerAcrossPublicSuffixes) include(byDomainLabel.get(prepared.domain.label));
    }

    const scored: { slot: number; assessment: MatchAssessment; rarity: number }[] = [];
    for (const slot of chosen) {
      const company = companies[slot];
      if (!company) continue;
      const assessment = assessMatch(prepared, company, options);
      if (assessment.score > 0 && assessment.score >= minScore) {
        scored.push({ slot, assessment, rarity: sharedRarity(normalized.tokens, company.normalized.tokens) });
      }
    }
    // Equal scores are ordered by how rare the shared words are in the index: sharing "Swarovski" says
    // more than sharing "Tokyo".
    scored.sort(
      (a, b) =>
        b.assessment.score - a.assessment.score || b.rarity - a.rarity || compareIds(ids[a.slot]!, ids[b.slot]!),
    );
    return scored.slice(0, limit).map(({ slot, assessment }) => ({
      id: ids[slot]!,
      ...explainMatch(prepared, companies[slot]!, options, assessment),
    }));
  }

  for (const entry of entries) add(entry);
  return {
    search,
    add,
    remove,
    get size() {
      return live;
    },
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
