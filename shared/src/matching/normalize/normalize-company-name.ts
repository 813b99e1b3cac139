import { foldText } from './fold-text.js';
import { legalFormRange } from './legal-forms.js';
import { stemToken } from './stem-token.js';
import { tokenWeight } from './token-weight.js';
import { expandAbbreviation, NOISE_WORDS } from './vocabulary.js';

/** A company name reduced to what identifies it, in the forms the matcher compares. */
export interface NormalizedName {
  /** The whole name folded (case, accents) and trimmed: two names equal here are the same name. */
  folded: string;
  /** Distinctive tokens: folded, stemmed, abbreviations expanded, legal forms and noise words removed. */
  tokens: readonly string[];
  /** The weight of each token (generic words, numbers and single letters weigh less) and their sum. */
  weights: readonly number[];
  weight: number;
  /** The tokens that are numbers ("2040", "13271"): names whose numbers all differ are different things. */
  numbers: readonly string[];
  /** The tokens joined by single spaces: equal keys mean equal names for Conduit. */
  key: string;
  /** The name's words as written (folded, not stemmed) joined without spaces: "CH2M Hill" and "CH2MHill" meet. */
  compact: string;
  /** The same with small words kept ("AT Internet": `atinternet`, "Del Monte": `delmonte`). */
  spelled: string;
  /** The legal forms found ("inc", "gmbh", "co ltd"), for explanations. */
  legalForms: readonly string[];
  /** Initial letters of the words (with and without legal forms and small words), for acronyms. */
  initials: readonly string[];
}

/** Initials written with dots, "S.A.", "U. S.", "J.P.": joined into one word. */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:\. ?[\p{L}\p{N}])+(?![\p{L}\p{N}])\.?/gu;
const JOINED_AMPERSAND = /([\p{L}\p{N}])[&+](?=[\p{L}\p{N}])/gu;
const APOSTROPHES = /['’`´ʼ]/g;
/** "www.acme.com", "Acme.com, Inc.": a web address used as a name stands for its label. */
const WEB_ADDRESS =
  /(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]+)\.(?:com|net|org|io|co|biz|info|ai|app)(?![\p{L}\p{N}])/gu;
/** Registry tags after a name, such as the state of incorporation in SEC filings: "AutoNation Inc /FL/". */
const TRAILING_TAGS = /(?:\s*\/[\p{L}\p{N}]{1,4}\/?)+\s*$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const CO_OP = /(?<![\p{L}\p{N}])co-op(?![\p{L}\p{N}])/gu;

/** The folded words of a name, with initials, ampersands and web addresses written out. */
function words(name: string): string[] {
  const text = foldText(name)
    .trim()
    .replace(TRAILING_TAGS, '')
    .replace(WEB_ADDRESS, '$1')
    .replace(DOTTED_INITIALS, (initials) => ` ${initials.replace(/[. ]/g, '')} `)
    .replace(JOINED_AMPERSAND, '$1')
    .replace(APOSTROPHES, '')
    .replace(CO_OP, 'coop')
    .replace(/&/g, ' and ');
  return text.match(WORD) ?? [];
}

const EMPTY: readonly string[] = Object.freeze([]);

/** Empty lists are one shared array: an index holds millions of names. */
function sharedIfEmpty(list: readonly string[]): readonly string[] {
  return list.length === 0 ? EMPTY : list;
}

function initialsOf(tokens: readonly string[]): string | undefined {
  return tokens.length >= 2 ? tokens.map((token) => token[0]).join('') : undefined;
}

/**
 * Normalises a company name for matching. Idempotent: normalising a key gives the same key.
 *
 * @example
 * normalizeCompanyName('Acme Technologies, Inc.').key // 'acme technology'
 * normalizeCompanyName('CH2M-Hill').compact // 'ch2mhill'
 */
export function normalizeCompanyName(name: string): NormalizedName {
  const written = words(name);
  const all = written.map((word) => expandAbbreviation(stemToken(word)));
  const positions = all.map((_, index) => index);
  const meaningful = positions.filter((index) => !NOISE_WORDS.has(all[index]!));
  const kept = meaningful.length > 0 ? meaningful : positions;
  const range = legalFormRange(kept.map((index) => all[index]!));
  const nameIndexes = kept.slice(range.start, range.end);
  const tokens = nameIndexes.map((index) => all[index]!);
  const spelledRange = legalFormRange(all);
  const legalForms = kept
    .filter((_, position) => position < range.start || position >= range.end)
    .map((index) => all[index]!);
  const initials = [initialsOf(all), initialsOf(kept.map((index) => all[index]!)), initialsOf(tokens)].filter(
    (value, index, list): value is string => value !== undefined && list.indexOf(value) === index,
  );
  const weights = tokens.map(tokenWeight);
  return {
    folded: foldText(name).trim().replace(/\s+/g, ' '),
    tokens,
    weights,
    weight: weights.reduce((sum, weight) => sum + weight, 0),
    numbers: sharedIfEmpty(tokens.filter((token) => /^\d+$/.test(token))),
    key: tokens.join(' '),
    compact: nameIndexes.map((index) => written[index]!).join(''),
    spelled: written.slice(spelledRange.start, spelledRange.end).join(''),
    legalForms: sharedIfEmpty(legalForms),
    initials: sharedIfEmpty(initials),
  };
}
