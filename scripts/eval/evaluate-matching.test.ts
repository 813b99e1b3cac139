import { DEFAULT_MATCH_OPTIONS } from '@conduit/core';
import { parseCompanyVariants } from './company-variants.js';
import { evaluatePairs, evaluateRetrieval } from './evaluate-matching.js';
import { variantKind } from './variant-kind.js';

/* Invented companies: the evaluation data never enters the repository. */
const variants = parseCompanyVariants(
  [
    'c1\tQuortex Analytics | Quortex Analytics, Inc.',
    'c2\tBlue Heron Shipping | BLUE HERON SHIPPING LLC',
    'c3\tVantorix | Vantorix Labs',
    'c4\tMaple Leaf Dairy | Northern Cheese Works',
    'c5\tQuortex Marine | Quortex Marine GmbH',
    'c6\tSolo name',
  ].join('\n'),
);

describe('the matching evaluation', () => {
  it('reads a variants file, skipping companies with a single name', () => {
    expect(variants.map((company) => company.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(() => parseCompanyVariants('no tab here')).toThrow('Not a variants line');
  });

  it('classifies variants by plain string rules', () => {
    expect(variantKind('Blue Heron Shipping', 'BLUE HERON SHIPPING')).toBe('case_punctuation');
    expect(variantKind('Quortex Analytics', 'Quortex Analytics, Inc.')).toBe('legal_form');
    expect(variantKind('QA', 'Quortex Analytics')).toBe('acronym');
    expect(variantKind('Vantorix', 'Vantorix Labs')).toBe('extension');
    expect(variantKind('Vantorix Labs', 'Vantorix Studios')).toBe('partial_overlap');
    expect(variantKind('Vantorix', 'Vantorixx')).toBe('spelling');
    expect(variantKind('Maple Leaf Dairy', 'Northern Cheese Works')).toBe('rename_or_brand');
  });

  it('counts hits among retrieval queries, by kind', () => {
    const result = evaluateRetrieval(variants, DEFAULT_MATCH_OPTIONS, 1);
    expect(result.indexed).toBe(5);
    expect(result.overall.queries).toBe(5);
    expect(result.byKind.rename_or_brand).toEqual({ queries: 1, hitAt1: 0, hitAt5: 0 });
    expect(result.overall.hitAt1).toBe(4);
  });

  it('counts pairs, leaving renames out of the name-variant figures', () => {
    const result = evaluatePairs(variants, DEFAULT_MATCH_OPTIONS, 1);
    expect(result.positives).toBe(5);
    expect(result.negatives).toBe(5);
    expect(result.nameVariants.truePositives + result.nameVariants.falseNegatives).toBe(4);
    expect(result.allKinds.truePositives + result.allKinds.falseNegatives).toBe(5);
    expect(result.byKind.rename_or_brand.matched).toBe(0);
    expect(result.hardNegatives.pairs).toBeGreaterThan(0);
  });
});
