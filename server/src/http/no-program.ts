import type { Program } from '@conduit/core';
import type { TenantStore } from '../store/tenant-store.js';

/** Thrown when a tenant has no published program yet: nothing can be decided without one. */
export class NoProgramError extends Error {
  constructor() {
    super('No program is published for this tenant yet: publish one with PUT /api/v1/program.');
  }
}

/** The tenant's program in force, or NoProgramError. */
export async function programInForce(store: TenantStore): Promise<Program> {
  const current = await store.programs.current();
  if (!current) throw new NoProgramError();
  return current.program;
}
