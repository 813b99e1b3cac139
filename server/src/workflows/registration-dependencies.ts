import { conflictContextFromRepositories, type Clock, type RegistrationDependencies } from '@conduit/core';
import { programInForce } from '../http/no-program.js';
import type { TenantStore } from '../store/tenant-store.js';
import { uuidIds } from './ids.js';

/** The registration use cases' ports over a tenant's store. */
export function registrationDependencies(store: TenantStore, clock: Clock): RegistrationDependencies {
  return {
    registrations: store.registrations,
    partners: store.partners,
    candidates: conflictContextFromRepositories(
      store.registrations,
      { accounts: store.accounts, deals: store.deals, partners: store.partners },
      clock,
    ),
    program: () => programInForce(store),
    clock,
    ids: uuidIds,
  };
}
