export * from './allocate.js';
export * from './arithmetic.js';
export * from './currencies.js';
export * from './exchange.js';
export * from './money.js';
export * from './percentage.js';
export * from './rounding.js';
