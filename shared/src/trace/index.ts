export * from './decision-trace.js';
