export * from './check-conflicts.js';
export * from './conflict-context.js';
export * from './judge-match.js';
