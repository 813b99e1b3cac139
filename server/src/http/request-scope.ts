import type { Clock } from '@conduit/core';
import type { FastifyRequest } from 'fastify';
import type { TenantStore } from '../store/tenant-store.js';

/** What a request may touch: its tenant's store, the time it is handled at, and who asks. */
export interface RequestScope {
  tenantId: string;
  store: TenantStore;
  clock: Clock;
  /** Who made the request, from the `X-Conduit-Actor` header (a CRM user id), for the audit log. */
  actor: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    scope: RequestScope | undefined;
  }
}

/** The scope of an authenticated request; the authentication hook guarantees it on /api routes. */
export function scopeOf(request: FastifyRequest): RequestScope {
  if (!request.scope) throw new Error('This route needs an authenticated request.');
  return request.scope;
}
