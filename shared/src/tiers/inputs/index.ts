export * from './approved-registration.js';
export * from './custom-metric-value.js';
export * from './partner-tier-inputs.js';
export * from './satisfaction-score.js';
export * from './won-deal.js';
