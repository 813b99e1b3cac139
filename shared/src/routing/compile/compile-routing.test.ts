import fc from 'fast-check';
import { demoProgram, partner } from '../test-support/fixtures.js';
import { compileRouting } from './compile-routing.js';
import { copyInto, differenceInto, intersectInto, intersectUnionInto, PartnerBits } from './partner-bits.js';
import { PostalPrefixTrie } from './postal-prefix-trie.js';

const WORDS = 4;
const positions = fc.uniqueArray(fc.nat(WORDS * 32 - 1), { maxLength: 40 });

/** A set with old bits left outside its range, as reused candidate sets have. */
function reused(values: readonly number[], noise: readonly number[]): PartnerBits {
  const bits = PartnerBits.of(WORDS, noise);
  bits.clear();
  for (const value of values) bits.add(value);
  return bits;
}

describe('compiled routing', () => {
  it('set operations on partner bits agree with sets of positions, whatever old bits lie outside the range', () => {
    fc.assert(
      fc.property(positions, positions, positions, positions, (a, b, c, noise) => {
        const [left, right, other] = [reused(a, noise), PartnerBits.of(WORDS, b), PartnerBits.of(WORDS, c)];
        const out = reused([], noise);
        const sorted = (values: Iterable<number>) => [...values].sort((x, y) => x - y);

        expect(intersectInto(out, left, right)).toBe(a.some((value) => b.includes(value)));
        expect(out.positions()).toEqual(sorted(a.filter((value) => b.includes(value))));
        intersectUnionInto(out, left, right, other);
        expect(out.positions()).toEqual(sorted(a.filter((value) => b.includes(value) || c.includes(value))));
        differenceInto(out, left, right);
        expect(out.positions()).toEqual(sorted(a.filter((value) => !b.includes(value))));
        expect(out.count()).toBe(a.filter((value) => !b.includes(value)).length);
        copyInto(out, left);
        expect(out.positions()).toEqual(sorted(a));
        expect(a.every((value) => out.has(value)) && noise.every((value) => out.has(value) === a.includes(value))).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('finds the partners whose postal prefixes start a code, the longest and the shorter ones', () => {
    const trie = new PostalPrefixTrie([['80'], ['8', 'SW1'], ['803'], [' - '], ['75']]);

    expect([...(trie.lookup('80331') ?? [])]).toEqual([0, 1, 2]);
    expect([...(trie.lookup('8 1-000') ?? [])]).toEqual([1]);
    expect([...(trie.lookup('sw1a 1aa') ?? [])]).toEqual([1]);
    expect(trie.lookup('99999')).toBeNull();
  });

  it('compiles once per program and partner list, and refuses partners listed twice', () => {
    const program = demoProgram();
    const partners = [partner('p1'), partner('p2')];

    expect(compileRouting(program, partners)).toBe(compileRouting(program, partners));
    expect(compileRouting(program, [...partners])).not.toBe(compileRouting(program, partners));
    expect(() => compileRouting(program, [partner('p1'), partner('p1')])).toThrow(
      'Partner ids must be unique: p1 appears twice.',
    );
  });
});
