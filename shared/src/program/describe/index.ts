export * from './describe-criterion.js';
