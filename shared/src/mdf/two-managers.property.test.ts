import fc from 'fast-check';
import { sequentialIds } from '../ports/id-generator.js';
import { allocationFunds } from './ledger/balances.js';
import { demoProgram, partner, testRates, usd } from './test-support/fixtures.js';
import { GatedStore } from './test-support/gated-store.js';
import { ManualClock } from './test-support/manual-clock.js';
import { inMemoryDeals, inMemoryPartners } from '../ports/test-support/in-memory-repository.js';
import { InMemoryMdfStore } from './test-support/in-memory-mdf-store.js';
import { allocateMdfBudget, createMdfBudget } from './use-cases/budget-use-cases.js';
import { retryMdfOnStaleWrite } from './use-cases/context.js';
import { approveMdfRequest, submitMdfRequest } from './use-cases/request-use-cases.js';

const program = demoProgram();
const vp = { userId: 'vera', roles: ['vp-partnerships'] };

/*
 * The overspending law in its sharpest form: an allocation, two requests whose commitments each fit it,
 * two managers approving them from the same snapshot in either order. Whatever the amounts, the second
 * write is refused as stale, and retried on fresh data it commits only if the money is still there.
 */
describe('two managers approving from one stale snapshot', () => {
  it('never overspend an allocation: the second write is refused and, retried, decides on fresh data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.boolean(),
        async (funds, first, second, secondGoesFirst) => {
          const store = new InMemoryMdfStore();
          const context = {
            store,
            program,
            clock: new ManualClock('2026-11-02'),
            ids: sequentialIds(),
            rates: testRates,
            partners: inMemoryPartners([partner('p-1', 'gold')]),
            deals: inMemoryDeals([]),
          };
          const period = { unit: 'quarter' as const, start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' };
          await createMdfBudget(context, {
            name: 'Q4',
            fundTypeId: 'strategic-initiatives',
            period,
            scope: { kind: 'program' },
            amount: usd(funds),
          });
          await allocateMdfBudget(context, {
            budgetId: 'mdf-budget-1',
            order: { method: 'manual', amounts: [{ partnerId: 'p-1', amount: usd(funds) }] },
          });
          const ids: string[] = [];
          // Training is reimbursed at 100 %, so a request commits exactly what it asks.
          for (const requested of [Math.min(first, funds), Math.min(second, funds)]) {
            const submitted = await submitMdfRequest(context, {
              title: 'Sales training',
              allocationId: 'mdf-budget-1:p-1',
              activityId: 'training',
              startDate: '2026-12-15',
              endDate: '2026-12-16',
              requestedAmount: usd(requested),
              partnerContribution: usd(0),
              expected: { leads: 0, pipeline: usd(0) },
              links: { campaignIds: [], leadIds: [], dealIds: [] },
              submittedBy: 'partner-user',
            });
            if (!submitted.success) throw new Error(JSON.stringify(submitted.issues));
            ids.push(submitted.data.next.id);
          }
          const [idA, idB] = secondGoesFirst ? [ids[1]!, ids[0]!] : [ids[0]!, ids[1]!];
          const gated = new GatedStore(store);
          const managerA = approveMdfRequest(
            { ...context, store: gated.forWriter('a') },
            { requestId: idA, approver: vp },
          );
          const managerB = approveMdfRequest(
            { ...context, store: gated.forWriter('b') },
            { requestId: idB, approver: vp },
          );
          expect(await Promise.all([gated.readyOrDone('a', managerA), gated.readyOrDone('b', managerB)])).toEqual([
            'waiting',
            'waiting',
          ]);
          gated.release('a');
          expect((await managerA).success).toBe(true);
          gated.release('b');
          const stale = await managerB;
          expect(!stale.success && stale.issues.map((found) => found.code)).toEqual(['stale_write']);

          const retried = await retryMdfOnStaleWrite(() =>
            approveMdfRequest(context, { requestId: idB, approver: vp }),
          );
          const amounts = new Map([
            [ids[0], Math.min(first, funds)],
            [ids[1], Math.min(second, funds)],
          ]);
          const bothFit = amounts.get(idA)! + amounts.get(idB)! <= funds;
          expect(retried.success ? 'approved' : retried.issues.map((found) => found.code).join()).toBe(
            bothFit ? 'approved' : 'insufficient_funds',
          );
          const balances = (await store.allocations.get('mdf-budget-1:p-1'))!.balances;
          expect(balances.committed.amount).toBe(amounts.get(idA)! + (bothFit ? amounts.get(idB)! : 0));
          expect(balances.committed.amount + balances.claimed.amount + balances.paid.amount).toBeLessThanOrEqual(
            allocationFunds(balances).amount,
          );
          expect(allocationFunds(balances).amount).toBe(funds);
        },
      ),
      { numRuns: 100 },
    );
  });
});
