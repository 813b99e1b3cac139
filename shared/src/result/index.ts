export * from './issue.js';
export * from './result.js';
