/** Letters that Unicode decomposition leaves whole but that people write in plain Latin. */
const LATIN_EQUIVALENTS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
  ŧ: 't',
  ħ: 'h',
};
const SPECIAL_LETTERS = new RegExp(`[${Object.keys(LATIN_EQUIVALENTS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Folds text for comparison: compatibility decomposition (full-width letters, ligatures), accents
 * removed, lowercase, and the few Latin letters without a decomposition spelled out (ß → ss, ø → o).
 * Letters of other scripts stay as they are.
 *
 * @example foldText('Société Générale') // 'societe generale'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, (letter) => LATIN_EQUIVALENTS[letter] ?? letter);
}
