import fc from 'fast-check';
import { buildAliasTable } from '../company.js';
import { compareCompanies } from './compare-companies.js';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './match-options.js';

const rules = (
  a: Parameters<typeof compareCompanies>[0],
  b: Parameters<typeof compareCompanies>[1],
  options?: MatchOptions,
) => compareCompanies(a, b, options).evidence.map((step) => `${step.rule}:${step.result}`);

describe('compareCompanies', () => {
  it('judges legal-form, case and punctuation variants the same', () => {
    const match = compareCompanies({ name: 'Acme Technologies, Inc.' }, { name: 'ACME TECHNOLOGY' });
    expect(match).toMatchObject({ score: 1, verdict: 'same' });
    expect(match.evidence).toMatchInlineSnapshot(`
[
  {
    "facts": {
      "left": "Acme Technologies, Inc.",
      "leftKey": "acme technology",
      "right": "ACME TECHNOLOGY",
      "rightKey": "acme technology",
      "score": 1,
    },
    "message": "The names are the same once normalised: "acme technology".",
    "result": "pass",
    "rule": "normalized_name",
  },
]
`);
  });

  it('judges spacing variants the same', () => {
    expect(compareCompanies({ name: 'CH2M Hill' }, { name: 'CH2MHILL Inc' })).toMatchObject({
      verdict: 'same',
      score: 0.95,
    });
  });

  it('judges an acronym a possible match, and says so', () => {
    const match = compareCompanies({ name: 'NPCIL' }, { name: 'Nuclear Power Corporation of India Limited' });
    expect(match.verdict).toBe('possible');
    expect(match.evidence[0]).toMatchObject({ rule: 'acronym', result: 'pass' });
  });

  it('judges a distinctive name inside a longer one possible, never the same', () => {
    const match = compareCompanies({ name: 'Saltrock' }, { name: 'Saltrock Surfwear Ltd' });
    expect(match.verdict).toBe('possible');
    expect(match.score).toBeLessThan(0.9);
  });

  it('tolerates a typo in a long word', () => {
    const match = compareCompanies({ name: 'Northwind Logistcs' }, { name: 'Northwind Logistics' });
    expect(match.verdict).not.toBe('different');
    expect(match.evidence[0]!.message).toContain('"logistc" ~ "logistic"');
  });

  it('keeps apart names that share only a common word', () => {
    expect(compareCompanies({ name: 'Pacific Logistics' }, { name: 'Atlantic Logistics' }).verdict).toBe('different');
    expect(compareCompanies({ name: 'Acme' }, { name: 'Acne' }).verdict).toBe('different');
    expect(compareCompanies({ name: 'Fund 2040' }, { name: 'Fund 2045' }).verdict).toBe('different');
  });

  it('counts a shared company domain, never a free-mail one', () => {
    expect(
      compareCompanies({ name: 'Globex', domain: 'globex.com' }, { name: 'Initech', domain: 'ops@globex.com' }),
    ).toMatchObject({ verdict: 'same', score: 0.96 });
    expect(
      compareCompanies({ name: 'Globex', domain: 'jane@gmail.com' }, { name: 'Initech', domain: 'joe@gmail.com' })
        .verdict,
    ).toBe('different');
    expect(rules({ name: 'Globex', domain: 'globex.com' }, { name: 'Globex', domain: 'globex.de' })).toEqual([
      'normalized_name:pass',
      'domain:fail',
    ]);
  });

  it('lets the program decide whether acme.com and acme.co.uk have one owner', () => {
    const a = { name: 'Umbrella Holdings', domain: 'umbrella.com' };
    const b = { name: 'Umbrella Pharma', domain: 'umbrella.co.uk' };
    const strict = compareCompanies(a, b);
    const lenient = compareCompanies(a, b, { ...DEFAULT_MATCH_OPTIONS, sameOwnerAcrossPublicSuffixes: true });
    expect(lenient.score).toBe(0.93);
    expect(strict.score).toBeLessThan(lenient.score);
  });

  it('lowers the score across countries and raises it for a shared postal code', () => {
    const base = compareCompanies({ name: 'Acme Foods' }, { name: 'Acme Food Company' }).score;
    expect(
      compareCompanies({ name: 'Acme Foods', country: 'DE' }, { name: 'Acme Food Company', country: 'US' }).score,
    ).toBeCloseTo(base * 0.88, 3);
    expect(
      rules(
        { name: 'Acme Foods', country: 'DE', postalCode: '10115' },
        { name: 'Acme Food Company', country: 'DE', postalCode: '10 115' },
      ),
    ).toEqual(['normalized_name:pass', 'country:pass', 'postal_code:pass']);
  });

  it('uses the alias table of the program', () => {
    const options = {
      ...DEFAULT_MATCH_OPTIONS,
      aliases: buildAliasTable([{ name: 'International Business Machines', aliases: ['Big Blue'] }]),
    };
    const match = compareCompanies({ name: 'Big Blue' }, { name: 'International Business Machines Corp.' }, options);
    expect(match).toMatchObject({ score: 1, verdict: 'same' });
    expect(match.evidence[0]).toMatchObject({ rule: 'alias', result: 'pass' });
  });

  it('applies the thresholds it is given', () => {
    const strict = { ...DEFAULT_MATCH_OPTIONS, thresholds: { same: 0.99, possible: 0.97 } };
    expect(compareCompanies({ name: 'CH2M Hill' }, { name: 'CH2MHILL' }, strict).verdict).toBe('different');
  });

  const company = fc.record(
    {
      name: fc
        .oneof(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
          fc.constantFrom(
            'Acme Inc',
            'ACME',
            'Acme Global Solutions',
            'IBM',
            'International Business Machines',
            'CH2M Hill',
            'CH2MHILL',
          ),
        )
        .filter((name) => name.trim() !== ''),
      domain: fc.constantFrom('acme.com', 'jane@acme.com', 'acme.co.uk', 'gmail.com', 'other.org'),
      country: fc.constantFrom('US', 'DE', 'FR'),
      postalCode: fc.constantFrom('10115', '10 115', '75001'),
    },
    { requiredKeys: ['name'] },
  );

  it('is symmetric', () => {
    fc.assert(
      fc.property(company, company, (a, b) => {
        const [ab, ba] = [compareCompanies(a, b), compareCompanies(b, a)];
        expect(ab.score).toBe(ba.score);
        expect(ab.verdict).toBe(ba.verdict);
      }),
      { numRuns: 1000 },
    );
  });

  it('scores a company against itself 1', () => {
    fc.assert(
      fc.property(company, (a) => expect(compareCompanies(a, a).score).toBe(1)),
      { numRuns: 1000 },
    );
  });

  it('keeps every score between 0 and 1', () => {
    fc.assert(
      fc.property(company, company, (a, b) => {
        const { score } = compareCompanies(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });
});
