import fc from 'fast-check';
import { compareCompanies } from '../compare/compare-companies.js';
import { buildCompanyIndex } from './company-index.js';

const accounts = [
  { id: 'a1', name: 'Japan Airlines Co., Ltd.', domain: 'jal.co.jp', country: 'JP' },
  { id: 'a2', name: 'Northwind Traders GmbH', domain: 'northwind.de', country: 'DE', postalCode: '10115' },
  { id: 'a3', name: 'Nuclear Power Corporation of India Limited' },
  { id: 'a4', name: 'CH2M Hill Companies' },
  { id: 'a5', name: 'Tietoenator Oyj' },
  { id: 'a6', name: 'Contoso Pharmaceuticals' },
  { id: 'a7', name: 'Contoso Logistics' },
  { id: 'a8', name: 'Fabrikam', domain: 'fabrikam.com' },
];

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('buildCompanyIndex', () => {
  const index = buildCompanyIndex(accounts);

  it('finds a company by another form of its name', () => {
    expect(index.search({ name: 'JAPAN AIRLINES' })[0]).toMatchObject({ id: 'a1', score: 1, verdict: 'same' });
    expect(index.search({ name: 'Northwind Traders' })[0]).toMatchObject({ id: 'a2', verdict: 'same' });
  });

  it('finds acronyms, spacing variants and names that begin another', () => {
    expect(index.search({ name: 'NPCIL' })[0]).toMatchObject({ id: 'a3', verdict: 'possible' });
    expect(index.search({ name: 'CH2MHILL' })[0]).toMatchObject({ id: 'a4', verdict: 'same' });
    expect(index.search({ name: 'Tieto' })[0]).toMatchObject({ id: 'a5', verdict: 'possible' });
  });

  it('finds a company by its domain alone', () => {
    expect(index.search({ name: 'FBK Holdings', domain: 'sales@fabrikam.com' })[0]).toMatchObject({
      id: 'a8',
      verdict: 'same',
    });
  });

  it('ranks best first and respects the limit and the minimum score', () => {
    const hits = index.search({ name: 'Contoso Pharma' });
    expect(ids(hits).slice(0, 2)).toEqual(['a6', 'a7']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search({ name: 'Contoso Pharma' }, { limit: 1 })).toHaveLength(1);
    expect(ids(index.search({ name: 'Contoso Pharma' }, { minScore: 0.8 }))).toEqual(['a6']);
  });

  it('returns nothing for an unknown company', () => {
    expect(index.search({ name: 'Zyxwvut Quarks' })).toEqual([]);
  });

  it('adds, replaces and removes entries', () => {
    const mutable = buildCompanyIndex(accounts);
    mutable.add({ id: 'n1', name: 'Initech Software' });
    expect(mutable.search({ name: 'Initech' })[0]?.id).toBe('n1');
    mutable.add({ id: 'n1', name: 'Globex Corporation' });
    expect(mutable.search({ name: 'Initech' })).toEqual([]);
    expect(mutable.search({ name: 'Globex' })[0]?.id).toBe('n1');
    expect(mutable.remove('n1')).toBe(true);
    expect(mutable.remove('n1')).toBe(false);
    expect(mutable.search({ name: 'Globex' })).toEqual([]);
    expect(mutable.size).toBe(accounts.length);
  });

  it('scores each hit exactly as compareCompanies does', () => {
    const names = fc.constantFrom(
      'Japan Airlines',
      'JAL',
      'Northwind',
      'Contoso',
      'Contoso Pharma Inc',
      'CH2M HILL',
      'Tieto Oyj',
      'Fabrikam Ltd',
      'Nuclear Power Corp',
    );
    fc.assert(
      fc.property(names, (name) => {
        for (const hit of index.search({ name }, { limit: 20 })) {
          const entry = accounts.find((account) => account.id === hit.id)!;
          expect(hit.score).toBe(compareCompanies({ name }, entry).score);
        }
      }),
    );
  });
});
