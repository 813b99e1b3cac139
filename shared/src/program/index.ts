export * from './describe/index.js';
export * from './messages/schema-issues.js';
export * from './parse-program.js';
export * from './program-json-schema.js';
export * from './schema/index.js';
