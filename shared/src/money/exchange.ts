import * as z from 'zod';
import { issue } from '../result/issue.js';
import { fail, ok, type Result } from '../result/result.js';
import { CalendarDateSchema } from '../time/calendar-date.js';
import { currencyExponent } from './currencies.js';
import { CurrencyCodeSchema, type CurrencyCode, type Money } from './money.js';
import { divideRounded, toSafeInteger, type RoundingMode } from './rounding.js';

/** A positive decimal written as text so that it is exact: `"1.0845"`, at most 12 decimals. */
export const DecimalRateSchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,12})?$/, { error: 'must be a positive decimal written as text, such as "1.0845"' })
  .refine((text) => /[1-9]/.test(text), { error: 'must be more than 0', params: { code: 'too_small' } });

/**
 * One explicit exchange rate: one unit of `from` is worth `rate` units of `to`.
 *
 * @example { from: 'EUR', to: 'USD', rate: '1.0845' } // €1 = $1.0845
 */
export const ExchangeRateSchema = z
  .strictObject({ from: CurrencyCodeSchema, to: CurrencyCodeSchema, rate: DecimalRateSchema })
  .refine((rate) => rate.from !== rate.to, {
    error: 'must convert between two different currencies',
    params: { code: 'same_currency' },
    path: ['to'],
  });
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

/**
 * The exchange rates in force on a date, stated explicitly pair by pair: a conversion uses the pair
 * exactly as listed and is never inverted or chained through a third currency, so every converted
 * amount can be traced to one published rate.
 */
export const ExchangeRateTableSchema = z
  .strictObject({ asOf: CalendarDateSchema, rates: z.array(ExchangeRateSchema) })
  .superRefine((table, context) => {
    const seen = new Set<string>();
    table.rates.forEach((rate, index) => {
      const pair = `${rate.from}>${rate.to}`;
      if (seen.has(pair)) {
        context.addIssue({
          code: 'custom',
          path: ['rates', index],
          message: `repeats the rate from ${rate.from} to ${rate.to}`,
          params: { code: 'duplicate_value' },
          input: rate,
        });
      }
      seen.add(pair);
    });
  });
export type ExchangeRateTable = z.infer<typeof ExchangeRateTableSchema>;

/** The rate from one currency to another listed in the table, if any. */
export function findExchangeRate(
  table: ExchangeRateTable,
  from: CurrencyCode,
  to: CurrencyCode,
): ExchangeRate | undefined {
  return table.rates.find((rate) => rate.from === from && rate.to === to);
}

/**
 * Converts money with one rate, exactly: `amount × rate`, scaled between the two currencies' minor
 * units, then rounded once to a whole minor unit with `rounding` (half-even unless stated). Throws when
 * the rate does not start from the money's currency (a bug).
 *
 * @example convertWithRate({ amount: 10_000, currency: 'EUR' }, { from: 'EUR', to: 'JPY', rate: '162.5' }, 'half_even')
 * // { amount: 16_250, currency: 'JPY' }
 */
export function convertWithRate(value: Money, rate: ExchangeRate, rounding: RoundingMode = 'half_even'): Money {
  if (value.currency !== rate.from) throw new Error(`The rate converts ${rate.from}, not ${value.currency}.`);
  const [whole, fraction = ''] = rate.rate.split('.');
  const rateNumerator = BigInt(`${whole}${fraction}`);
  const fromExponent = currencyExponent(rate.from);
  const toExponent = currencyExponent(rate.to);
  const numerator = BigInt(value.amount) * rateNumerator * 10n ** BigInt(toExponent);
  const denominator = 10n ** BigInt(fraction.length + fromExponent);
  return { amount: toSafeInteger(divideRounded(numerator, denominator, rounding)), currency: rate.to };
}

/**
 * Converts money to another currency with the table's rate for that pair; the same currency converts
 * to itself. A pair missing from the table is an expected failure: issue `exchange_rate_missing`.
 *
 * @example convertMoney(money(10_000, 'EUR'), 'USD', table) // { success: true, data: { amount: 10_845, currency: 'USD' } }
 */
export function convertMoney(
  value: Money,
  to: CurrencyCode,
  table: ExchangeRateTable,
  rounding: RoundingMode = 'half_even',
): Result<Money> {
  if (value.currency === to) return ok(value);
  const rate = findExchangeRate(table, value.currency, to);
  if (!rate) {
    return fail([
      issue(
        ['currency'],
        'exchange_rate_missing',
        `No exchange rate from ${value.currency} to ${to} is listed for ${table.asOf}: add that pair to the rates table.`,
      ),
    ]);
  }
  return ok(convertWithRate(value, rate, rounding));
}
