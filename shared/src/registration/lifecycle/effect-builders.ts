import type { ProtectedRegistration, Registration } from '../registration.js';
import type {
  ProtectionRelease,
  RegistrationEffect,
  RegistrationNotice,
  RegistrationRecipient,
} from './registration-effect.js';

/** A `notify` effect about a registration. */
export function notify(
  registration: Registration,
  recipient: RegistrationRecipient,
  notice: RegistrationNotice,
  message: string,
): RegistrationEffect {
  return {
    type: 'notify',
    registrationId: registration.id,
    partnerId: registration.partnerId,
    recipient,
    notice,
    message,
  };
}

/** At approval: link the registration's opportunity, or create one for its customer when there is none. */
export function opportunityEffect(registration: Registration): RegistrationEffect {
  const about = { registrationId: registration.id, partnerId: registration.partnerId };
  if (registration.opportunityId !== null) {
    return { type: 'link_opportunity', ...about, opportunityId: registration.opportunityId };
  }
  const { customer, amount, expectedCloseDate, products } = registration.details;
  return {
    type: 'create_opportunity',
    ...about,
    customer: { ...customer },
    ...(amount === undefined ? {} : { amount: { ...amount } }),
    ...(expectedCloseDate === undefined ? {} : { expectedCloseDate }),
    products: [...products],
  };
}

/** Show a protected registration's window on its opportunity. */
export function setProtection(registration: ProtectedRegistration): RegistrationEffect {
  return {
    type: 'set_protection',
    registrationId: registration.id,
    partnerId: registration.partnerId,
    opportunityId: registration.opportunityId,
    startsOn: registration.protection.startsOn,
    endsOn: registration.protection.endsOn,
  };
}

/** Clear the window of a registration that no longer protects its deal. */
export function releaseProtection(registration: ProtectedRegistration, reason: ProtectionRelease): RegistrationEffect {
  return {
    type: 'release_protection',
    registrationId: registration.id,
    partnerId: registration.partnerId,
    opportunityId: registration.opportunityId,
    reason,
  };
}
