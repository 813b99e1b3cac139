import { convertWithRate, findExchangeRate, type ExchangeRate, type ExchangeRateTable } from '../../money/exchange.js';
import type { Money } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';

/**
 * Converts an amount of the request's currency to the allocation's with the rate fixed for the request
 * (none when the currencies are one), rounding half to even.
 */
export function toLedger(amount: Money, rate: ExchangeRate | null): Money {
  return rate === null ? amount : convertWithRate(amount, rate, 'half_even');
}

/**
 * The funds of a decision in the program currency, for approval levels: the request's own amount when
 * it is in the program currency, else the allocation's, else the allocation's converted with the table;
 * `undefined` when the table lacks that rate.
 */
export function inProgramCurrency(
  program: Program,
  funds: Money,
  ledgerAmount: Money,
  rates: ExchangeRateTable,
): Money | undefined {
  if (funds.currency === program.currency) return funds;
  if (ledgerAmount.currency === program.currency) return ledgerAmount;
  const rate = findExchangeRate(rates, ledgerAmount.currency, program.currency);
  return rate ? convertWithRate(ledgerAmount, rate, 'half_even') : undefined;
}
