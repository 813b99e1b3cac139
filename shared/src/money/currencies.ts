/**
 * ISO 4217 currencies in circulation, with their minor-unit exponent (digits after the decimal point).
 * Funds (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW) are included because CRMs carry them; precious
 * metals and test codes (XAU, XTS, XXX, …) are not money and are left out.
 */
// prettier-ignore
const EXPONENT_OTHER_THAN_TWO: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const TWO_DIGIT_CODES = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD
CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA
MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR
RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD
TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG
`
  .trim()
  .split(/\s+/);

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...TWO_DIGIT_CODES.map((code): [string, number] => [code, 2]),
  ...Object.entries(EXPONENT_OTHER_THAN_TWO),
]);

/** Whether `code` is an ISO 4217 currency code Conduit accepts for money. */
export function isCurrencyCode(code: string): boolean {
  return EXPONENTS.has(code);
}

/**
 * The number of minor-unit digits of a currency: 2 for USD (cents), 0 for JPY, 3 for KWD.
 * Throws for an unknown code: callers validate codes at the boundary first.
 *
 * @example currencyExponent('JPY') // 0
 */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new Error(`Unknown currency code: ${code}`);
  return exponent;
}

/** Every accepted currency code, sorted. */
export function currencyCodes(): string[] {
  return [...EXPONENTS.keys()].sort();
}
