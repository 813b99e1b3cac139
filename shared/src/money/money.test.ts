import fc from 'fast-check';
import { currencyCodes, currencyExponent, isCurrencyCode } from './currencies.js';
import { compareMoney, formatMoney, money, MoneySchema } from './money.js';

describe('currencies', () => {
  it('knows the minor units of ISO 4217 currencies', () => {
    expect([
      currencyExponent('USD'),
      currencyExponent('JPY'),
      currencyExponent('KWD'),
      currencyExponent('CLF'),
    ]).toEqual([2, 0, 3, 4]);
  });

  it('accepts circulating codes and refuses others', () => {
    expect(['EUR', 'GBP', 'XOF', 'ZWG', 'XCG'].every(isCurrencyCode)).toBe(true);
    expect(['XXX', 'XAU', 'usd', 'US', 'HRK'].some(isCurrencyCode)).toBe(false);
  });

  it('lists codes sorted and without repeats', () => {
    const codes = currencyCodes();
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(codes.length).toBeGreaterThan(150);
  });

  it('throws for an unknown code, which the boundary should have refused', () => {
    expect(() => currencyExponent('ABC')).toThrow('Unknown currency code: ABC');
  });
});

describe('money', () => {
  it('formats exactly, with the currency minor digits', () => {
    expect(formatMoney({ amount: 4_200_000, currency: 'USD' })).toBe('42,000.00 USD');
    expect(formatMoney({ amount: 5, currency: 'USD' })).toBe('0.05 USD');
    expect(formatMoney({ amount: -123_456, currency: 'EUR' })).toBe('-1,234.56 EUR');
    expect(formatMoney({ amount: 1_000_000, currency: 'JPY' })).toBe('1,000,000 JPY');
    expect(formatMoney({ amount: 1_500, currency: 'KWD' })).toBe('1.500 KWD');
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('90,071,992,547,409.91 USD');
  });

  it('formatting round-trips to the same minor units', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const text = formatMoney({ amount, currency });
        const digits = text.split(' ')[0]!.replace(/[,.]/g, '');
        expect(BigInt(digits)).toBe(BigInt(amount));
      }),
    );
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'USD')).toThrow('Money amounts are integer minor units.');
    expect(MoneySchema.safeParse({ amount: 10.5, currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 10, currency: 'USD' }).success).toBe(true);
  });

  it('compares amounts of one currency and refuses to compare two', () => {
    expect(compareMoney(money(5, 'USD'), money(7, 'USD'))).toBeLessThan(0);
    expect(() => compareMoney(money(5, 'USD'), money(5, 'EUR'))).toThrow('without an exchange rate');
  });
});
