import type { City } from '../geography/cities.js';
import type { DemoRandom } from '../random.js';
import { foldToAscii } from './fold.js';
import { INDUSTRY_WORDS } from './industry-words.js';
import {
  DOMAIN_ENDINGS,
  LEGAL_FORMS,
  LOCAL_PARTNER_ROOTS,
  NAMING_LANGUAGE,
  PARTNER_DESCRIPTORS,
  PARTNER_ROOTS,
  PLACE_WORDS,
  SURNAMES,
  type NamingLanguage,
} from './words.js';

/** A company's name and, when one could be found free, its web domain. */
export interface CompanyName {
  name: string;
  domain: string | undefined;
}

/** Industries whose organisations do not carry a legal form in their name. */
const WITHOUT_LEGAL_FORM = new Set(['public-sector', 'education']);
const TECH_WORDS = ['Cloud', 'Data', 'Digital', 'IT', 'Cyber', 'Net'];

/** The words of a name that identify it, without its legal form: what two names must not share. */
function nameKey(words: string): string {
  return foldToAscii(words);
}

/**
 * Invents company names and web domains for one demo data set, never the same name (legal form aside)
 * or domain twice: partners (`Kestrel Cloud Solutions Ltd`, `Nordlicht Systemhaus GmbH`) and end
 * customers (`Hartmann Maschinenbau GmbH`, `Lakeside Credit Union`, `Gemeente Utrecht Waterschap`).
 */
export class CompanyNames {
  private readonly keys = new Set<string>();
  private readonly domains = new Set<string>();

  constructor(private readonly random: DemoRandom) {}

  /** A channel partner's name, for a partner based in a city. */
  partner(city: City): CompanyName {
    const language = languageOf(city);
    return this.unique(city.country, language, () => {
      const root = this.random.chance(0.4)
        ? this.random.pick(LOCAL_PARTNER_ROOTS[language])
        : this.random.pick(PARTNER_ROOTS);
      const descriptor = this.random.pick(PARTNER_DESCRIPTORS[language]);
      const shape = this.random.next();
      if (shape < 0.2) {
        const tech = this.random.pick(TECH_WORDS);
        return tech !== descriptor ? `${root} ${tech} ${descriptor}` : `${root} ${descriptor}`;
      }
      if (shape < 0.32) return `${this.random.pick(SURNAMES[language])} & ${root} ${descriptor}`;
      return `${root} ${descriptor}`;
    });
  }

  /** An end customer's name in a city, for an industry. */
  customer(city: City, industry: string): CompanyName {
    const language = languageOf(city);
    const words = INDUSTRY_WORDS[industry]?.[language] ?? ['Group'];
    const cityName = city.name.replace(/\s*\(.*\)$/, '');
    return this.unique(
      city.country,
      language,
      () => {
        const word = this.random.pick(words);
        const shape = this.random.next();
        if (WITHOUT_LEGAL_FORM.has(industry)) {
          return shape < 0.5 ? `${cityName} ${word}` : `${this.random.pick(PLACE_WORDS[language])} ${word}`;
        }
        if (shape < 0.45) return `${this.random.pick(SURNAMES[language])} ${word}`;
        if (shape < 0.75) return `${this.random.pick(PLACE_WORDS[language])} ${word}`;
        if (shape < 0.87)
          return `${this.random.pick(SURNAMES[language])} & ${this.random.pick(SURNAMES[language])} ${word}`;
        return `${cityName} ${word}`;
      },
      WITHOUT_LEGAL_FORM.has(industry),
    );
  }

  private unique(country: string, language: NamingLanguage, draw: () => string, bare = false): CompanyName {
    for (let attempt = 0; attempt < 200; attempt++) {
      const words = draw();
      const key = nameKey(words);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      const forms = LEGAL_FORMS[`${country}:${language}`] ?? LEGAL_FORMS[country] ?? [''];
      const form = bare ? '' : this.random.pick(forms);
      const name = form === '' ? words : `${words} ${form}`;
      return { name, domain: this.domainFor(words, country) };
    }
    throw new Error(`The demo ran out of company names for ${country}.`);
  }

  private domainFor(words: string, country: string): string | undefined {
    const parts = foldToAscii(words)
      .split(' ')
      .filter((part) => part !== 'and');
    const endings = DOMAIN_ENDINGS[country] ?? ['com'];
    const ending = this.random.pick(endings);
    const joined = parts.join('');
    const candidates = [
      joined.length <= 18 ? joined : parts.join('-'),
      parts.join('-'),
      parts.length > 2 ? `${parts[0]}${parts[parts.length - 1]}` : `${joined}-group`,
      `${parts.join('-')}-${country.toLowerCase()}`,
    ];
    for (const candidate of candidates) {
      const label = candidate.slice(0, 40).replace(/-+$/, '');
      const domain = `${label}.${ending}`;
      if (label !== '' && !this.domains.has(domain)) {
        this.domains.add(domain);
        return domain;
      }
    }
    return undefined;
  }
}

const NAMING_LANGUAGES: readonly string[] = ['en', 'de', 'fr', 'nl'];

/**
 * The language names are made in for a city: its first language when the demo has words for it (Antwerp
 * names are Dutch, Geneva's French), otherwise its country's (English where the demo has no other).
 */
export function languageOf(city: City): NamingLanguage {
  const first = city.languages[0];
  if (first !== undefined && NAMING_LANGUAGES.includes(first)) return first as NamingLanguage;
  return NAMING_LANGUAGE[city.country] ?? 'en';
}
