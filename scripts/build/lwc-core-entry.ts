/**
 * Entry of the `c/conduitCore` Lightning module: the domain core, unchanged, with zod set to never
 * generate code (Lightning Web Security forbids the `Function` constructor). The configuration module
 * is imported first so that it runs before any schema of the core is built.
 */
import './zod-jitless.js';

export * from '@conduit/core';
