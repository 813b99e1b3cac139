import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import { budgetDraft, DIRECTOR, savePartners, usd, webinarDraft } from '../../store/mdf/test-support/mdf-fixtures.js';

jest.setTimeout(180_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answer = { status: number; body: Body };

const PARALLEL = 50;

/**
 * The acceptance test of MDF under concurrency, on the real PostgreSQL server only (PGlite has one
 * connection and runs requests one after another): 50 approvals of different requests against one
 * allocation, fired at once, never commit more than the allocation holds, and when they are all based on
 * the same snapshot exactly one wins and every other gets 409.
 */
describe('MDF approvals racing for one allocation on postgres', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    tenant = await server.tenant('t-mdf-race');
    await savePartners(tenant.store);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.dispose());

  async function ok(method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<Body> {
    const response = await server.call(tenant, method, `/api/v1${url}`, body);
    if (response.status !== status) throw new Error(`${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }

  /** Real HTTP over the loopback, as a client would send it. */
  async function fetchJson(method: string, url: string, body: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}/api/v1${url}`, {
      method,
      headers: {
        authorization: `Bearer ${tenant.token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  /** A new budget's gold allocation ($20,000.00), and 50 requests against it each committing $6,000.00. */
  async function contested(): Promise<{ allocation: Body; requestIds: string[] }> {
    const budget = (await ok('POST', '/mdf/budgets', budgetDraft(3_000_000), 201)).budget;
    const allocated = await ok('POST', `/mdf/budgets/${budget.id}/allocations`, {
      order: { method: 'tier_formula', amount: usd(3_000_000) },
    });
    const allocation = allocated.allocations.find((found: Body) => found.partnerId === 'p-gold');
    const requestIds: string[] = [];
    for (let index = 0; index < PARALLEL; index += 1)
      requestIds.push((await ok('POST', '/mdf/requests', webinarDraft(allocation.id, 800_000), 201)).request.id);
    return { allocation, requestIds };
  }

  /** What the ledger says of the allocation: money in use never exceeds the money it holds, and the record agrees. */
  async function checkLedger(allocationId: string): Promise<{ inUse: number; commits: number }> {
    const view = await ok('GET', `/mdf/allocations/${allocationId}`);
    const { committed, claimed, paid } = view.ledger.balances;
    const inUse = committed.amount + claimed.amount + paid.amount;
    expect(inUse).toBeLessThanOrEqual(view.ledger.funds.amount);
    expect(view.ledger.funds).toEqual(usd(2_000_000));
    expect(view.ledger.reconciliation).toEqual([]);
    const ledger = await ok('GET', `/mdf/allocations/${allocationId}/ledger`);
    return { inUse, commits: ledger.entries.filter((entry: Body) => entry.posting.kind === 'commit').length };
  }

  function expectOneWinner(answers: Answer[], allocationId: string) {
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const losers = answers.filter((answer) => answer.status !== 200);
    expect(losers.map((answer) => answer.status)).toEqual(Array(PARALLEL - 1).fill(409));
    for (const loser of losers) {
      expect(loser.body.error).toBe('stale_write');
      expect([['expectedAllocationVersion'], ['allocation', allocationId]]).toContainEqual(loser.body.issues[0].path);
    }
  }

  it('50 approvals injected at once from the same snapshot: one commits, 49 get 409', async () => {
    const { allocation, requestIds } = await contested();
    const answers = await Promise.all(
      requestIds.map((id) =>
        server.call(tenant, 'POST', `/api/v1/mdf/requests/${id}/approve`, {
          approver: DIRECTOR,
          expectedVersion: 1,
          expectedAllocationVersion: allocation.version,
        }),
      ),
    );
    expectOneWinner(answers, allocation.id);
    expect(await checkLedger(allocation.id)).toEqual({ inUse: 600_000, commits: 1 });
    expect((await ok('GET', `/mdf/requests?allocationId=${allocation.id}&status=approved`)).requests).toHaveLength(1);
  });

  it('50 approvals over real HTTP at once from the same snapshot: one commits, 49 get 409', async () => {
    const { allocation, requestIds } = await contested();
    const answers = await Promise.all(
      requestIds.map((id) =>
        fetchJson('POST', `/mdf/requests/${id}/approve`, {
          approver: DIRECTOR,
          expectedVersion: 1,
          expectedAllocationVersion: allocation.version,
        }),
      ),
    );
    expectOneWinner(answers, allocation.id);
    expect(await checkLedger(allocation.id)).toEqual({ inUse: 600_000, commits: 1 });
  });

  it('50 approvals over real HTTP at once, each on what it reads: never more than the allocation holds', async () => {
    const { allocation, requestIds } = await contested();
    const answers = await Promise.all(
      requestIds.map((id) => fetchJson('POST', `/mdf/requests/${id}/approve`, { approver: DIRECTOR })),
    );
    const winners = answers.filter((answer) => answer.status === 200).length;
    // $20,000.00 holds three commitments of $6,000.00: the approvals that lose the race for a version get
    // 409, those that read after the money was gone are refused for insufficient funds.
    expect(winners).toBeGreaterThanOrEqual(1);
    expect(winners).toBeLessThanOrEqual(3);
    for (const answer of answers.filter((found) => found.status !== 200)) {
      expect([
        [409, 'stale_write'],
        [422, 'insufficient_funds'],
      ]).toContainEqual([answer.status, answer.body.error]);
    }
    expect(await checkLedger(allocation.id)).toEqual({ inUse: winners * 600_000, commits: winners });
  });
});
