import type { City } from '../geography/cities.js';
import type { DemoRandom } from '../random.js';
import { languageOf } from './company-names.js';
import { foldToAscii } from './fold.js';
import { FIRST_NAMES, SURNAMES } from './words.js';

/** A person at an end customer, as a partner enters them on a registration. */
export interface DemoContact {
  name: string;
  email: string;
  phone: string;
}

const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1',
  CA: '1',
  GB: '44',
  IE: '353',
  DE: '49',
  AT: '43',
  CH: '41',
  FR: '33',
  NL: '31',
  BE: '32',
  AU: '61',
  NZ: '64',
  JP: '81',
  SG: '65',
  BR: '55',
  ES: '34',
  IT: '39',
  SE: '46',
};

/**
 * A contact at a company in a city: a name of the city's language, an e-mail address at the company's
 * domain (`first.last@…`, sometimes `f.last@…`) and a phone number with the country's calling code (the
 * North American ones in the fictional 555-01xx range).
 */
export function contactAt(city: City, domain: string, random: DemoRandom): DemoContact {
  const language = languageOf(city);
  const first = random.pick(FIRST_NAMES[language]);
  const last = random.pick(SURNAMES[language]);
  const firstPart = foldToAscii(first).replace(/ /g, '');
  const lastPart = foldToAscii(last).replace(/ /g, '');
  const local = random.chance(0.75) ? `${firstPart}.${lastPart}` : `${firstPart[0]!}.${lastPart}`;
  const code = CALLING_CODES[city.country] ?? '1';
  const digits = (count: number): string => Array.from({ length: count }, () => random.int(0, 9)).join('');
  const phone =
    code === '1'
      ? `+1 ${random.int(201, 989)} 555 01${digits(2)}`
      : `+${code} ${random.int(1, 9)}${digits(2)} ${digits(6)}`;
  return { name: `${first} ${last}`, email: `${local}@${domain}`, phone };
}
