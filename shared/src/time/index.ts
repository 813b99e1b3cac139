export * from './calendar-date.js';
export * from './day-number.js';
export * from './fiscal-calendar.js';
export * from './fiscal-period.js';
export * from './instant.js';
export * from './period.js';
export * from './time-zone.js';
