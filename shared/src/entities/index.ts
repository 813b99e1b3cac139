export * from './account.js';
export * from './deal.js';
export * from './lead.js';
export * from './partner.js';
