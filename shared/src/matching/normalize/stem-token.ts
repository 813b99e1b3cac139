/**
 * A light, idempotent English plural stemmer for company words: "Technologies" and "Technology",
 * "Computers" and "Computer", "Services" and "Service" become one token. Short words and words ending
 * in -ss, -us or -is are left alone.
 *
 * @example stemToken('industries') // 'industry'
 */
export function stemToken(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !/(ss|us|is)$/.test(token) && !/\d/.test(token)) {
    return token.slice(0, -1);
  }
  return token;
}
