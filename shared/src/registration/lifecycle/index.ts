/**
 * The deal registration lifecycle: its events and effects as schemas, the pure transition, and the
 * protection helpers the UIs show ("Protected until 2027-02-22, 12 days left.").
 */
export * from './registration-event.js';
export * from './registration-effect.js';
export { REGISTRATION_EVENT_SOURCES, registrationEventTypes } from './allowed-events.js';
export { transitionRegistration } from './transition.js';
export type { RegistrationTransition, RegistrationTransitionContext } from './transition-types.js';
export { extendProtection, extensionWindow, protectionLength, startProtection } from './protection.js';
export { extensionEligibility, type ExtensionOpening } from './extension-eligibility.js';
export * from './protection-status.js';
