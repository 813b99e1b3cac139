import fc from 'fast-check';
import { convertMoney, convertWithRate, ExchangeRateTableSchema, type ExchangeRateTable } from './exchange.js';
import { money } from './money.js';

const table: ExchangeRateTable = {
  asOf: '2026-11-24',
  rates: [
    { from: 'EUR', to: 'USD', rate: '1.0845' },
    { from: 'USD', to: 'JPY', rate: '151.25' },
    { from: 'KWD', to: 'USD', rate: '3.25' },
  ],
};

describe('exchange', () => {
  it('converts with the listed rate, scaling between minor units', () => {
    expect(convertMoney(money(10_000, 'EUR'), 'USD', table)).toEqual({ success: true, data: money(10_845, 'USD') });
    expect(convertMoney(money(100, 'USD'), 'JPY', table)).toEqual({ success: true, data: money(151, 'JPY') }); // 151.25
    expect(convertMoney(money(1_500, 'KWD'), 'USD', table)).toEqual({ success: true, data: money(488, 'USD') }); // 4.875
    expect(convertMoney(money(42, 'USD'), 'USD', table)).toEqual({ success: true, data: money(42, 'USD') });
  });

  it('rounds half to even unless told otherwise', () => {
    const rate = { from: 'EUR', to: 'USD', rate: '0.5' };
    expect([1, 3, 5, -1, -3].map((amount) => convertWithRate(money(amount, 'EUR'), rate).amount)).toEqual([
      0, 2, 2, 0, -2,
    ]);
    expect(convertWithRate(money(1, 'EUR'), rate, 'floor').amount).toBe(0);
    expect(convertWithRate(money(1, 'EUR'), rate, 'ceiling').amount).toBe(1);
  });

  it('uses only pairs listed explicitly: never inverts or chains rates', () => {
    expect(convertMoney(money(10_845, 'USD'), 'EUR', table)).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "exchange_rate_missing",
      "message": "No exchange rate from USD to EUR is listed for 2026-11-24: add that pair to the rates table.",
      "path": [
        "currency",
      ],
    },
  ],
  "success": false,
}
`);
    expect(convertMoney(money(100, 'EUR'), 'JPY', table).success).toBe(false);
  });

  it('throws when handed a rate for another currency (a bug)', () => {
    expect(() => convertWithRate(money(1, 'GBP'), { from: 'EUR', to: 'USD', rate: '1' })).toThrow(
      'The rate converts EUR, not GBP.',
    );
  });

  it('refuses malformed tables', () => {
    const codes = (input: unknown) => {
      const parsed = ExchangeRateTableSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((found) => found.path.join('.'));
    };
    expect(codes(table)).toEqual([]);
    expect(codes({ ...table, rates: [...table.rates, { from: 'EUR', to: 'USD', rate: '1.1' }] })).toEqual(['rates.3']);
    expect(codes({ asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'EUR', rate: '1' }] })).toEqual(['rates.0.to']);
    expect(codes({ asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: '0.000' }] })).toEqual(['rates.0.rate']);
    expect(codes({ asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: 1.08 }] })).toEqual(['rates.0.rate']);
  });

  it('is monotone: more money never converts to less', () => {
    const rates = fc
      .tuple(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, decimals]) => {
        const text = String(digits).padStart(decimals + 1, '0');
        return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
      });
    fc.assert(
      fc.property(rates, fc.nat(2 ** 30), fc.nat(2 ** 20), (rate, amount, more) => {
        const exchange = { from: 'EUR', to: 'JPY', rate };
        const less = convertWithRate(money(amount, 'EUR'), exchange);
        const larger = convertWithRate(money(amount + more, 'EUR'), exchange);
        expect(larger.amount).toBeGreaterThanOrEqual(less.amount);
      }),
    );
  });
});
