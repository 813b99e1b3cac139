import type {
  Money,
  Partner,
  PartnerRole,
  PartnerStatus,
  PartnerTierInputs,
  TierApprovedRegistration,
  TierCustomMetricValue,
  TierInputsQuery,
  TierInputsSource,
  TierSatisfactionScore,
  TierWonDeal,
} from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import { DEALS, PARTNERS, REGISTRATIONS } from '../records/kinds.js';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { CUSTOM_METRIC_VALUES, SATISFACTION_SCORES } from './kinds.js';

/**
 * The partners a tier program evaluates: those admitted to it, including suspended ones (they keep a
 * tier while suspended). Applicants, rejected applicants and offboarded partners hold no tier.
 */
export const TIER_PARTNER_STATUSES: readonly PartnerStatus[] = ['approved', 'onboarding', 'active', 'suspended'];

/** Registration states reached through an approval: each counts once, on the day it was approved. */
const APPROVED_STATUSES = ['approved', 'extension_requested', 'won', 'lost', 'expired'] as const;

/** How many partners a page holds; their deals, registrations, scores and values are fetched per page. */
const PARTNERS_PER_PAGE = 200;

type PartnerItems<T> = Map<string, T[]>;

function grouped<T extends { partnerId: string }>(items: readonly T[]): PartnerItems<T> {
  const byPartner: PartnerItems<T> = new Map();
  for (const item of items) {
    const list = byPartner.get(item.partnerId);
    if (list) list.push(item);
    else byPartner.set(item.partnerId, [item]);
  }
  return byPartner;
}

/**
 * Where tier evaluation reads partners' data in the server's store: partners in pages (in id order,
 * only those admitted to the program), and for each page, in one query per kind of data and by partner
 * id, their won deals closed in the window, their registrations approved in it (the day protection
 * started is the day of approval), their satisfaction scores dated in it, their custom metric values
 * dated in it plus the latest value of each metric before it (for criteria that read the latest
 * value), and every certification of the partner record. A tenant is never loaded whole, and only the
 * fields evaluation reads leave the database.
 */
export function tierInputsSource(
  db: Kysely<Database>,
  tenantId: string,
  partnersPerPage = PARTNERS_PER_PAGE,
): TierInputsSource {
  const partners = new RecordTable<Partner>(db, tenantId, PARTNERS);
  const records = (kind: string, partnerIds: readonly string[]) =>
    db
      .selectFrom('records')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', kind)
      .where('partner_id', 'in', [...partnerIds]);

  async function wonDeals(ids: readonly string[], { from, through }: TierInputsQuery): Promise<TierWonDeal[]> {
    const rows = await records(DEALS.name, ids)
      .select([
        'id',
        'partner_id',
        sql<PartnerRole>`data->>'partnerRole'`.as('role'),
        sql<string>`data->>'closedOn'`.as('closed_on'),
        sql<Money>`data->'amount'`.as('amount'),
      ])
      .where('status', '=', 'won')
      .where(sql<string>`data->>'partnerRole'`, 'is not', null)
      .where('closed_on', '>=', from)
      .where('closed_on', '<=', through)
      .orderBy('closed_on')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      partnerId: row.partner_id!,
      partnerRole: row.role,
      closedOn: row.closed_on,
      amount: { amount: row.amount.amount, currency: row.amount.currency },
    }));
  }

  async function approvedRegistrations(
    ids: readonly string[],
    { from, through }: TierInputsQuery,
  ): Promise<TierApprovedRegistration[]> {
    const approvedOn = sql<string>`data->'protection'->>'startsOn'`;
    const rows = await records(REGISTRATIONS.name, ids)
      .select(['id', 'partner_id', approvedOn.as('approved_on')])
      .where('status', 'in', [...APPROVED_STATUSES])
      .where(approvedOn, '>=', from)
      .where(approvedOn, '<=', through)
      .orderBy('approved_on')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ partnerId: row.partner_id!, approvedOn: row.approved_on }));
  }

  async function satisfactionScores(
    ids: readonly string[],
    { from, through }: TierInputsQuery,
  ): Promise<TierSatisfactionScore[]> {
    const rows = await records(SATISFACTION_SCORES.name, ids)
      .select(['id', 'partner_id', sql<string>`data->>'date'`.as('date'), sql<number>`data->'value'`.as('value')])
      .where('closed_on', '>=', from)
      .where('closed_on', '<=', through)
      .orderBy('closed_on')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ partnerId: row.partner_id!, date: row.date, value: Number(row.value) }));
  }

  async function customMetrics(
    ids: readonly string[],
    { from, through }: TierInputsQuery,
  ): Promise<TierCustomMetricValue[]> {
    const columns = [
      'partner_id',
      'status',
      sql<string>`data->>'date'`.as('date'),
      sql<number>`data->'value'`.as('value'),
    ] as const;
    // The latest value of each metric of each partner dated before the window, then those dated in it.
    const before = await records(CUSTOM_METRIC_VALUES.name, ids)
      .select(columns)
      .distinctOn(['partner_id', 'status'])
      .where('closed_on', '<', from)
      .orderBy('partner_id')
      .orderBy('status')
      .orderBy('closed_on', 'desc')
      .execute();
    const within = await records(CUSTOM_METRIC_VALUES.name, ids)
      .select(columns)
      .where('closed_on', '>=', from)
      .where('closed_on', '<=', through)
      .orderBy('closed_on')
      .orderBy('status')
      .execute();
    return [...before, ...within].map((row) => ({
      partnerId: row.partner_id!,
      key: row.status!,
      date: row.date,
      value: Number(row.value),
    }));
  }

  return {
    async *scan(query) {
      if (query.partnerIds?.length === 0) return;
      const pages = partners.scan((narrowed) => {
        const admitted = narrowed.where('status', 'in', [...TIER_PARTNER_STATUSES]);
        return query.partnerIds === undefined ? admitted : admitted.where('id', 'in', [...query.partnerIds]);
      }, partnersPerPage);
      for await (const page of pages) {
        const ids = page.map((partner) => partner.id);
        // One query at a time: a transaction holds one connection, and PGlite has only one.
        const deals = grouped(await wonDeals(ids, query));
        const registrations = grouped(await approvedRegistrations(ids, query));
        const scores = grouped(await satisfactionScores(ids, query));
        const metrics = grouped(await customMetrics(ids, query));
        yield page.map((partner): PartnerTierInputs => ({
          partnerId: partner.id,
          tierId: partner.tierId,
          specializationIds: [...partner.specializationIds],
          certifications: partner.certifications.map((certification) => ({ ...certification })),
          wonDeals: deals.get(partner.id) ?? [],
          approvedRegistrations: registrations.get(partner.id) ?? [],
          satisfactionScores: scores.get(partner.id) ?? [],
          customMetrics: metrics.get(partner.id) ?? [],
        }));
      }
    },
  };
}
