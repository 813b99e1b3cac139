import { pickIndex, seededRandom } from '../../eval/seeded-random.js';

const SYLLABLES = `
ka ro mi ta ven lor qua zen tri bel dor fin gal har ix jun kel lum mar nor ost pel quin ras sol tev ul var
wen xan yor zel ab cor del ep fal gor hel ion jas kor lin mos nex ov pra rin sta tor umb vel wyn zor al bri
cas dra eld fro gri hal ivo jer kal lux mer nov or pax quo rel sev tal uri vox wil yan zet
`
  .trim()
  .split(/\s+/);

const INDUSTRY_WORDS = `
Logistics Foods Systems Software Capital Partners Holdings Energy Solar Pharma Biotech Labs Media Studios
Motors Industries Engineering Consulting Analytics Networks Telecom Robotics Materials Chemicals Textiles
Apparel Brewing Farms Dairy Mining Metals Steel Plastics Packaging Printing Publishing Insurance Bank
Finance Investments Realty Properties Construction Builders Architects Design Marketing Advisors Travel
Hotels Resorts Airlines Shipping Marine Aviation Aerospace Defense Security Health Clinics Medical Dental
Devices Instruments Electronics Semiconductors Components Machinery Tools Equipment Supplies Retail Stores
Trading Imports Exports Wholesale Distribution Services Solutions Technologies Group International Global
`
  .trim()
  .split(/\s+/);

const PLACES = 'North South East West Pacific Atlantic Nordic Alpine Central Coastal Metro Valley River Lake'.split(
  ' ',
);
const LEGAL_FORMS = [
  'Inc.',
  'LLC',
  'Ltd',
  'Limited',
  'GmbH',
  'AG',
  'S.A.',
  'B.V.',
  'Oy',
  'AB',
  'Pty Ltd',
  'Corp.',
  'PLC',
  'S.p.A.',
  'SAS',
  '',
];

/** A company name invented from syllables and business words, the same for the same random sequence. */
export function syntheticCompanyName(random: () => number): string {
  const syllableCount = 2 + pickIndex(random, 2);
  let brand = '';
  for (let index = 0; index < syllableCount; index++) brand += SYLLABLES[pickIndex(random, SYLLABLES.length)]!;
  brand = brand[0]!.toUpperCase() + brand.slice(1);
  const parts = [brand];
  if (random() < 0.15) parts.unshift(PLACES[pickIndex(random, PLACES.length)]!);
  if (random() < 0.8) parts.push(INDUSTRY_WORDS[pickIndex(random, INDUSTRY_WORDS.length)]!);
  if (random() < 0.3) parts.push(INDUSTRY_WORDS[pickIndex(random, INDUSTRY_WORDS.length)]!);
  const legal = LEGAL_FORMS[pickIndex(random, LEGAL_FORMS.length)]!;
  if (legal !== '') parts.push(legal);
  return parts.join(' ');
}

/** `count` invented companies with ids `synthetic-<n>`, from a seed. */
export function syntheticCompanies(count: number, seed: number): { id: string; name: string }[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    id: `synthetic-${index}`,
    name: syntheticCompanyName(random),
  }));
}
