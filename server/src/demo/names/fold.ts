const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  '&': ' and ',
  '’': '',
  "'": '',
};

/**
 * Text folded to lowercase ASCII words for domains and e-mail addresses: German umlauts as `ae`, `oe`,
 * `ue`, other accents dropped, `&` as `and`, anything else not a letter or digit as a space.
 *
 * @example foldToAscii('Bergmann & Söhne') // 'bergmann and soehne'
 */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæøœäöü&’']/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
