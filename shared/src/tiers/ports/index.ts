export * from './tier-inputs-source.js';
export * from './tier-proposal-repository.js';
export * from './tier-standing-repository.js';
