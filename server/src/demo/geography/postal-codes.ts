import type { DemoRandom } from '../random.js';
import type { City } from './cities.js';

const digits = (random: DemoRandom, count: number): string =>
  Array.from({ length: count }, () => String(random.int(0, 9))).join('');

const letters = (random: DemoRandom, alphabet: string, count: number): string =>
  Array.from({ length: count }, () => alphabet[random.int(0, alphabet.length - 1)]!).join('');

/** Letters each country's postal system uses where it uses letters. */
const CANADIAN_LDU_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
const BRITISH_INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const EIRCODE_CHARACTERS = 'ACDEFHKNPRTVWXY0123456789';
const DUTCH_LETTERS = 'ABCEGHJKLMNPRSTVWXZ';

/**
 * A postal code in the city's country format, inside one of the city's postal areas:
 * `94105` (US), `M5H 2N2` (CA), `EC2V 7HH` (GB), `D02 X285` (IE), `80331` (DE), `1012 AB` (NL)…
 */
export function postalCodeIn(city: City, random: DemoRandom): string {
  const area = random.pick(city.postal);
  switch (city.country) {
    case 'US':
    case 'FR':
    case 'ES':
    case 'IT':
      return area + digits(random, 5 - area.length);
    case 'DE':
      return area + digits(random, 3);
    case 'CA':
      return `${area} ${digits(random, 1)}${letters(random, CANADIAN_LDU_LETTERS, 1)}${digits(random, 1)}`;
    case 'GB':
      return `${area} ${digits(random, 1)}${letters(random, BRITISH_INWARD_LETTERS, 2)}`;
    case 'IE':
      return `${area} ${letters(random, EIRCODE_CHARACTERS, 4)}`;
    case 'NL':
      return `${area}${digits(random, 2)} ${letters(random, DUTCH_LETTERS, 2)}`;
    case 'JP':
      return `${area}-${digits(random, 4)}`;
    case 'SG':
      return area + digits(random, 3);
    case 'BR':
      return `${area}${digits(random, 2)}-${digits(random, 3)}`;
    case 'SE':
      return `${area} ${digits(random, 2)}`;
    default:
      // AT, CH, BE, AU, NZ: four digits.
      return area + digits(random, 4 - area.length);
  }
}
