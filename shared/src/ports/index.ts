export * from './clock.js';
export * from './id-generator.js';
export * from './program-repository.js';
export * from './repositories.js';
export * from './repository.js';
