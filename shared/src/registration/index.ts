export * from './conflicts/index.js';
export * from './lifecycle/index.js';
export * from './policy/index.js';
export * from './ports.js';
export * from './registration.js';
export * from './use-cases/index.js';
