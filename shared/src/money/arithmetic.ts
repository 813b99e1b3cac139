import type { CurrencyCode, Money } from './money.js';

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`Cannot combine ${a.currency} with ${b.currency} without an exchange rate.`);
  }
}

function checked(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new Error('Money amount exceeds the safe integer range.');
  return { amount, currency };
}

/** Zero in a currency. @example zeroMoney('EUR') // { amount: 0, currency: 'EUR' } */
export function zeroMoney(currency: CurrencyCode): Money {
  return { amount: 0, currency };
}

/**
 * The sum of two amounts of one currency. Throws on mixed currencies or on an amount beyond the safe
 * integer range (both bugs: callers convert first and validate amounts at the boundary).
 *
 * @example addMoney(money(150, 'USD'), money(250, 'USD')) // { amount: 400, currency: 'USD' }
 */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.amount + b.amount, a.currency);
}

/** `a - b`, both of one currency. @example subtractMoney(money(400, 'USD'), money(150, 'USD')) // 250 USD */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.amount - b.amount, a.currency);
}

/** The sum of amounts of one currency; zero in `currency` for an empty list. */
export function sumMoney(values: readonly Money[], currency: CurrencyCode): Money {
  return values.reduce(addMoney, zeroMoney(currency));
}

/** The amount with its sign changed. */
export function negateMoney(value: Money): Money {
  return { amount: value.amount === 0 ? 0 : -value.amount, currency: value.currency };
}

/** The smaller of two amounts of one currency. */
export function minMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return a.amount <= b.amount ? a : b;
}

/** The larger of two amounts of one currency. */
export function maxMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return a.amount >= b.amount ? a : b;
}

/** Whether two amounts are equal in amount and currency. */
export function equalMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

/** Whether the amount is zero. */
export function isZeroMoney(value: Money): boolean {
  return value.amount === 0;
}
