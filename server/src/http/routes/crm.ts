import {
  AccountSchema,
  DealSchema,
  DomainSchema,
  IdentifierSchema,
  InstantSchema,
  LeadSchema,
  PartnerSchema,
  PartnerStatusSchema,
  RecordIdSchema,
  type AccountQuery,
  type Deal,
  type DealQuery,
  type Issue,
  type IssuePath,
  type LeadQuery,
  type Partner,
  type PartnerQuery,
  type PartnerStatus,
  type RecordReader,
  type Result,
  type VersionedRecord,
} from '@conduit/core';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import type { ImportedRecord, ImportPath, RecordImport } from '../../store/records/record-import.js';
import type { CrmRecords } from '../../store/repositories/crm-repositories.js';
import type { TenantStore } from '../../store/tenant-store.js';
import { statusesSetByLifecycles } from '../../workflows/partner-status-authority.js';
import { answerOf } from '../answer.js';
import { errorBody, refusal } from '../errors.js';
import { idempotent } from '../idempotent.js';
import { scopeOf } from '../request-scope.js';
import { nextAfter, pageOf, refusals } from '../responses.js';

/** The most records one import takes. */
export const CRM_IMPORT_LIMIT = 1000;

const Limit = z.coerce.number().int().min(1).max(500).default(100);
const IdParams = z.strictObject({ id: RecordIdSchema });
const VersionRead = z
  .int()
  .min(0)
  .optional()
  .describe(
    'The version read: a stale one is refused (409); 0 for a record that must not exist yet; left out, no check',
  );
const versionRead = { version: VersionRead };
const putExtras = { ...versionRead, expectedVersion: VersionRead };

/** A deal as handed over, with `extra` fields: the core's deal, its stage-by-stage shape and its rules. */
function dealWith<S extends z.ZodRawShape>(extra: S) {
  const [open, won, lost] = DealSchema.options;
  return z
    .discriminatedUnion('stage', [open.extend(extra), won.extend(extra), lost.extend(extra)])
    .check(...((DealSchema.def.checks ?? []) as never[]));
}

/** A kind's records as the routes use them: read by id, paged, imported. */
type KindRecords = RecordReader<VersionedRecord> & CrmRecords<VersionedRecord, unknown>;

/** One kind of CRM record: its schemas (the core's, with the version read) and how it is listed and vetted. */
interface CrmKind {
  /** The path segment and the list's key: `partners`. */
  plural: string;
  /** The key of one record in an answer: `partner`. */
  singular: string;
  record: z.ZodType;
  item: z.ZodType;
  putBody: z.ZodType;
  query: z.ZodObject;
  /** The repository's filter from the list's query (paging fields left out). */
  filterOf(query: Record<string, string | undefined>): unknown;
  records(store: TenantStore): KindRecords;
  /** Issues about the records just written, in the same transaction (any: the write is rolled back). */
  vet?(store: TenantStore, records: readonly VersionedRecord[], pathOf: ImportPath): Promise<Issue[]>;
}

const page = { after: RecordIdSchema.optional(), limit: Limit };
const only = <T extends string>(value: string | undefined): T[] | undefined =>
  value === undefined ? undefined : [value as T];
const kindRecords = (records: unknown) => records as KindRecords;

const KINDS: readonly CrmKind[] = [
  {
    plural: 'partners',
    singular: 'partner',
    record: PartnerSchema,
    item: PartnerSchema.extend(versionRead),
    putBody: PartnerSchema.extend(putExtras),
    query: z.strictObject({ status: PartnerStatusSchema.optional(), tierId: IdentifierSchema.optional(), ...page }),
    filterOf: (query): PartnerQuery => ({ statuses: only<PartnerStatus>(query.status), tierIds: only(query.tierId) }),
    records: (store) => kindRecords(store.partners),
    vet: (store, records, pathOf) => statusesSetByLifecycles(store.lifecycles, records as Partner[], pathOf),
  },
  {
    plural: 'accounts',
    singular: 'account',
    record: AccountSchema,
    item: AccountSchema.extend(versionRead),
    putBody: AccountSchema.extend(putExtras),
    query: z.strictObject({
      ownerKind: z.enum(['direct', 'partner']).optional(),
      domain: DomainSchema.optional(),
      ...page,
    }),
    filterOf: (query): AccountQuery => ({
      ...(query.ownerKind === undefined ? {} : { ownerKind: query.ownerKind as 'direct' | 'partner' }),
      domains: only(query.domain),
    }),
    records: (store) => kindRecords(store.accounts),
  },
  {
    plural: 'deals',
    singular: 'deal',
    record: DealSchema,
    item: dealWith(versionRead),
    putBody: dealWith(putExtras),
    query: z.strictObject({
      partnerId: RecordIdSchema.optional(),
      accountId: RecordIdSchema.optional(),
      stage: z.enum(['open', 'won', 'lost']).optional(),
      ...page,
    }),
    filterOf: (query): DealQuery => ({
      partnerIds: only(query.partnerId),
      accountIds: only(query.accountId),
      stages: only<Deal['stage']>(query.stage),
    }),
    records: (store) => kindRecords(store.deals),
  },
  {
    plural: 'leads',
    singular: 'lead',
    record: LeadSchema,
    item: LeadSchema.extend(versionRead),
    putBody: LeadSchema.extend(putExtras),
    query: z.strictObject({ createdSince: InstantSchema.optional(), ...page }),
    filterOf: (query): LeadQuery => (query.createdSince === undefined ? {} : { createdSince: query.createdSince }),
    records: (store) => kindRecords(store.leads),
  },
];

/** A write refused, thrown to roll its transaction back. */
class Refused extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'The write was refused.');
  }
}

/** Issues of records that repeat an earlier record's id in the same import. */
function repeatedIds(records: readonly { id: string }[], list: string): Issue[] {
  const seen = new Set<string>();
  return records.flatMap((record, index) => {
    if (!seen.has(record.id)) {
      seen.add(record.id);
      return [];
    }
    return [
      {
        path: [list, index, 'id'],
        code: 'duplicate_value',
        message: `${list}[${index}] repeats the id "${record.id}" of an earlier record of this import: send each record once.`,
      },
    ];
  });
}

/**
 * Writes records of a kind in one transaction (the store's upsert `import`), then vets them (a partner's
 * status against its lifecycle): a refusal at any record rolls every write back.
 */
async function writeRecords(
  store: TenantStore,
  kind: CrmKind,
  records: readonly RecordImport<VersionedRecord>[],
  pathOf: ImportPath,
): Promise<Result<ImportedRecord[]>> {
  try {
    return await store.transaction(async (transaction) => {
      const imported = await kind.records(transaction).import(records, pathOf);
      if (!imported.success) throw new Refused(imported.issues);
      const vetted = kind.vet ? await kind.vet(transaction, records as VersionedRecord[], pathOf) : [];
      if (vetted.length > 0) throw new Refused(vetted);
      return imported;
    });
  } catch (error) {
    if (error instanceof Refused) return { success: false, issues: error.issues };
    throw error;
  }
}

/** The version a `PUT` was based on: `expectedVersion` or the record's own `version` (not two different ones). */
function versionReadOf(body: { version?: number; expectedVersion?: number }): Result<number | undefined> {
  const { version, expectedVersion } = body;
  if (version !== undefined && expectedVersion !== undefined && version !== expectedVersion) {
    return {
      success: false,
      issues: [
        {
          path: ['expectedVersion'],
          code: 'invalid_value',
          message: `The body states two versions read (version ${version}, expectedVersion ${expectedVersion}): send one.`,
        },
      ],
    };
  }
  return { success: true, data: expectedVersion ?? version };
}

const ImportedSchema = z.strictObject({
  id: RecordIdSchema,
  version: z.int().min(1),
  outcome: z.enum(['created', 'updated', 'unchanged']),
});

/**
 * The CRM records the server keeps as the system of record for HubSpot portals (whose CRM mirrors into
 * it), and that the workflows read: partners, accounts, deals and leads. For each kind: a list by the
 * filters its repository answers (a page at a time, in id order), a read by id, an upsert of one record
 * (`PUT`, with the version read) and an import of up to 1,000 records in one transaction. Records are the
 * core's entities, validated by its schemas; a partner's status is its lifecycle's once it has one.
 */
export const crmRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['crm'];

  for (const kind of KINDS) {
    const { plural, singular } = kind;
    const ImportBody = z.strictObject({ [plural]: z.array(kind.item).min(1).max(CRM_IMPORT_LIMIT) });
    const UpsertAnswer = z.strictObject({ [singular]: kind.record, outcome: ImportedSchema.shape.outcome });

    app.get(
      `/crm/${plural}`,
      {
        schema: {
          tags,
          summary: `${plural[0]!.toUpperCase()}${plural.slice(1)}, in id order, a page at a time`,
          querystring: kind.query,
          response: { 200: pageOf(plural, kind.record), ...refusals(400) },
        },
      },
      async (request) => {
        const { after, limit, ...filter } = request.query as { after?: string; limit: number };
        const records = await kind.records(scopeOf(request).store).page(kind.filterOf(filter), { after, limit });
        return { [plural]: records, next: nextAfter(records, limit, (record) => record.id) };
      },
    );

    app.get(
      `/crm/${plural}/:id`,
      {
        schema: {
          tags,
          summary: `One ${singular}`,
          params: IdParams,
          response: { 200: kind.record, ...refusals(400, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof IdParams>;
        const record = await kind.records(scopeOf(request).store).get(id);
        return record ?? reply.code(404).send(refusal('not_found', `There is no ${singular} "${id}".`, ['id']));
      },
    );

    app.put(
      `/crm/${plural}/:id`,
      {
        schema: {
          tags,
          summary: `Create or replace one ${singular}, as the CRM holds it`,
          description: `The body is the ${singular}; \`expectedVersion\` (or the record's own \`version\`, as read) refuses a stale write with 409 (0: it must be new).${
            singular === 'partner'
              ? " A partner with a lifecycle must carry its lifecycle's status (422 otherwise)."
              : ''
          }`,
          params: IdParams,
          body: kind.putBody,
          response: { 200: UpsertAnswer, 201: UpsertAnswer, ...refusals(400, 409, 422) },
        },
      },
      async (request, reply) =>
        idempotent(request, reply, async () => {
          const { id } = request.params as z.infer<typeof IdParams>;
          const { expectedVersion, version, ...fields } = request.body as VersionedRecord & {
            expectedVersion?: number;
          };
          if (fields.id !== id) {
            const message = `The body's id "${fields.id}" is not the id of the path, "${id}".`;
            return { status: 400, body: refusal('invalid_value', message, ['id']) };
          }
          const read = versionReadOf({ version, expectedVersion });
          if (!read.success) return answerOf(read);
          const record = read.data === undefined ? fields : { ...fields, version: read.data };
          const readAt: IssuePath =
            expectedVersion !== undefined ? ['expectedVersion'] : version !== undefined ? ['version'] : [];
          const written = await writeRecords(scopeOf(request).store, kind, [record], () => []);
          if (!written.success)
            return answerOf({
              success: false,
              issues: written.issues.map((found) =>
                found.code === 'stale_write' ? { ...found, path: readAt } : found,
              ),
            });
          const [{ outcome, version: stored }] = written.data as [ImportedRecord];
          return {
            status: outcome === 'created' ? 201 : 200,
            body: { [singular]: { ...fields, version: stored }, outcome },
          };
        }),
    );

    app.post(
      `/crm/${plural}/import`,
      {
        schema: {
          tags,
          summary: `Create or update up to ${CRM_IMPORT_LIMIT} ${plural} in one transaction: all of them, or none`,
          description:
            'Each record may state the `version` it was read at (0: it must be new); a stale one refuses the import (409). A record identical to the stored one is left unchanged.',
          body: ImportBody,
          response: { 200: z.strictObject({ [plural]: z.array(ImportedSchema) }), ...refusals(400, 409, 422) },
        },
      },
      async (request, reply) =>
        idempotent(request, reply, async () => {
          const records = (request.body as Record<string, RecordImport<VersionedRecord>[]>)[plural]!;
          const repeated = repeatedIds(records, plural);
          if (repeated.length > 0) return { status: 400, body: errorBody(repeated) };
          const written = await writeRecords(scopeOf(request).store, kind, records, (index) => [plural, index]);
          return answerOf(written, 200, (imported) => ({ [plural]: imported }));
        }),
    );
  }
};
