import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import type { Partner } from '../../entities/partner.js';
import { convertMoney } from '../../money/exchange.js';
import { MoneySchema, type Money } from '../../money/money.js';
import type { DealRepository, PartnerRepository } from '../../ports/repositories.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { shiftFiscalPeriod } from '../../time/fiscal-period.js';
import { allocateBudget, type BudgetAllocationOutcome } from '../funds/allocate-budget.js';
import type { BudgetedAllocation } from '../funds/allocation.js';
import type { MdfBudget } from '../funds/budget.js';
import { addBudgetFunds, createBudget, type BudgetDraft } from '../funds/create-budget.js';
import type { AllocationBasis } from '../funds/plan-allocation.js';
import type { MdfTransition } from '../outcome.js';
import { commitDecision, notFound, scanAll, writeOf, type MdfContext, type MdfOutcome } from './context.js';

/** Creates and funds a budget (`createBudget`), with a new id. */
export async function createMdfBudget(
  context: MdfContext,
  input: BudgetDraft,
): Promise<MdfOutcome<MdfTransition<MdfBudget>>> {
  const decision = createBudget(context.program, { ...input, id: context.ids.next('mdf-budget') }, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    budgets: [writeOf(data.next, null)],
    postings: data.postings,
  }));
}

/** Adds money to a budget (`addBudgetFunds`). */
export async function fundMdfBudget(
  context: MdfContext,
  input: { budgetId: string; amount: Money },
): Promise<MdfOutcome<MdfTransition<MdfBudget>>> {
  const budget = await context.store.budgets.get(input.budgetId);
  if (!budget) return notFound('budget', input.budgetId);
  const decision = addBudgetFunds(context.program, budget, input.amount, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    budgets: [writeOf(data.next, budget)],
    postings: data.postings,
  }));
}

/** The repositories allocating needs beyond the MDF store. */
export interface MdfAllocationSources {
  partners: PartnerRepository;
  deals: DealRepository;
}

const MoneyShareSchema = z.strictObject({ partnerId: RecordIdSchema, amount: MoneySchema });

/**
 * How a use case is asked to allocate a budget (the body of an allocation request): as `AllocationBasis`,
 * except that prior revenue may be left out, in which case it is the partners' won revenue (deals naming
 * the partner in either role) in the fiscal period before the budget's, converted to the budget's currency.
 */
export const AllocationOrderSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('tier_formula'), amount: MoneySchema }),
  z.strictObject({
    method: z.literal('prior_revenue_share'),
    amount: MoneySchema,
    priorRevenue: z.array(z.strictObject({ partnerId: RecordIdSchema, revenue: MoneySchema })).optional(),
  }),
  z.strictObject({ method: z.literal('manual'), amounts: z.array(MoneyShareSchema) }),
]);
export type AllocationOrder = z.infer<typeof AllocationOrderSchema>;

async function priorRevenue(
  context: MdfContext & MdfAllocationSources,
  budget: MdfBudget,
  currency: string,
): Promise<Result<{ partnerId: string; revenue: Money }[]>> {
  const prior = shiftFiscalPeriod(budget.period, context.program.fiscalCalendar, -1);
  const deals = await scanAll(context.deals, { stages: ['won'], closedBetween: { from: prior.start, to: prior.end } });
  const totals = new Map<string, number>();
  for (const deal of deals) {
    if (deal.partnerId === null || deal.stage !== 'won' || deal.closedOn < prior.start || deal.closedOn >= prior.end)
      continue;
    const converted = convertMoney(deal.amount, currency, context.rates);
    if (!converted.success) {
      return fail(
        converted.issues.map((found) =>
          issue(['deals', deal.id, 'amount'], found.code, `Deal ${deal.id}: ${found.message}`),
        ),
      );
    }
    totals.set(deal.partnerId, (totals.get(deal.partnerId) ?? 0) + converted.data.amount);
  }
  return ok([...totals].map(([partnerId, amount]) => ({ partnerId, revenue: { amount, currency } })));
}

/**
 * Allocates a budget to partners (`allocateBudget`): reads the active partners, the budget's existing
 * allocations and, for a prior-revenue share without figures, the prior period's won deals; writes the
 * budget and every allocation with the versions read.
 */
export async function allocateMdfBudget(
  context: MdfContext & MdfAllocationSources,
  input: { budgetId: string; order: AllocationOrder },
): Promise<MdfOutcome<BudgetAllocationOutcome>> {
  const budget = await context.store.budgets.get(input.budgetId);
  if (!budget) return notFound('budget', input.budgetId);
  const partners: Partner[] = await scanAll(context.partners, { statuses: ['active'] });
  const existingList = await scanAll(context.store.allocations, { budgetIds: [budget.id] });
  const existing = new Map(
    existingList
      .filter((a): a is BudgetedAllocation => a.kind === 'budgeted')
      .map((allocation) => [allocation.partnerId, allocation]),
  );
  let basis: AllocationBasis;
  if (input.order.method === 'prior_revenue_share' && !input.order.priorRevenue) {
    const found = await priorRevenue(context, budget, budget.balances.unallocated.currency);
    if (!found.success) return { success: false, issues: found.issues, trace: null };
    basis = { method: 'prior_revenue_share', amount: input.order.amount, priorRevenue: found.data };
  } else if (input.order.method === 'prior_revenue_share') {
    basis = { method: 'prior_revenue_share', amount: input.order.amount, priorRevenue: input.order.priorRevenue ?? [] };
  } else {
    basis = input.order;
  }
  const decision = allocateBudget(context.program, budget, partners, basis, existing, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    budgets: [writeOf(data.next, budget)],
    allocations: data.allocations.map((allocation) => writeOf(allocation, existing.get(allocation.partnerId))),
    postings: data.postings,
  }));
}
