import * as z from 'zod';
import { currencyExponent, isCurrencyCode } from './currencies.js';

/** An ISO 4217 currency code such as `USD` or `EUR`. */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, {
    error: 'must be a three-letter ISO 4217 currency code in capitals, such as USD',
    abort: true,
  })
  .refine(isCurrencyCode, {
    error: 'is not an ISO 4217 currency code in circulation',
    params: { code: 'unknown_currency' },
  });
export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;

/**
 * An amount of money: an integer number of minor units (cents for USD, yen for JPY) with its currency.
 * Never a float.
 *
 * @example { amount: 12_500_00, currency: 'USD' } // $12,500.00
 */
export const MoneySchema = z.strictObject({
  amount: z.int(),
  currency: CurrencyCodeSchema,
});
export type Money = z.infer<typeof MoneySchema>;

/** Money that cannot be negative: prices, thresholds, budgets. */
export const NonNegativeMoneySchema = z.strictObject({
  amount: z.int().min(0),
  currency: CurrencyCodeSchema,
});

/** Builds money from minor units; throws on a non-integer amount (a bug, not a business failure). */
export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new Error('Money amounts are integer minor units.');
  return { amount, currency };
}

/**
 * Writes money exactly, without floating point, as a person reads it in a message:
 * grouped thousands, the currency's minor digits and its code.
 *
 * @example formatMoney({ amount: 4_200_000, currency: 'USD' }) // '42,000.00 USD'
 */
export function formatMoney(value: Money): string {
  const exponent = currencyExponent(value.currency);
  const digits = Math.abs(value.amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value.amount < 0 ? '-' : '';
  return `${sign}${grouped}${exponent > 0 ? `.${fraction}` : ''} ${value.currency}`;
}

/** Compares two amounts of the same currency: negative, zero or positive. Throws on mixed currencies. */
export function compareMoney(a: Money, b: Money): number {
  if (a.currency !== b.currency) {
    throw new Error(`Cannot compare ${a.currency} with ${b.currency} without an exchange rate.`);
  }
  return a.amount - b.amount;
}
