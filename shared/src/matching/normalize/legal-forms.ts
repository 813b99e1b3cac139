import { stemToken } from './stem-token.js';
import { expandAbbreviation, NOISE_WORDS } from './vocabulary.js';

/**
 * Legal forms of companies in the major jurisdictions, as folded tokens (dots of initials removed:
 * "S.A. de C.V." is `sa de cv`). Longer forms come before the shorter forms they end with.
 */
const SUFFIX_FORMS = `
gmbh and co kg|gmbh co kg|ag and co kg|ag co kg|se and co kg|se co kg|co kg|gmbh and co|
sab de cv|sa de cv|s de rl de cv|s de rl|sapi de cv|sa de rl|
sp z oo|sp zoo|spolka z oo|sp k|
pty ltd|pty limited|pte ltd|pte limited|pvt ltd|pvt limited|private limited|sdn bhd|
co ltd|co limited|company limited|corp ltd|
public limited company|limited liability company|limited partnership|limited liability partnership|
inc|incorporated|corp|corporation|co|cos|company|companies|ltd|limited|llc|lc|llp|lllp|lp|plc|pllc|pc|nl|
gmbh|mbh|ag|kg|kgaa|ohg|ug|ev|eg|se|
sa|sas|sasu|sarl|eurl|sca|snc|scs|sl|slu|sau|sal|
nv|bv|bvba|vof|cv|
spa|srl|srls|sapa|
ab|abp|publ|as|asa|aps|oy|oyj|ky|hf|ehf|
kk|yk|gk|
pty|pte|pvt|bhd|berhad|tbk|
ltda|eireli|lda|
sro|as|doo|dd|kft|zrt|nyrt|bt|uab|sia|ou|
jsc|ojsc|cjsc|pjsc|ooo|oao|zao|pao|ao|tov|
holdings plc|public company limited|pcl|proprietary limited|
aktiengesellschaft|gesellschaft mit beschrankter haftung|kommanditgesellschaft|offene handelsgesellschaft|
societe anonyme|societe par actions simplifiee|societe a responsabilite limitee|sociedad anonima|
sociedad limitada|sociedade anonima|societa per azioni|societa a responsabilita limitata|
naamloze vennootschap|besloten vennootschap|aktiebolag|aksjeselskap|aktieselskab|anpartsselskab|
osakeyhtio|julkinen osakeyhtio|kabushiki kaisha|kabushikigaisha|yugen kaisha|godo kaisha|
spolka akcyjna|spolka z ograniczona odpowiedzialnoscia|akciova spolecnost
`;

/** Legal forms that are written before the name: "PT Bank Mandiri", "OOO Yandex". */
const PREFIX_FORMS = ['pt', 'ooo', 'oao', 'zao', 'pao', 'pjsc', 'ojsc', 'cjsc', 'jsc', 'tov', 'ab'];

/**
 * Forms as token lists, prepared like names are (stemmed and spelled out, so "Companies" and "Co" are
 * `company`; small words such as "de" dropped, so "S.A. de C.V." is `sa cv`), longest first.
 */
function parseForms(text: string): string[][] {
  const forms = text
    .split('|')
    .map((form) =>
      form
        .trim()
        .split(/\s+/)
        .map((token) => expandAbbreviation(stemToken(token)))
        .filter((token) => token !== '' && !NOISE_WORDS.has(token))
        .join(' '),
    )
    .filter((form) => form !== '');
  return [...new Set(forms)].map((form) => form.split(' ')).sort((a, b) => b.length - a.length);
}

const SUFFIXES = parseForms(SUFFIX_FORMS);
const PREFIXES = new Set(PREFIX_FORMS.map((token) => expandAbbreviation(stemToken(token))));

function endsWith(tokens: readonly string[], end: number, form: readonly string[]): boolean {
  if (form.length > end) return false;
  return form.every((token, index) => tokens[end - form.length + index] === token);
}

/**
 * Where the name lies among its tokens once legal forms are set aside: forms are removed from the end as
 * long as some token remains (so "Acme Co., Ltd." loses both) and from the start for the forms written
 * first; a name made only of legal words keeps them. Returns the range `[start, end)` of the name.
 *
 * @example legalFormRange(['acme', 'company', 'limited']) // { start: 0, end: 1 }
 */
export function legalFormRange(tokens: readonly string[]): { start: number; end: number } {
  let start = 0;
  let end = tokens.length;
  let stripped = true;
  while (stripped && end > start + 1) {
    stripped = false;
    for (const form of SUFFIXES) {
      if (end - form.length > start && endsWith(tokens, end, form)) {
        end -= form.length;
        stripped = true;
        break;
      }
    }
  }
  while (end > start + 1 && PREFIXES.has(tokens[start]!)) start += 1;
  return { start, end };
}
