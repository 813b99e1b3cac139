import { iso31661 } from 'iso-3166/1.js';
import { foldText } from './fold-text.js';
import { stemToken } from './stem-token.js';

/** Words that carry no identity in a company name ("The", "and", "of" in several languages). */
export const NOISE_WORDS: ReadonlySet<string> = new Set(
  'the and of for de del della di da do dos das du des la le les el los las der die den und et en van von zu at on och og ja'.split(
    ' ',
  ),
);

/**
 * Abbreviations and their full word (in stemmed form): "Intl" is "International", "Mfg" is
 * "Manufacturing". Keys are stemmed too, since tokens are stemmed before they are looked up.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  co: 'company',
  cos: 'company',
  corp: 'corporation',
  inc: 'incorporated',
  ltd: 'limited',
  intl: 'international',
  internat: 'international',
  int: 'international',
  mfg: 'manufacturing',
  mfr: 'manufacturer',
  tech: 'technology',
  technol: 'technology',
  svc: 'service',
  serv: 'service',
  sys: 'system',
  natl: 'national',
  nat: 'national',
  assn: 'association',
  assoc: 'association',
  bro: 'brother',
  hldg: 'holding',
  grp: 'group',
  ind: 'industry',
  mgmt: 'management',
  mgt: 'management',
  mktg: 'marketing',
  pharma: 'pharmaceutical',
  pharm: 'pharmaceutical',
  univ: 'university',
  ctr: 'center',
  centre: 'center',
  dev: 'development',
  devel: 'development',
  eng: 'engineering',
  engg: 'engineering',
  lab: 'laboratory',
  labo: 'laboratory',
  prod: 'product',
  telecom: 'telecommunication',
  telecomm: 'telecommunication',
  comm: 'communication',
  soln: 'solution',
  ins: 'insurance',
  inv: 'investment',
  dist: 'distribution',
  distrib: 'distribution',
  elec: 'electric',
  equip: 'equipment',
  fin: 'financial',
  gen: 'general',
  govt: 'government',
  hosp: 'hospital',
  med: 'medical',
  mkt: 'market',
  mtr: 'motor',
  pkg: 'packaging',
  prop: 'property',
  rlty: 'realty',
  trans: 'transport',
  us: 'usa',
};

/**
 * Words common to many company names: they still count, but weigh less than distinctive words, so
 * that "Aktia Life Insurance" and "Aktia Asset Management" are told apart by "Aktia" alone only weakly.
 */
const GENERIC_WORDS = `
group holding international global worldwide national service solution system technology industry
enterprise partner capital management consulting consultant bank banking insurance energy investment
financial finance trust fund association foundation university institute network communication media
software product resource development engineering manufacturing trading marketing asset life health
care medical pharmaceutical research america american usa europe european asia asian pacific north
south east west new first united general china chinese japan india canada australia africa digital
data power electric electronic motor auto automotive airline air transport logistic shipping property
realty real estate home food beverage retail store market sale commerce commercial business world
corporation company brand design creative studio agency limited center laboratory telecommunication
mobile wireless online web net internet cloud security advisor advisory wealth credit loan mortgage
saving community city county state federal public private independent regional local school college
academy hospital clinic pharmacy dental construction building material chemical oil gas mining metal
steel plastic paper textile apparel fashion hotel resort travel tour entertainment sport game music
film publishing press news radio television tv broadcasting distribution supply equipment tool machine
portfolio series equity income growth value index etf ucits dividend bond yield opportunity strategic
strategy select premier balanced emerging variable small large cap mid allocation total return investor
associate venture work lab operation operating acquisition merger subsidiary division branch office
unit plan pension retirement annuity mutual share stock security reserve treasury money cash account
debt fixed short long term duration core plus enhanced active passive quant quantitative alpha beta
sustainable climate impact responsible esg social green clean renewable solar wind water environmental
infrastructure utility utilities transportation rail railway road marine aviation aerospace defense
defence medicine bio biotech therapeutic diagnostic device instrument science scientific analytics
intelligence consulting professional legal law accounting audit tax human staffing recruitment education
training learning publishing print printing packaging container glass wood forest farm agriculture
agricultural crop seed animal pet veterinary dairy meat seafood grain sugar coffee tea wine beer spirit
brewery distillery restaurant cafe kitchen catering hospitality leisure gaming casino lottery toy
furniture appliance lighting electrical mechanical industrial automation robotics semiconductor chip
computer hardware device component part accessory supplies wholesale import export trade exchange
express direct smart advanced applied integrated innovative innovation dynamic premium quality standard
royal imperial grand great golden gold silver star sun sky blue red green black white prime alliance
union federation council society club board committee authority agency bureau department ministry
government municipal coop cooperative uk gb eu emea apac latam nordic scandinavia baltic iberia
deutschland france italia espana nederland sverige suomi norge danmark schweiz suisse osterreich polska
british english scottish irish welsh german french italian spanish portuguese dutch belgian swiss
austrian swedish finnish norwegian danish polish czech hungarian greek turkish russian ukrainian
canadian mexican brazilian argentine chilean australian zealand japanese korean indian indonesian
malaysian singapore thai vietnamese philippine israeli saudi emirate egyptian nigerian african
gruppe versicherung lebensversicherung vermogensverwaltung verwaltung beteiligung beteiligungen industrie
handel technik technologie dienstleistung dienstleistungen werk werke bau immobilien kapital anlage fond
fonds stiftung verein verband gesellschaft deutsche elektro energie maschinenbau logistik beratung
systeme medien vertrieb produktion groupe societe compagnie banque assurance gestion immobilier
immobiliere financiere participation investissement conseil developpement systeme commerce fondation
internationale nationale francaise europeenne grupo compania companhia banco seguro seguros gestao
servicio servicos industria inmobiliaria imobiliaria fondo fundo financiera financeira inversion
inversiones investimento investimentos desarrollo tecnologia sistema comercial construccion
construcciones construtora fundacion fundacao asociacion internacional nacional energia gruppo
compagnia banca assicurazioni gestione servizi immobiliare finanziaria investimenti sviluppo tecnologie
sistemi distribuzione commerciale costruzioni fondazione associazione internazionale nazionale groep
verzekering verzekeringen beheer vermogensbeheer diensten vastgoed kapitaal financiering beleggingen
ontwikkeling systemen bouw stichting vereniging nederlandse internationaal koncern konsern banken
forsakring forsakringsaktiebolag livforsakring livforsakringsaktiebolag forvaltning kapitalforvaltning
formogenhetsforvaltning fastighet fastigheter finans industri tjanster bygg stiftelse stiftelsen
forening forbund sparbank sparebank forsikring eiendom ejendom fonder kapitalfonder investering
yhtyma konserni pankki vakuutus henkivakuutus vahinkovakuutus varainhoito rahasto rahastoyhtio rahoitus
kiinteisto kiinteistot palvelut teollisuus tekniikka kauppa rakennus saatio yhdistys liitto sijoitus
sijoitukset omaisuudenhoito sahko osuuskunta osuuspankki saastopankki kogyo shoji seisakusho sangyo
ginko hoken denki kensetsu tsusho boeki
`;

/** The words of country names ("United Kingdom", "Germany") are generic too. */
const COUNTRY_WORDS = iso31661.flatMap((country) => foldText(country.name).match(/[\p{L}\p{N}]+/gu) ?? []);

const GENERIC: ReadonlySet<string> = new Set(
  [...GENERIC_WORDS.split(/\s+/), ...COUNTRY_WORDS]
    .filter((word) => word.length > 2 || word === 'uk' || word === 'gb' || word === 'eu' || word === 'tv')
    .map(stemToken)
    .filter((word) => !NOISE_WORDS.has(word)),
);

/** The full word of an abbreviation, or the token itself. */
export function expandAbbreviation(token: string): string {
  return ABBREVIATIONS[token] ?? token;
}

/** Whether a (stemmed) word is common to many company names. */
export function isGenericWord(token: string): boolean {
  return GENERIC.has(token);
}

/** The expansions, for tests of the vocabulary's consistency. */
export function abbreviationEntries(): [string, string][] {
  return Object.entries(ABBREVIATIONS);
}
