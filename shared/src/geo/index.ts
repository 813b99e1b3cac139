export * from './schemas.js';
export * from './territory-codes.js';
