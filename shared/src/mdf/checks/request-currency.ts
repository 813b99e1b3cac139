import { findExchangeRate, type ExchangeRate, type ExchangeRateTable } from '../../money/exchange.js';
import type { CurrencyCode } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { mdfCurrencies } from '../policy/terms.js';
import { failed, passed, type MdfCheck } from './check.js';

/** The currency check, with the exchange rate to the allocation's currency when the two differ. */
export interface MdfCurrencyCheck extends MdfCheck {
  rate: ExchangeRate | null;
}

/**
 * Currency: a request is in the program's currency or one of its `additionalCurrencies`, and when that
 * is not the allocation's currency, the rates table lists the rate to it. Issues `currency_not_allowed`,
 * `exchange_rate_missing`.
 */
export function checkRequestCurrency(
  program: Program,
  currency: CurrencyCode,
  allocationCurrency: CurrencyCode,
  rates: ExchangeRateTable,
): MdfCurrencyCheck {
  const rule = 'currency';
  const allowed = mdfCurrencies(program);
  const facts = { currency, allocationCurrency, allowed };
  if (!allowed.includes(currency)) {
    const message = `Requests may be in ${allowed.join(', ')}, not ${currency}.`;
    return {
      ...failed(rule, message, facts, issue(['requestedAmount', 'currency'], 'currency_not_allowed', message)),
      rate: null,
    };
  }
  if (currency === allocationCurrency) {
    return { ...passed(rule, `The request is in ${currency}, the allocation's currency.`, facts), rate: null };
  }
  const rate = findExchangeRate(rates, currency, allocationCurrency);
  if (!rate) {
    const message = `The allocation is in ${allocationCurrency} and no rate from ${currency} to ${allocationCurrency} is listed for ${rates.asOf}.`;
    return {
      ...failed(
        rule,
        message,
        { ...facts, ratesAsOf: rates.asOf },
        issue(['requestedAmount', 'currency'], 'exchange_rate_missing', message),
      ),
      rate: null,
    };
  }
  const message = `The request is in ${currency}; it converts to the allocation's ${allocationCurrency} at ${rate.rate} (rates of ${rates.asOf}).`;
  return { ...passed(rule, message, { ...facts, rate: rate.rate, ratesAsOf: rates.asOf }), rate };
}
