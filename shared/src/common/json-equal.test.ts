import fc from 'fast-check';
import { jsonEqual } from './json-equal.js';

describe('jsonEqual', () => {
  it('ignores the order of object keys', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, { d: 'x' }] } }, { b: { c: [1, { d: 'x' }] }, a: 1 })).toBe(true);
  });

  it('tells different values apart, including array order and missing keys', () => {
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: null }, { a: 0 })).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('agrees with a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonEqual(value as never, JSON.parse(JSON.stringify(value)) as never)).toBe(true);
      }),
    );
  });
});
