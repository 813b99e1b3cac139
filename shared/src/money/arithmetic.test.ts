import {
  addMoney,
  equalMoney,
  maxMoney,
  minMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './arithmetic.js';
import { money } from './money.js';

describe('money arithmetic', () => {
  it('adds, subtracts and sums amounts of one currency', () => {
    expect(addMoney(money(150, 'USD'), money(250, 'USD'))).toEqual(money(400, 'USD'));
    expect(subtractMoney(money(150, 'USD'), money(250, 'USD'))).toEqual(money(-100, 'USD'));
    expect(sumMoney([money(1, 'EUR'), money(2, 'EUR'), money(3, 'EUR')], 'EUR')).toEqual(money(6, 'EUR'));
    expect(sumMoney([], 'JPY')).toEqual(zeroMoney('JPY'));
  });

  it('compares and negates', () => {
    expect(minMoney(money(5, 'USD'), money(7, 'USD'))).toEqual(money(5, 'USD'));
    expect(maxMoney(money(5, 'USD'), money(7, 'USD'))).toEqual(money(7, 'USD'));
    expect(negateMoney(money(5, 'USD'))).toEqual(money(-5, 'USD'));
    expect(Object.is(negateMoney(money(0, 'USD')).amount, 0)).toBe(true);
    expect(equalMoney(money(5, 'USD'), money(5, 'EUR'))).toBe(false);
  });

  it('refuses to mix currencies or leave the safe integer range (bugs, so it throws)', () => {
    expect(() => addMoney(money(5, 'USD'), money(5, 'EUR'))).toThrow('without an exchange rate');
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), money(1, 'USD'))).toThrow('safe integer range');
  });
});
