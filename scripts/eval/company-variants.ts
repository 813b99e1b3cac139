/** One company of a variants file: its id and the names that denote it. */
export interface CompanyVariants {
  id: string;
  names: string[];
}

/**
 * Parses a company-variants file: one company per line, `ID <TAB> name | name | ...`. Lines with fewer
 * than two distinct names cannot be used for matching and are skipped.
 */
export function parseCompanyVariants(text: string): CompanyVariants[] {
  const companies: CompanyVariants[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [id, names] = line.split('\t');
    if (!id || names === undefined) throw new Error(`Not a variants line (ID <TAB> names): ${line.slice(0, 80)}`);
    const distinct = [
      ...new Set(
        names
          .split(' | ')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      ),
    ];
    if (distinct.length >= 2) companies.push({ id, names: distinct });
  }
  return companies;
}
