export * from './schemas.js';
export * from './json-equal.js';
