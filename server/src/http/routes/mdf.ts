import {
  accrualAllocationId,
  accrueMdfFunds,
  allocateMdfBudget,
  AllocationOrderSchema,
  approveMdfRequest,
  ApprovalInputSchema,
  BudgetDraftSchema,
  CalendarDateSchema,
  ClaimDecisionSchema,
  ClaimDraftSchema,
  ClaimResubmissionSchema,
  closeMdfRequest,
  createMdfBudget,
  ExchangeRateTableSchema,
  expireMdfFunds,
  fileMdfClaim,
  fundMdfBudget,
  IdentifierSchema,
  lapseMdfRequest,
  linkMdfRequest,
  MdfClaimSchema,
  mdfReturnOnInvestment,
  MdfRequestSchema,
  MoneySchema,
  payMdfClaims,
  PaymentRunSchema,
  PeriodUnitSchema,
  RecordIdSchema,
  rejectMdfRequest,
  RejectionInputSchema,
  RequestDraftSchema,
  RequestLinkInputSchema,
  resubmitMdfClaim,
  reviewMdfClaim,
  submitMdfRequest,
  withdrawMdfRequest,
  type MdfOutcome,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { allocationLedgerViews, budgetLedgerView } from '../../store/mdf/ledger-view.js';
import { StaleSnapshotError, type SnapshotExpectation, type SnapshotStore } from '../../store/mdf/snapshot-store.js';
import { exchangeRatesInForce, mdfContext, type MdfUseCaseContext } from '../../workflows/mdf-context.js';
import { answerOf } from '../answer.js';
import { errorBody, refusal, statusOfIssues } from '../errors.js';
import { idempotent, type Answer } from '../idempotent.js';
import { programInForce } from '../no-program.js';
import { scopeOf } from '../request-scope.js';

const Version = z.int().min(0);
const expected = { expectedVersion: Version.optional() };
const expectedWithAllocation = { ...expected, expectedAllocationVersion: Version.optional() };
const IdParams = z.strictObject({ id: RecordIdSchema });
const page = {
  after: RecordIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};
const enumOf = <S extends string>(values: S[]) => z.enum(values as [S, ...S[]]);
const RequestStatusSchema = enumOf(MdfRequestSchema.options.map((option) => option.shape.status.value));
const ClaimStatusSchema = enumOf(MdfClaimSchema.options.map((option) => option.shape.status.value));

/** The bodies of the MDF actions: the core's input schemas, with the path's id left out and versions read. */
const Bodies = {
  budget: BudgetDraftSchema,
  fund: z.strictObject({ amount: MoneySchema, ...expected }),
  allocate: z.strictObject({ order: AllocationOrderSchema, ...expected }),
  accrue: z.strictObject({
    partnerId: RecordIdSchema,
    fundTypeId: IdentifierSchema,
    since: CalendarDateSchema,
    ...expected,
  }),
  versionOnly: z.strictObject(expected),
  submit: RequestDraftSchema.extend({ submittedBy: RecordIdSchema }),
  approve: ApprovalInputSchema.extend(expectedWithAllocation),
  reject: RejectionInputSchema.extend(expected),
  close: z.strictObject({ closedBy: RecordIdSchema, ...expectedWithAllocation }),
  lapse: z.strictObject(expectedWithAllocation),
  link: RequestLinkInputSchema.extend(expected),
  file: ClaimDraftSchema.extend({ filedBy: RecordIdSchema, ...expected }),
  review: z.strictObject({ decision: ClaimDecisionSchema, ...expected }),
  resubmit: ClaimResubmissionSchema.extend(expected),
  pay: PaymentRunSchema.extend({ createdBy: RecordIdSchema }),
  rates: z.strictObject({ table: ExchangeRateTableSchema, expectedVersion: Version.nullable() }),
};
type Body<K extends keyof typeof Bodies> = z.output<(typeof Bodies)[K]>;

const Queries = {
  budgets: z.strictObject({ fundTypeId: IdentifierSchema.optional(), ...page }),
  allocations: z.strictObject({
    partnerId: RecordIdSchema.optional(),
    budgetId: RecordIdSchema.optional(),
    fundTypeId: IdentifierSchema.optional(),
    kind: z.enum(['budgeted', 'accrual']).optional(),
    ...page,
  }),
  requests: z.strictObject({
    partnerId: RecordIdSchema.optional(),
    allocationId: RecordIdSchema.optional(),
    status: RequestStatusSchema.optional(),
    ...page,
  }),
  claims: z.strictObject({
    requestId: RecordIdSchema.optional(),
    partnerId: RecordIdSchema.optional(),
    status: ClaimStatusSchema.optional(),
    ...page,
  }),
  ledger: z.strictObject({
    after: z
      .string()
      .regex(/^\d{1,19}$/, { error: 'must be the `next` cursor of the previous page' })
      .optional(),
    limit: page.limit,
  }),
  roi: z.strictObject({
    periodUnit: PeriodUnitSchema.default('quarter'),
    partnerId: RecordIdSchema.optional(),
    allocationId: RecordIdSchema.optional(),
    status: RequestStatusSchema.optional(),
  }),
};
type Query<K extends keyof typeof Queries> = z.output<(typeof Queries)[K]>;

/** What one MDF action does: the versions the client read, the use case to run, how to show what it decided. */
interface Decision<T> {
  expectations?: (SnapshotExpectation | null)[];
  run: (context: MdfUseCaseContext) => Promise<MdfOutcome<T>>;
  present: (data: T, store: SnapshotStore) => Record<string, unknown>;
  status?: number;
}

/** The client's version of the record the action is about (`expectedVersion`), when it sent one. */
function expecting(
  kind: SnapshotExpectation['kind'],
  version: number | undefined,
  id?: string,
  field = 'expectedVersion',
): SnapshotExpectation | null {
  return version === undefined ? null : { kind, version, field, ...(id === undefined ? {} : { id }) };
}

/**
 * Runs an MDF use case in one transaction with the audit entry of its decision: the records the client
 * names are read at the versions it read (409 otherwise), the commit refuses a stale write (409), the
 * rules a refused decision (422, with its trace). The answer shows the records with their stored versions.
 */
async function decide<T>(request: FastifyRequest, decision: Decision<T>): Promise<Answer> {
  const scope = scopeOf(request);
  try {
    return await scope.store.transaction(async (store) => {
      const expectations = (decision.expectations ?? []).filter((found) => found !== null);
      const context = await mdfContext(store, scope.clock, expectations);
      const outcome = await decision.run(context);
      const traces = outcome.trace ? [outcome.trace] : [];
      await store.audit.record(traces, scope.clock.now(), scope.actor);
      if (!outcome.success) return { status: statusOfIssues(outcome.issues), body: errorBody(outcome.issues, traces) };
      return { status: decision.status ?? 200, body: { ...decision.present(outcome.data, context.store), traces } };
    });
  } catch (error) {
    if (error instanceof StaleSnapshotError) return { status: 409, body: errorBody([error.issue]) };
    throw error;
  }
}

const notFound = (what: string, id: string) => refusal('not_found', `No MDF ${what} has the id "${id}".`, ['id']);
const nextCursor = <T extends { id: string }>(items: readonly T[], limit: number) =>
  items.length === limit ? items[items.length - 1]!.id : null;
const only = <T>(value: T | undefined) => (value === undefined ? undefined : [value]);

/**
 * Market development funds: budgets (create, fund, allocate), co-op accruals and their expiry, fund
 * requests (submit, approve, reject, withdraw, close, lapse, link), claims (file, review, resubmit),
 * payment batches, the ROI report, reads with balances derived from the ledger, and the exchange rates
 * MDF converts with. Every action takes an Idempotency-Key and, optionally, the versions it was based on.
 */
export const mdfRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['mdf'];

  /** An MDF action: POST with a body validated by `Bodies[body]`, run once per Idempotency-Key. */
  const action = <K extends keyof typeof Bodies, T>(
    path: string,
    summary: string,
    body: K,
    decision: (input: Body<K>, id: string) => Decision<T>,
  ) =>
    app.post(
      path,
      { schema: { tags, summary, body: Bodies[body], ...(path.includes(':id') ? { params: IdParams } : {}) } },
      async (request, reply) =>
        idempotent(request, reply, () =>
          decide(request, decision(request.body as Body<K>, (request.params as { id?: string }).id ?? '')),
        ),
    );
  const readQuery = <K extends keyof typeof Queries>(request: FastifyRequest, _key: K) => request.query as Query<K>;
  const readId = (request: FastifyRequest) => (request.params as { id: string }).id;

  // Budgets.
  action('/mdf/budgets', 'Create a budget of a budgeted fund type and fund it', 'budget', (input) => ({
    run: (context) => createMdfBudget(context, input),
    present: (data, store) => ({ budget: store.stored('budget', data.next), postings: data.postings }),
    status: 201,
  }));
  action('/mdf/budgets/:id/fund', 'Add money to a budget', 'fund', (input, budgetId) => ({
    expectations: [expecting('budget', input.expectedVersion, budgetId)],
    run: (context) => fundMdfBudget(context, { budgetId, amount: input.amount }),
    present: (data, store) => ({ budget: store.stored('budget', data.next), postings: data.postings }),
  }));
  action('/mdf/budgets/:id/allocations', 'Allocate a budget to partners', 'allocate', (input, budgetId) => ({
    expectations: [expecting('budget', input.expectedVersion, budgetId)],
    run: (context) => allocateMdfBudget(context, { budgetId, order: input.order }),
    present: (data, store) => ({
      budget: store.stored('budget', data.next),
      allocations: data.allocations.map((allocation) => store.stored('allocation', allocation)),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  app.get(
    '/mdf/budgets',
    { schema: { tags, summary: 'Budgets in id order, a page at a time', querystring: Queries.budgets } },
    async (request) => {
      const { fundTypeId, after, limit } = readQuery(request, 'budgets');
      const budgets = await scopeOf(request).store.mdf.budgets.page(
        { fundTypeIds: only(fundTypeId) },
        { after, limit },
      );
      return { budgets, next: nextCursor(budgets, limit) };
    },
  );
  app.get(
    '/mdf/budgets/:id',
    { schema: { tags, summary: 'A budget, with its balances derived from the ledger', params: IdParams } },
    async (request, reply) => {
      const { mdf } = scopeOf(request).store;
      const budget = await mdf.budgets.get(readId(request));
      if (!budget) return reply.code(404).send(notFound('budget', readId(request)));
      return { budget, ledger: await budgetLedgerView(mdf.ledger, budget) };
    },
  );
  app.get(
    '/mdf/budgets/:id/ledger',
    { schema: { tags, summary: 'The postings of a budget, in order', params: IdParams, querystring: Queries.ledger } },
    async (request, reply) => {
      const { mdf } = scopeOf(request).store;
      const budgetId = readId(request);
      if (!(await mdf.budgets.get(budgetId))) return reply.code(404).send(notFound('budget', budgetId));
      const { after, limit } = readQuery(request, 'ledger');
      const entries = await mdf.ledger.page({ budgetIds: [budgetId] }, { after, limit });
      return { entries, next: entries.length === limit ? entries[entries.length - 1]!.seq : null };
    },
  );

  // Allocations and co-op accruals.
  action('/mdf/accruals', "Accrue a partner's co-op funds on its won deals", 'accrue', (input) => ({
    expectations: [
      expecting('allocation', input.expectedVersion, accrualAllocationId(input.fundTypeId, input.partnerId)),
    ],
    run: (context) =>
      accrueMdfFunds(context, { partnerId: input.partnerId, fundTypeId: input.fundTypeId, since: input.since }),
    present: (data, store) => ({
      allocation: store.stored('allocation', data.next),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  action('/mdf/allocations/:id/expire', 'Expire co-op money past its expiry', 'versionOnly', (input, allocationId) => ({
    expectations: [expecting('allocation', input.expectedVersion, allocationId)],
    run: (context) => expireMdfFunds(context, { allocationId }),
    present: (data, store) => ({
      allocation: store.stored('allocation', data.next),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  app.get(
    '/mdf/allocations',
    {
      schema: {
        tags,
        summary: 'Allocations in id order, each with its balances derived from the ledger',
        querystring: Queries.allocations,
      },
    },
    async (request) => {
      const { partnerId, budgetId, fundTypeId, kind, after, limit } = readQuery(request, 'allocations');
      const { mdf } = scopeOf(request).store;
      const allocations = await mdf.allocations.page(
        { partnerIds: only(partnerId), budgetIds: only(budgetId), fundTypeIds: only(fundTypeId), kinds: only(kind) },
        { after, limit },
      );
      const views = await allocationLedgerViews(mdf.ledger, allocations);
      return {
        allocations: allocations.map((allocation) => ({ allocation, ledger: views.get(allocation.id)! })),
        next: nextCursor(allocations, limit),
      };
    },
  );
  app.get(
    '/mdf/allocations/:id',
    { schema: { tags, summary: 'An allocation, with its balances derived from the ledger', params: IdParams } },
    async (request, reply) => {
      const { mdf } = scopeOf(request).store;
      const allocation = await mdf.allocations.get(readId(request));
      if (!allocation) return reply.code(404).send(notFound('allocation', readId(request)));
      const views = await allocationLedgerViews(mdf.ledger, [allocation]);
      return { allocation, ledger: views.get(allocation.id)! };
    },
  );
  app.get(
    '/mdf/allocations/:id/ledger',
    {
      schema: {
        tags,
        summary: 'The postings of an allocation, in order',
        params: IdParams,
        querystring: Queries.ledger,
      },
    },
    async (request, reply) => {
      const { mdf } = scopeOf(request).store;
      const allocationId = readId(request);
      if (!(await mdf.allocations.get(allocationId))) return reply.code(404).send(notFound('allocation', allocationId));
      const { after, limit } = readQuery(request, 'ledger');
      const entries = await mdf.ledger.page({ allocationIds: [allocationId] }, { after, limit });
      return { entries, next: entries.length === limit ? entries[entries.length - 1]!.seq : null };
    },
  );

  // Fund requests.
  action('/mdf/requests', 'Submit a fund request against an allocation', 'submit', (input) => ({
    run: (context) => submitMdfRequest(context, input),
    present: (data, store) => ({ request: store.stored('request', data.next), effects: data.effects }),
    status: 201,
  }));
  action('/mdf/requests/:id/approve', 'Approve a request in full or in part', 'approve', (input, requestId) => ({
    expectations: [
      expecting('request', input.expectedVersion, requestId),
      expecting('allocation', input.expectedAllocationVersion, undefined, 'expectedAllocationVersion'),
    ],
    run: (context) =>
      approveMdfRequest(context, {
        requestId,
        approver: input.approver,
        ...(input.amount ? { amount: input.amount } : {}),
      }),
    present: (data, store) => ({
      request: store.stored('request', data.next),
      allocation: store.stored('allocation', data.allocation),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  action('/mdf/requests/:id/reject', 'Reject a submitted request', 'reject', (input, requestId) => ({
    expectations: [expecting('request', input.expectedVersion, requestId)],
    run: (context) => rejectMdfRequest(context, { requestId, decidedBy: input.decidedBy, reason: input.reason }),
    present: (data, store) => ({ request: store.stored('request', data.next), effects: data.effects }),
  }));
  action(
    '/mdf/requests/:id/withdraw',
    'The partner withdraws a submitted request',
    'versionOnly',
    (input, requestId) => ({
      expectations: [expecting('request', input.expectedVersion, requestId)],
      run: (context) => withdrawMdfRequest(context, { requestId }),
      present: (data, store) => ({ request: store.stored('request', data.next), effects: data.effects }),
    }),
  );
  action(
    '/mdf/requests/:id/close',
    'Close an approved request, releasing what claims did not use',
    'close',
    (input, requestId) => ({
      expectations: [
        expecting('request', input.expectedVersion, requestId),
        expecting('allocation', input.expectedAllocationVersion, undefined, 'expectedAllocationVersion'),
      ],
      run: (context) => closeMdfRequest(context, { requestId, closedBy: input.closedBy }),
      present: (data, store) => ({
        request: store.stored('request', data.next),
        allocation: store.stored('allocation', data.allocation),
        postings: data.postings,
        effects: data.effects,
      }),
    }),
  );
  action('/mdf/requests/:id/lapse', 'Lapse a request whose time is over', 'lapse', (input, requestId) => ({
    expectations: [
      expecting('request', input.expectedVersion, requestId),
      expecting('allocation', input.expectedAllocationVersion, undefined, 'expectedAllocationVersion'),
    ],
    run: (context) => lapseMdfRequest(context, { requestId }),
    present: (data, store) => ({
      outcome: data.outcome,
      request: store.stored('request', data.next),
      allocation: store.stored('allocation', data.allocation),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  action(
    '/mdf/requests/:id/links',
    'Link campaigns, leads and deals to a request for ROI',
    'link',
    (input, requestId) => ({
      expectations: [expecting('request', input.expectedVersion, requestId)],
      run: (context) =>
        linkMdfRequest(context, {
          requestId,
          campaignIds: input.campaignIds,
          leadIds: input.leadIds,
          dealIds: input.dealIds,
        }),
      present: (data, store) => ({ request: store.stored('request', data.next) }),
    }),
  );
  app.get(
    '/mdf/requests',
    { schema: { tags, summary: 'Fund requests in id order, a page at a time', querystring: Queries.requests } },
    async (request) => {
      const { partnerId, allocationId, status, after, limit } = readQuery(request, 'requests');
      const requests = await scopeOf(request).store.mdf.requests.page(
        { partnerIds: only(partnerId), allocationIds: only(allocationId), statuses: only(status) },
        { after, limit },
      );
      return { requests, next: nextCursor(requests, limit) };
    },
  );
  app.get(
    '/mdf/requests/:id',
    { schema: { tags, summary: 'A fund request and its claims', params: IdParams } },
    async (request, reply) => {
      const { mdf } = scopeOf(request).store;
      const found = await mdf.requests.get(readId(request));
      if (!found) return reply.code(404).send(notFound('request', readId(request)));
      const claims = [];
      for await (const batch of mdf.claims.scan({ requestIds: [found.id] })) claims.push(...batch);
      return { request: found, claims };
    },
  );

  // Claims.
  action('/mdf/requests/:id/claims', 'File a claim against an approved request', 'file', (input, requestId) => ({
    expectations: [expecting('request', input.expectedVersion, requestId)],
    run: (context) =>
      fileMdfClaim(context, { requestId, amount: input.amount, proofs: input.proofs, filedBy: input.filedBy }),
    present: (data, store) => ({
      claim: store.stored('claim', data.next),
      request: store.stored('request', data.request),
      effects: data.effects,
    }),
    status: 201,
  }));
  action('/mdf/claims/:id/review', 'Approve, reject or return a claim', 'review', (input, claimId) => ({
    expectations: [expecting('claim', input.expectedVersion, claimId)],
    run: (context) => reviewMdfClaim(context, { claimId, decision: input.decision }),
    present: (data, store) => ({
      claim: store.stored('claim', data.next),
      request: store.stored('request', data.request),
      allocation: store.stored('allocation', data.allocation),
      postings: data.postings,
      effects: data.effects,
    }),
  }));
  action('/mdf/claims/:id/resubmit', 'File a returned claim again with more proof', 'resubmit', (input, claimId) => ({
    expectations: [expecting('claim', input.expectedVersion, claimId)],
    run: (context) => resubmitMdfClaim(context, { claimId, proofs: input.proofs }),
    present: (data, store) => ({ claim: store.stored('claim', data.next), effects: data.effects }),
  }));
  app.get(
    '/mdf/claims',
    { schema: { tags, summary: 'Claims in id order, a page at a time', querystring: Queries.claims } },
    async (request) => {
      const { requestId, partnerId, status, after, limit } = readQuery(request, 'claims');
      const claims = await scopeOf(request).store.mdf.claims.page(
        { requestIds: only(requestId), partnerIds: only(partnerId), statuses: only(status) },
        { after, limit },
      );
      return { claims, next: nextCursor(claims, limit) };
    },
  );
  app.get('/mdf/claims/:id', { schema: { tags, summary: 'A claim', params: IdParams } }, async (request, reply) => {
    const claim = await scopeOf(request).store.mdf.claims.get(readId(request));
    return claim ? { claim } : reply.code(404).send(notFound('claim', readId(request)));
  });

  // Payments.
  action('/mdf/payment-batches', 'Pay approved claims in one batch', 'pay', (input) => ({
    run: (context) => payMdfClaims(context, input),
    present: (data, store) => ({
      paymentBatch: store.stored('payment_batch', data.next),
      claims: data.claims.map((claim) => store.stored('claim', claim)),
      allocations: data.allocations.map((allocation) => store.stored('allocation', allocation)),
      postings: data.postings,
      effects: data.effects,
    }),
    status: 201,
  }));
  app.get(
    '/mdf/payment-batches/:id',
    { schema: { tags, summary: 'A payment batch', params: IdParams } },
    async (request, reply) => {
      const batch = await scopeOf(request).store.mdf.paymentBatches.get(readId(request));
      return batch ? { paymentBatch: batch } : reply.code(404).send(notFound('payment batch', readId(request)));
    },
  );

  // Return on investment.
  app.get(
    '/mdf/roi',
    {
      schema: {
        tags,
        summary: 'ROI of MDF, in total and by partner, tier, activity and period',
        querystring: Queries.roi,
      },
    },
    async (request, reply) => {
      const { periodUnit, partnerId, allocationId, status } = readQuery(request, 'roi');
      const scope = scopeOf(request);
      const result = await mdfReturnOnInvestment(await mdfContext(scope.store, scope.clock), {
        periodUnit,
        requests: { partnerIds: only(partnerId), allocationIds: only(allocationId), statuses: only(status) },
      });
      const answer = answerOf(result);
      return reply.code(answer.status).send(answer.body);
    },
  );

  // Exchange rates.
  app.get(
    '/mdf/exchange-rates',
    { schema: { tags, summary: 'The exchange rates MDF converts with, and their version' } },
    async (request) => {
      const { store, clock } = scopeOf(request);
      const published = await store.mdf.exchangeRates.get();
      return published
        ? { table: published.table, version: published.version, updatedBy: published.updatedBy }
        : {
            table: await exchangeRatesInForce(store, await programInForce(store), clock),
            version: null,
            updatedBy: null,
          };
    },
  );
  app.put(
    '/mdf/exchange-rates',
    { schema: { tags, summary: 'Publish the exchange rates MDF converts with', body: Bodies.rates } },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { table, expectedVersion } = request.body as Body<'rates'>;
        const { store, actor } = scopeOf(request);
        const saved = await store.mdf.exchangeRates.save(table, actor, { expectedVersion });
        return answerOf(saved, 200, ({ version }) => ({ table, version, updatedBy: actor }));
      }),
  );
};
