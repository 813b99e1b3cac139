/**
 * @conduit/core: Conduit's domain core. Pure TypeScript: no I/O, no wall clock, no unseeded randomness.
 * Time, ids and data come in through ports and arguments.
 */
export * from './common/index.js';
export * from './entities/index.js';
export * from './geo/index.js';
export * from './money/index.js';
export * from './ports/index.js';
export * from './program/index.js';
export * from './result/index.js';
export * from './time/index.js';
export * from './trace/index.js';
export * from './matching/index.js';
export * from './mdf/index.js';
export * from './tiers/index.js';
export * from './registration/index.js';
export * from './routing/index.js';
export * from './partner-lifecycle/index.js';
export * from './analytics/index.js';
