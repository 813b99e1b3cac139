/*
 * Records for the job tests, written through the tenant's store the way the workflows write them: partners,
 * approved registrations whose protection has ended, leads offered to a partner past their SLA, won deals.
 */
import {
  parseProgram,
  type Certification,
  type Deal,
  type Lead,
  type OfferedLead,
  type Partner,
  type Program,
  type Registration,
} from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { tenantStore, type TenantStore } from '../../store/tenant-store.js';
import { ensureTenant } from '../../store/tenants.js';
import { demoProgram } from '../../test-support/test-server.js';
import type { JobCounts, JobProgress } from '../job-runner.js';

/** A sales certification for every product, earned long ago. */
export const SALES_CERTIFICATION: Certification = {
  type: 'sales-professional',
  earnedOn: '2025-01-15',
  expiresOn: null,
};

/** An active partner in the United States, of a tier, certified (for every product, unless told otherwise). */
export function partner(
  id: string,
  tierId: string | null,
  certifications: Certification[] = [SALES_CERTIFICATION],
): Partner {
  return {
    id,
    name: `Partner ${id}`,
    status: 'active',
    tierId,
    specializationIds: [],
    country: 'US',
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications,
    version: 0,
  };
}

/** A registration approved on 2026-06-01 whose protection ends on `endsOn` (approved, or awaiting an extension). */
export function approvedRegistration(
  id: string,
  partnerId: string,
  endsOn: string,
  status: 'approved' | 'extension_requested' = 'approved',
): Registration {
  const approved = {
    id,
    partnerId,
    details: {
      customer: { name: `Customer of ${id}`, country: 'US' },
      contact: { name: 'Jane Doe', email: 'jane@example.com' },
      amount: { amount: 5_000_000, currency: 'USD' },
      products: ['platform'],
    },
    opportunityId: null,
    createdAt: '2026-05-20T09:00:00.000Z',
    submittedAt: '2026-05-20T10:00:00.000Z',
    conflict: { verdict: 'clear' as const, checkedAt: '2026-05-20T10:00:00.000Z', matches: 0 },
    decidedBy: 'manager-1',
    decidedAt: '2026-06-01T10:00:00.000Z',
    protection: { startsOn: '2026-06-01', endsOn, extensions: 0 },
    version: 0,
  };
  return status === 'approved'
    ? { ...approved, status: 'approved' }
    : {
        ...approved,
        status: 'extension_requested',
        extensionRequestedAt: '2026-08-20T10:00:00.000Z',
        extensionReason: 'The customer moved the signature.',
      };
}

/** A lead in the United States for the platform product. */
export function lead(id: string, createdAt = '2026-11-01T09:00:00.000Z'): Lead {
  return { id, createdAt, company: `Company ${id}`, country: 'US', language: 'en', product: 'platform', version: 0 };
}

/** A lead's offer to a partner, due at `dueAt`, its `attempts`-th. */
export function offer(leadId: string, partnerId: string, dueAt: string, attempts = 1): OfferedLead {
  const history =
    attempts > 1
      ? Array.from({ length: attempts - 1 }, (_, index) => ({
          kind: 'expired' as const,
          partnerId: `p-earlier-${index + 1}`,
          attempt: index + 1,
          via: 'strategy' as const,
          offeredAt: '2026-11-02T09:00:00.000Z',
          dueAt: '2026-11-03T09:00:00.000Z',
          at: '2026-11-03T09:00:00.000Z',
        }))
      : [];
  return {
    status: 'offered',
    leadId,
    accountId: null,
    attempts,
    history,
    partnerId,
    via: 'strategy',
    manual: null,
    offeredAt: new Date(Date.parse(dueAt) - 24 * 3600 * 1000).toISOString(),
    dueAt,
  };
}

/** A deal a partner sourced and won, in US dollars (cents). */
export function wonDeal(id: string, partnerId: string, cents: number, closedOn: string): Deal {
  return {
    id,
    name: `Deal ${id}`,
    accountId: `account-${id}`,
    amount: { amount: cents, currency: 'USD' },
    products: ['platform'],
    createdAt: `${closedOn}T00:00:00Z`,
    partnerId,
    partnerRole: 'sourced',
    registrationId: null,
    stage: 'won',
    closedOn,
    version: 0,
  };
}

/** Saves new records, failing loudly on a refusal. */
export async function created<T extends { id: string; version: number }>(
  repository: {
    save(
      record: T,
      expectation: { expectedVersion: null },
    ): Promise<{ success: boolean; issues?: { message: string }[] }>;
  },
  records: readonly T[],
): Promise<void> {
  for (const record of records) {
    const saved = await repository.save(record, { expectedVersion: null });
    if (!saved.success) throw new Error(saved.issues?.[0]?.message ?? `Could not save ${record.id}.`);
  }
}

/** Offers leads (creating the leads) as routing would have: their distributions, through the routing store. */
export async function offered(store: TenantStore, offers: readonly OfferedLead[]): Promise<void> {
  await store.transaction(async (transaction) => {
    await created(
      transaction.leads,
      offers.map((found) => lead(found.leadId)),
    );
    const committed = await transaction.routing.commit({
      distributions: offers.map((record) => ({ record, expectedVersion: null })),
    });
    if (!committed.success) throw new Error(committed.issues[0]!.message);
  });
}

/**
 * The demo program made for the job tests: no capacity caps (a few partners take many leads) and SLAs
 * counted in calendar hours (a re-offer is due a day later whatever the day of the week).
 */
export function jobsProgram(schedules: Partial<Program['schedules']> = {}): Program {
  const program = demoProgram();
  const parsed = parseProgram({
    ...program,
    routing: {
      ...program.routing,
      capacity: { ...program.routing.capacity, perPartner: null, perTier: [] },
      offers: { ...program.routing.offers, slaClock: 'calendar_hours' },
    },
    schedules: { ...program.schedules, ...schedules },
  });
  if (!parsed.success) throw new Error(parsed.issues[0]!.message);
  return parsed.data;
}

/** Creates a tenant with a program published, and returns its store. */
export async function tenantWithProgram(db: Kysely<Database>, id: string, program: Program): Promise<TenantStore> {
  await ensureTenant(db, { id, name: `Tenant ${id}` });
  const store = tenantStore(db, id);
  const published = await store.programs.publish(program, { expectedVersion: null });
  if (!published.success) throw new Error(published.issues[0]!.message);
  return store;
}

/** A run's progress that keeps what it was told, committed or not, and can fail on the n-th item (a crash). */
export function recordingProgress(failOnItem?: number): JobProgress & { reports: JobCounts[] } {
  const reports: JobCounts[] = [];
  return {
    reports,
    add(_store, counts) {
      reports.push(counts);
      if (failOnItem !== undefined && reports.length === failOnItem)
        return Promise.reject(new Error('The process died in the middle of the batch.'));
      return Promise.resolve();
    },
  };
}

/** The audit entries of a decision, by subject id. */
export async function auditCounts(
  db: Kysely<Database>,
  tenantId: string,
  decision: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['subject_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('tenant_id', '=', tenantId)
    .where('decision', '=', decision)
    .groupBy('subject_id')
    .execute();
  return new Map(rows.map((row) => [row.subject_id, Number(row.count)]));
}
