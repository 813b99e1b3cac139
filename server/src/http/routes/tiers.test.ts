import { parseProgram } from '@conduit/core';
import fc from 'fast-check';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import { certifications, seedPartner, type PartnerSpec } from '../../store/tiers/test-channel.js';
import { TIER_REQUEST_BODIES } from './tiers.js';

jest.setTimeout(120_000);

/**
 * A channel on the demo program (quarterly, fiscal year from February, upgrades automatic and at once,
 * downgrades approved by hand for the next quarter) evaluated on 2026-11-24, so the trailing twelve
 * months run from 2025-11-25.
 */
const CHANNEL: PartnerSpec[] = [
  {
    // Gold on sourced revenue (500,000.00 USD); influenced, lost, open and old deals do not count.
    id: 'p-rising',
    tierId: 'silver',
    certifications: [...certifications('sales-professional', 3), ...certifications('technical-specialist', 1)],
    deals: [
      { closedOn: '2026-03-10', dollars: 300_000 },
      { closedOn: '2026-09-18', dollars: 200_000 },
      { closedOn: '2026-10-01', dollars: 900_000, role: 'influenced' },
      { closedOn: '2026-07-01', dollars: 400_000, stage: 'lost' },
      { closedOn: '2026-12-15', dollars: 700_000, stage: 'open' },
      { closedOn: '2024-06-01', dollars: 3_000_000 },
    ],
  },
  {
    // Stays Silver, and earns the Security specialization with its certification.
    id: 'p-steady',
    tierId: 'silver',
    certifications: [...certifications('sales-professional', 1), ...certifications('security-engineer', 1)],
    deals: [{ closedOn: '2026-05-20', dollars: 120_000 }],
  },
  {
    // Platinum once its satisfaction scores of the last fiscal quarter are imported.
    id: 'p-star',
    tierId: 'gold',
    certifications: [...certifications('sales-professional', 6), ...certifications('technical-specialist', 2)],
    deals: [
      { closedOn: '2026-02-14', dollars: 1_200_000 },
      { closedOn: '2026-08-30', dollars: 900_000 },
    ],
  },
  {
    // Gold on record, Silver on data: Gold is kept for its two grace periods.
    id: 'p-slipping',
    tierId: 'gold',
    certifications: certifications('sales-professional', 3),
    deals: [{ closedOn: '2026-09-05', dollars: 150_000 }],
  },
  {
    // Gold through its twelve registrations approved in the window (the one before it does not count).
    id: 'p-registrar',
    tierId: 'silver',
    certifications: certifications('sales-professional', 3),
    deals: [{ closedOn: '2026-04-22', dollars: 550_000 }],
    approvedRegistrations: [
      '2025-10-01',
      '2025-12-05',
      ...Array.from({ length: 11 }, (_, month) => `2026-${String(month + 1).padStart(2, '0')}-05`),
    ],
  },
  { id: 'p-newcomer', tierId: null, status: 'onboarding' },
  {
    // Not admitted to the program yet: never evaluated.
    id: 'p-applicant',
    tierId: null,
    status: 'applicant',
    certifications: certifications('sales-professional', 3),
    deals: [{ closedOn: '2026-04-22', dollars: 800_000 }],
  },
];

/** Gold on data, but with a deal in euros: the move waits for a person whatever the program says. */
const euroPartner = (id: string): PartnerSpec => ({
  id,
  tierId: 'silver',
  certifications: [...certifications('sales-professional', 3), ...certifications('technical-specialist', 1)],
  deals: [
    { closedOn: '2026-06-01', dollars: 600_000 },
    { closedOn: '2026-06-02', dollars: 5_000, currency: 'EUR' },
  ],
});

interface Move {
  partnerId: string;
  kind: string;
  fromTierId: string | null;
  toTierId: string | null;
  effectiveOn: string | null;
  summary: string;
}

type JsonObject = Record<string, unknown>;

/** The paths of every object in a JSON document (the root first), where a corruption may strike. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [
    ...(Array.isArray(value) ? [] : [path]),
    ...entries.flatMap(([key, item]) => objectPaths(item, [...path, key])),
  ];
}

/** A copy of `document` with one object changed: a field replaced by `value`, removed, or one added. */
function corrupted(document: unknown, path: (string | number)[], pick: number, value: unknown, how: string): unknown {
  const copy = structuredClone(document);
  let target = copy as JsonObject;
  for (const key of path) target = target[key] as JsonObject;
  const keys = Object.keys(target);
  const key = keys.length > 0 ? keys[pick % keys.length]! : 'field';
  if (how === 'replace') target[key] = value;
  else if (how === 'remove') delete target[key];
  else target[`unexpected${pick}`] = value;
  return copy;
}

/** Bodies near a valid example and far from it: anything at all, or the example with one field broken. */
function malformed(example: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue(),
    fc
      .tuple(
        fc.constantFrom(...objectPaths(example)),
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('replace', 'replace', 'remove', 'add'),
      )
      .map(([path, pick, value, how]) => corrupted(example, path, pick, value, how)),
  );
}

const byPartner = (a: { partnerId: string }, b: { partnerId: string }) => a.partnerId.localeCompare(b.partnerId);
const decisionsOf = (body: { entries: { trace: { decision: string; outcome: string } }[] }) =>
  body.entries.map((entry) => `${entry.trace.decision}:${entry.trace.outcome}`);

describe.each(BACKENDS)('partner tiers through HTTP on %s', (backend) => {
  let server: TestServer;
  let acme: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    acme = await server.tenant('t-acme');
    for (const spec of CHANNEL) await seedPartner(acme.store, spec);
  });
  afterAll(() => server?.dispose());

  /** The tenant's records (kind, id, version), audit entries and idempotency keys, to show nothing changed. */
  async function snapshot(tenant: TestTenant) {
    const db = tenant.store.db;
    const records = await db
      .selectFrom('records')
      .select(['kind', 'id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('kind')
      .orderBy('id')
      .execute();
    const count = async (table: 'audit_log' | 'idempotency_keys') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', tenant.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { records, audit: await count('audit_log'), keys: await count('idempotency_keys') };
  }

  const tierOf = async (tenant: TestTenant, partnerId: string) => (await tenant.store.partners.get(partnerId))?.tierId;
  const preview = async (tenant: TestTenant, partnerId: string) =>
    server.call(tenant, 'GET', `/api/v1/tiers/partners/${partnerId}/evaluation`);
  const criterion = (
    proposal: { trace: { steps: { rule: string; facts: Record<string, unknown> }[] } },
    tierId: string,
    kind: string,
  ) =>
    proposal.trace.steps.find(
      (step) => step.rule === 'tier_criterion' && step.facts.tierId === tierId && step.facts.criterion === kind,
    )?.facts;

  it('imports satisfaction scores and custom metric values, replacing by identity, and refuses a bad import whole', async () => {
    const before = await preview(acme, 'p-star');
    expect(before.status).toBe(200);
    expect([before.body.proposal.kind, before.body.proposal.toTierId]).toEqual(['no_change', 'gold']);
    expect(criterion(before.body.proposal, 'platinum', 'customer_satisfaction')).toMatchObject({ actual: null });

    const scores = (value: number) => ({
      scores: [
        { id: 'survey-101', partnerId: 'p-star', date: '2026-09-10', value: 88 },
        { id: 'survey-102', partnerId: 'p-star', date: '2026-10-20', value },
      ],
    });
    const created = await server.call(acme, 'POST', '/api/v1/tiers/satisfaction-scores', scores(80));
    expect(created).toEqual({ status: 200, body: { created: 2, updated: 0, unchanged: 0 } });
    const replaced = await server.call(acme, 'POST', '/api/v1/tiers/satisfaction-scores', scores(92));
    expect(replaced.body).toEqual({ created: 0, updated: 1, unchanged: 1 });

    const refused = await server.call(acme, 'POST', '/api/v1/tiers/satisfaction-scores', {
      scores: [
        { id: 'survey-103', partnerId: 'p-star', date: '2026-10-21', value: 10 },
        { id: 'survey-104', partnerId: 'p-ghost', date: '2026-10-21', value: 10 },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toEqual([
      { path: ['scores', 1, 'partnerId'], code: 'unknown_partner', message: 'There is no partner "p-ghost".' },
    ]);

    const metrics = await server.call(acme, 'POST', '/api/v1/tiers/custom-metrics', {
      values: [
        { partnerId: 'p-rising', key: 'nps', date: '2024-11-01', value: 50 },
        { partnerId: 'p-rising', key: 'nps', date: '2026-10-01', value: 35 },
        { partnerId: 'p-rising', key: 'nps', date: '2026-12-01', value: 90 },
        { partnerId: 'p-registrar', key: 'nps', date: '2024-12-01', value: 62 },
        { partnerId: 'p-steady', key: 'webinars', date: '2026-03-01', value: 1 },
        { partnerId: 'p-steady', key: 'webinars', date: '2026-06-01', value: 2 },
      ],
    });
    // The demo program reads neither metric yet: the answer says so.
    expect(metrics.body).toEqual({ created: 6, updated: 0, unchanged: 0, unusedKeys: ['nps', 'webinars'] });
    const again = await server.call(acme, 'POST', '/api/v1/tiers/custom-metrics', {
      values: [{ partnerId: 'p-steady', key: 'webinars', date: '2026-06-01', value: 3 }],
    });
    expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });

    const star = await server.call(acme, 'GET', '/api/v1/tiers/partners/p-star/metrics');
    expect(star.body).toEqual({
      satisfactionScores: [
        { id: 'survey-101', partnerId: 'p-star', date: '2026-09-10', value: 88 },
        { id: 'survey-102', partnerId: 'p-star', date: '2026-10-20', value: 92 },
      ],
      customMetrics: [],
    });
    const steady = await server.call(acme, 'GET', '/api/v1/tiers/partners/p-steady/metrics?from=2026-05-01');
    expect(steady.body.customMetrics).toEqual([
      { partnerId: 'p-steady', key: 'webinars', date: '2026-06-01', value: 3 },
    ]);

    const after = await preview(acme, 'p-star');
    expect([after.body.proposal.kind, after.body.proposal.toTierId]).toEqual(['upgrade', 'platinum']);
    expect(criterion(after.body.proposal, 'platinum', 'customer_satisfaction')).toMatchObject({
      actual: 90,
      met: true,
    });
  });

  it("previews one partner's evaluation with its full explanation, and changes nothing", async () => {
    const before = await snapshot(acme);
    const registrar = await preview(acme, 'p-registrar');
    expect(registrar.status).toBe(200);
    expect(registrar.body.standing).toBeNull();
    const proposal = registrar.body.proposal;
    expect(proposal).toMatchObject({
      partnerId: 'p-registrar',
      kind: 'upgrade',
      fromTierId: 'silver',
      toTierId: 'gold',
      effectiveOn: '2026-11-24',
      action: 'apply_automatically',
      trace: {
        decision: 'tiers.proposal',
        subject: { type: 'partner', id: 'p-registrar' },
        summary: 'Upgrade from Silver to Gold on 2026-11-24: it meets the criteria of Gold.',
      },
    });
    expect(criterion(proposal, 'gold', 'approved_registrations')).toMatchObject({
      required: 12,
      actual: 12,
      met: true,
    });
    expect(criterion(proposal, 'gold', 'certifications')).toMatchObject({ required: 3, actual: 3 });

    const rising = await preview(acme, 'p-rising');
    expect(criterion(rising.body.proposal, 'gold', 'won_revenue')).toMatchObject({
      actual: { amount: 50_000_000, currency: 'USD' },
      window: { from: '2025-11-25', through: '2026-11-24' },
    });

    const ghost = await preview(acme, 'p-ghost');
    expect([ghost.status, ghost.body.error]).toEqual([404, 'unknown_partner']);
    const applicant = await preview(acme, 'p-applicant');
    expect([applicant.status, applicant.body.error]).toEqual([422, 'partner_not_in_program']);
    expect(await snapshot(acme)).toEqual(before);
  });

  it('predicts with what-if on the program in force exactly what the evaluation then does', async () => {
    const program = await server.call(acme, 'GET', '/api/v1/program');
    const before = await snapshot(acme);
    const whatIf = await server.call(acme, 'POST', '/api/v1/tiers/what-if', { program: program.body.program });
    expect(whatIf.status).toBe(200);
    expect(await snapshot(acme)).toEqual(before);

    const evaluated = CHANNEL.filter((spec) => spec.status !== 'applicant').map((spec) => spec.id);
    const previews = await Promise.all(evaluated.map(async (id) => (await preview(acme, id)).body.proposal));
    const axis: (string | null)[] = whatIf.body.matrix.tierIds;
    const counts = axis.map(() => axis.map(() => 0));
    for (const proposal of previews) counts[axis.indexOf(proposal.fromTierId)]![axis.indexOf(proposal.toTierId)]! += 1;
    expect(whatIf.body).toMatchObject({ evaluatedOn: '2026-11-24', partners: 6, matrix: { counts } });
    const expectedMoves: Move[] = previews
      .filter((proposal) => proposal.kind === 'upgrade' || proposal.kind === 'downgrade')
      .map(({ partnerId, kind, fromTierId, toTierId, effectiveOn, trace }) => ({
        partnerId,
        kind,
        fromTierId,
        toTierId,
        effectiveOn,
        summary: trace.summary,
      }))
      .sort(byPartner);
    expect([...whatIf.body.moves].sort(byPartner)).toEqual(expectedMoves);
    expect(expectedMoves.map((move) => `${move.partnerId}→${move.toTierId}`)).toEqual([
      'p-newcomer→registered',
      'p-registrar→gold',
      'p-rising→gold',
      'p-star→platinum',
    ]);

    const run = await server.call(acme, 'POST', '/api/v1/tiers/evaluations', {});
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      evaluatedOn: '2026-11-24',
      partners: 6,
      byKind: { upgrade: 4, downgrade: 0, hold_in_grace: 1, no_change: 1 },
      byResult: { applied: 6, awaiting_approval: 0, already_awaiting: 0, unchanged: 0, failed: 0 },
      issues: [],
    });
    const moved = (run.body.proposals as (Move & { proposalId: string; result: string })[])
      .filter((proposal) => proposal.kind === 'upgrade' || proposal.kind === 'downgrade')
      .map(({ proposalId: _id, result: _result, ...move }: Move & { proposalId: string; result: string }) => move)
      .sort(byPartner);
    expect(moved).toEqual(expectedMoves);

    // The partner records follow: tiers and the Security specialization.
    const records = await acme.store.partners.getMany(CHANNEL.map((spec) => spec.id));
    expect(
      Object.fromEntries(records.map((partner) => [partner.id, [partner.tierId, partner.specializationIds]])),
    ).toEqual({
      'p-rising': ['gold', []],
      'p-steady': ['silver', ['security']],
      'p-star': ['platinum', []],
      'p-slipping': ['gold', []],
      'p-registrar': ['gold', []],
      'p-newcomer': ['registered', []],
      'p-applicant': [null, []],
    });

    const rising = await server.call(acme, 'GET', '/api/v1/tiers/partners/p-rising');
    expect(rising.body).toMatchObject({
      tierId: 'gold',
      standing: { status: 'tiered', tier: { tierId: 'gold', reachedBy: 'upgrade', since: '2026-11-24' } },
      history: [
        {
          direction: 'upgrade',
          reason: 'qualification',
          fromTierId: 'silver',
          toTierId: 'gold',
          decidedBy: { kind: 'automatic' },
        },
      ],
      proposals: [{ status: 'approved', decidedBy: { kind: 'automatic' }, proposal: { kind: 'upgrade' } }],
    });
    const slipping = await server.call(acme, 'GET', '/api/v1/tiers/partners/p-slipping');
    expect(slipping.body.standing).toMatchObject({ status: 'in_grace', grace: { since: '2026-11-24' } });
    const audit = await server.call(acme, 'GET', '/api/v1/audit/partner/p-rising');
    expect(decisionsOf(audit.body)).toEqual(['tiers.proposal:upgrade']);
    const pages: string[][] = [];
    for (let after: string | null = '', page = 0; after !== null && page < 5; page++) {
      const url: string = `/api/v1/tiers/standings?status=tiered&limit=2${after ? `&after=${after}` : ''}`;
      const listed: { standings: { partnerId: string }[]; next: string | null } = (await server.call(acme, 'GET', url))
        .body;
      pages.push(listed.standings.map((standing) => standing.partnerId));
      after = listed.next;
    }
    expect(pages).toEqual([['p-newcomer', 'p-registrar'], ['p-rising', 'p-star'], ['p-steady']]);
    expect((await server.call(acme, 'GET', '/api/v1/tiers/proposals')).body).toEqual({ proposals: [], next: null });

    // Run again on the same data: nothing new to do, and nothing added to the audit log.
    const auditBefore = (await snapshot(acme)).audit;
    const again = await server.call(acme, 'POST', '/api/v1/tiers/evaluations');
    expect(again.body).toMatchObject({ byResult: { unchanged: 6 }, proposals: [], effects: [] });
    expect((await snapshot(acme)).audit).toBe(auditBefore);
  });

  it('shows with what-if who a draft program would move, reading the imported custom metrics, and changes nothing', async () => {
    const program = (await server.call(acme, 'GET', '/api/v1/program')).body.program;
    const draft = structuredClone(program);
    const gold = draft.tiers.find((tier: { id: string }) => tier.id === 'gold');
    gold.criteria.conditions.push({ kind: 'custom_metric', key: 'nps', label: 'Net promoter score', atLeast: 40 });
    const before = await snapshot(acme);
    const report = await server.call(acme, 'POST', '/api/v1/tiers/what-if', { program: draft });
    expect(report.status).toBe(200);
    // p-rising's latest score on or before today is 35 (the 90 is dated later): it falls back to Silver, at
    // once on probation. p-registrar's only score, 62, is older than any window and still counts.
    expect(report.body.moves).toEqual([
      {
        partnerId: 'p-rising',
        kind: 'downgrade',
        fromTierId: 'gold',
        toTierId: 'silver',
        effectiveOn: '2027-02-01',
        summary: expect.stringContaining('Downgrade from Gold to Silver on 2027-02-01'),
      },
    ]);
    const only = await server.call(acme, 'POST', '/api/v1/tiers/what-if', {
      program: draft,
      partnerIds: ['p-registrar'],
    });
    expect([only.body.partners, only.body.moves]).toEqual([1, []]);
    expect(await snapshot(acme)).toEqual(before);
  });

  it('keeps a partner in grace through its grace periods, then queues a downgrade approved for the next quarter', async () => {
    server.clock.set('2027-03-10T15:00:00Z');
    const held = await server.call(acme, 'POST', '/api/v1/tiers/evaluations', { partnerIds: ['p-slipping'] });
    expect(held.body).toMatchObject({ partners: 1, byKind: { hold_in_grace: 1 }, byResult: { unchanged: 1 } });
    expect((await preview(acme, 'p-slipping')).body.proposal.trace.summary).toBe(
      'Hold Gold in grace (evaluation period 2 of 2): it qualifies for Silver.',
    );

    server.clock.set('2027-05-17T15:00:00Z');
    const run = await server.call(acme, 'POST', '/api/v1/tiers/evaluations', { partnerIds: ['p-slipping'] });
    expect(run.body.proposals).toEqual([
      expect.objectContaining({
        partnerId: 'p-slipping',
        result: 'awaiting_approval',
        kind: 'downgrade',
        fromTierId: 'gold',
        toTierId: 'silver',
        effectiveOn: '2027-08-01',
      }),
    ]);
    const queue = await server.call(acme, 'GET', '/api/v1/tiers/proposals?status=pending');
    expect(queue.body.proposals).toHaveLength(1);
    const pending = queue.body.proposals[0];
    expect(pending).toMatchObject({ id: run.body.proposals[0].proposalId, version: 1, status: 'pending' });

    const approved = await server.call(acme, 'POST', `/api/v1/tiers/proposals/${pending.id}/decision`, {
      decision: 'approve',
      by: 'manager-7',
      note: 'Quarterly review',
      expectedVersion: 1,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.record).toMatchObject({ status: 'approved', version: 2, note: 'Quarterly review' });
    expect(approved.body.effects.map((effect: { event?: string }) => effect.event)).toEqual(['tier_change_scheduled']);
    const scheduled = await server.call(acme, 'GET', '/api/v1/tiers/partners/p-slipping');
    expect(scheduled.body.standing.scheduled).toMatchObject({ toTierId: 'silver', effectiveOn: '2027-08-01' });
    expect(await tierOf(acme, 'p-slipping')).toBe('gold');

    server.clock.set('2027-07-31T15:00:00Z');
    expect((await server.call(acme, 'POST', '/api/v1/tiers/settlements')).body).toEqual({
      settled: 0,
      effects: [],
      issues: [],
    });
    server.clock.set('2027-08-01T15:00:00Z');
    const settled = await server.call(acme, 'POST', '/api/v1/tiers/settlements', {});
    expect(settled.body).toMatchObject({ settled: 1, issues: [] });
    expect(await tierOf(acme, 'p-slipping')).toBe('silver');
    const history = (await server.call(acme, 'GET', '/api/v1/tiers/partners/p-slipping')).body;
    expect(history.tierId).toBe('silver');
    expect(history.history.at(-1)).toMatchObject({
      direction: 'downgrade',
      reason: 'grace_over',
      fromTierId: 'gold',
      toTierId: 'silver',
      effectiveOn: '2027-08-01',
      decidedBy: { kind: 'user', userId: 'manager-7' },
    });
    const audit = await server.call(acme, 'GET', '/api/v1/audit/partner/p-slipping');
    expect(decisionsOf(audit.body)).toEqual([
      'tiers.proposal:hold_in_grace',
      'tiers.proposal:downgrade',
      'tiers.proposal_decision:approved',
      'tiers.scheduled_change:settled',
    ]);
  });

  it('approves and rejects proposals, answering 409 to a stale version and to the loser of two parallel approvals', async () => {
    server.clock.set('2026-11-24T15:00:00Z');
    const tenant = await server.tenant('t-decisions');
    for (const id of ['p-euro-1', 'p-euro-2', 'p-euro-3']) await seedPartner(tenant.store, euroPartner(id));
    // Two evaluations at once (a retried nightly job beside a manager's click): one queues the three
    // proposals, the other finds them waiting; never two pending proposals for a partner.
    const runs = await Promise.all([1, 2].map(() => server.call(tenant, 'POST', '/api/v1/tiers/evaluations', {})));
    expect(runs.map((answer) => answer.status)).toEqual([200, 200]);
    const [run, rerun] = [...runs].sort(
      (a, b) => b.body.byResult.awaiting_approval - a.body.byResult.awaiting_approval,
    );
    expect(run!.body.byResult).toMatchObject({ awaiting_approval: 3, already_awaiting: 0 });
    expect(rerun!.body.byResult).toMatchObject({ awaiting_approval: 0, already_awaiting: 3 });
    expect((await server.call(tenant, 'GET', '/api/v1/tiers/proposals')).body.proposals).toHaveLength(3);
    expect(run!.body.issues.map((found: { partnerId: string }) => found.partnerId)).toEqual([
      'p-euro-1',
      'p-euro-2',
      'p-euro-3',
    ]);
    const idOf = (partnerId: string) =>
      (run!.body.proposals as { partnerId: string; proposalId: string }[]).find((p) => p.partnerId === partnerId)!
        .proposalId;
    const decide = (partnerId: string, body: object) =>
      server.call(tenant, 'POST', `/api/v1/tiers/proposals/${idOf(partnerId)}/decision`, body);

    const before = await snapshot(tenant);
    const stale = await decide('p-euro-1', { decision: 'approve', by: 'manager-1', expectedVersion: 2 });
    expect([stale.status, stale.body.error]).toEqual([409, 'stale_write']);
    expect({ ...(await snapshot(tenant)), keys: 0 }).toEqual({ ...before, keys: 0 });

    const approved = await decide('p-euro-1', { decision: 'approve', by: 'manager-1', expectedVersion: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body.effects.map((effect: { kind: string }) => effect.kind)).toEqual([
      'update_partner_tier',
      'adjust_benefits',
      'notify',
    ]);
    expect(await tierOf(tenant, 'p-euro-1')).toBe('gold');
    const twice = await decide('p-euro-1', { decision: 'approve', by: 'manager-1' });
    expect([twice.status, twice.body.error]).toEqual([422, 'proposal_not_pending']);
    const staleTwice = await decide('p-euro-1', {
      decision: 'reject',
      by: 'manager-1',
      reason: 'No',
      expectedVersion: 1,
    });
    expect(staleTwice.status).toBe(409);

    const blank = await decide('p-euro-2', { decision: 'reject', by: 'manager-1', reason: '   ' });
    expect([blank.status, blank.body.issues[0].path]).toEqual([400, ['reason']]);
    const rejected = await decide('p-euro-2', { decision: 'reject', by: 'manager-1', reason: 'Check the euro deal' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.record).toMatchObject({ status: 'rejected', note: 'Check the euro deal' });
    expect(await tierOf(tenant, 'p-euro-2')).toBe('silver');
    const audit = await server.call(tenant, 'GET', '/api/v1/audit/partner/p-euro-2');
    expect(decisionsOf(audit.body)).toEqual(['tiers.proposal:upgrade', 'tiers.proposal_decision:rejected']);

    const racing = await Promise.all(
      ['manager-1', 'manager-2'].map((by) => decide('p-euro-3', { decision: 'approve', by, expectedVersion: 1 })),
    );
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const euro3 = await server.call(tenant, 'GET', '/api/v1/tiers/partners/p-euro-3');
    expect(euro3.body.history).toHaveLength(1);
    expect(euro3.body.standing.version).toBe(2);

    const unknown = await server.call(tenant, 'POST', '/api/v1/tiers/proposals/tier-proposal_nope/decision', {
      decision: 'approve',
      by: 'manager-1',
    });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'unknown_proposal']);
  });

  it('overrides a tier until a day, lets the expired override give way, and ends an override early', async () => {
    server.clock.set('2026-11-24T15:00:00Z');
    const tenant = await server.tenant('t-overrides');
    await seedPartner(tenant.store, {
      id: 'p-steady',
      tierId: 'silver',
      certifications: certifications('sales-professional', 1),
      deals: [{ closedOn: '2026-05-20', dollars: 120_000 }],
    });
    await seedPartner(tenant.store, { id: 'p-bold', tierId: 'registered' });
    const override = (partnerId: string, body: object) =>
      server.call(tenant, 'POST', `/api/v1/tiers/partners/${partnerId}/override`, body);
    const launch = { tierId: 'platinum', expiresOn: '2027-01-15', reason: 'Launch partner', by: 'manager-2' };

    const set = await override('p-steady', { ...launch, expectedVersion: null });
    expect(set.status).toBe(200);
    expect(set.body.standing).toMatchObject({
      status: 'overridden',
      version: 1,
      override: { tierId: 'platinum', expiresOn: '2027-01-15' },
    });
    expect(set.body.effects.map((effect: { kind: string; event?: string }) => effect.event ?? effect.kind)).toEqual([
      'update_partner_tier',
      'adjust_benefits',
      'tier_upgraded',
      'override_set',
    ]);
    expect(await tierOf(tenant, 'p-steady')).toBe('platinum');

    const before = await snapshot(tenant);
    const stale = await override('p-steady', { ...launch, expectedVersion: null });
    expect([stale.status, stale.body.error]).toEqual([409, 'stale_write']);
    for (const [change, code] of [
      [{ expiresOn: '2028-01-01' }, 'override_too_long'],
      [{ expiresOn: '2026-11-24' }, 'override_expiry_past'],
      [{ tierId: 'diamond' }, 'unknown_tier'],
    ] as const) {
      const refused = await override('p-steady', { ...launch, ...change });
      expect([refused.status, refused.body.error]).toEqual([422, code]);
    }
    expect({ ...(await snapshot(tenant)), keys: 0 }).toEqual({ ...before, keys: 0 });

    server.clock.set('2026-12-10T15:00:00Z');
    const during = await server.call(tenant, 'POST', '/api/v1/tiers/evaluations', { partnerIds: ['p-steady'] });
    expect(during.body).toMatchObject({ byKind: { no_change: 1 }, proposals: [] });

    server.clock.set('2027-01-15T15:00:00Z');
    const expired = await server.call(tenant, 'POST', '/api/v1/tiers/evaluations', { partnerIds: ['p-steady'] });
    expect(expired.body.proposals).toEqual([
      expect.objectContaining({
        kind: 'downgrade',
        result: 'awaiting_approval',
        fromTierId: 'platinum',
        toTierId: 'silver',
      }),
    ]);
    const approved = await server.call(
      tenant,
      'POST',
      `/api/v1/tiers/proposals/${expired.body.proposals[0].proposalId}/decision`,
      { decision: 'approve', by: 'manager-2' },
    );
    expect(approved.status).toBe(200);
    expect(await tierOf(tenant, 'p-steady')).toBe('silver');
    const steady = await server.call(tenant, 'GET', '/api/v1/tiers/partners/p-steady');
    expect(steady.body.standing).toMatchObject({
      status: 'tiered',
      tier: { tierId: 'silver', reachedBy: 'override_expired' },
    });
    expect(steady.body.history.map((change: { reason: string }) => change.reason)).toEqual([
      'override',
      'override_expired',
    ]);

    const bold = await override('p-bold', {
      tierId: 'gold',
      expiresOn: '2027-06-01',
      reason: 'Strategic bet',
      by: 'manager-3',
    });
    expect(bold.status).toBe(200);
    const end = (body: object) => server.call(tenant, 'POST', '/api/v1/tiers/partners/p-bold/override/end', body);
    expect((await end({ by: 'manager-3', expectedVersion: 7 })).status).toBe(409);
    const ended = await end({ by: 'manager-3', expectedVersion: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body.effects.map((effect: { event: string }) => effect.event)).toEqual(['override_ended']);
    const endedTwice = await end({ by: 'manager-3' });
    expect([endedTwice.status, endedTwice.body.error]).toEqual([422, 'not_overridden']);
    const after = await server.call(tenant, 'POST', '/api/v1/tiers/evaluations', { partnerIds: ['p-bold'] });
    expect(after.body.proposals).toEqual([
      expect.objectContaining({
        kind: 'downgrade',
        result: 'awaiting_approval',
        fromTierId: 'gold',
        toTierId: 'registered',
      }),
    ]);

    const audit = await server.call(tenant, 'GET', '/api/v1/audit/partner/p-bold');
    expect(decisionsOf(audit.body)).toEqual(['tiers.override:set', 'tiers.override:ended', 'tiers.proposal:downgrade']);
    const unknown = await override('p-ghost', launch);
    expect([unknown.status, unknown.body.error]).toEqual([404, 'unknown_partner']);
  });

  it('answers malformed requests with 400 naming each bad field, and changes nothing', async () => {
    const before = await snapshot(acme);
    const proposal = (await server.call(acme, 'GET', '/api/v1/tiers/proposals?status=approved&limit=1')).body
      .proposals[0];
    const program = (await server.call(acme, 'GET', '/api/v1/program')).body.program;
    const duplicateRanks = structuredClone(program);
    duplicateRanks.tiers[2].rank = 2;
    const cases: [string, string, unknown, [string, string][]][] = [
      [
        'POST',
        '/api/v1/tiers/evaluations',
        { partnerIds: [], extra: 1 },
        [
          ['partnerIds', 'too_small'],
          ['extra', 'unknown_field'],
        ],
      ],
      [
        'POST',
        `/api/v1/tiers/proposals/${proposal.id}/decision`,
        { decision: 'reject', by: 'manager-1', expectedVersion: -1 },
        [
          ['reason', 'required'],
          ['expectedVersion', 'too_small'],
        ],
      ],
      [
        'POST',
        `/api/v1/tiers/proposals/${proposal.id}/decision`,
        { decision: 'maybe', by: 'm' },
        [['decision', 'invalid_value']],
      ],
      [
        'POST',
        '/api/v1/tiers/partners/p-rising/override',
        { tierId: 'Gold!', expiresOn: '2027-02-30', reason: '', by: 'manager-1' },
        [
          ['tierId', 'invalid_format'],
          ['expiresOn', 'invalid_date'],
          ['reason', 'too_small'],
        ],
      ],
      ['POST', '/api/v1/tiers/partners/p-rising/override/end', {}, [['by', 'required']]],
      [
        'POST',
        '/api/v1/tiers/satisfaction-scores',
        { scores: [{ id: 's-1', partnerId: 'p-star', date: '2026-02-30', value: 140 }] },
        [
          ['scores.0.date', 'invalid_date'],
          ['scores.0.value', 'too_big'],
        ],
      ],
      [
        'POST',
        '/api/v1/tiers/satisfaction-scores',
        {
          scores: [
            { id: 's-1', partnerId: 'p-star', date: '2026-10-01', value: 70 },
            { id: 's-1', partnerId: 'p-star', date: '2026-10-02', value: 71 },
          ],
        },
        [['scores.1.id', 'duplicate_value']],
      ],
      [
        'POST',
        '/api/v1/tiers/custom-metrics',
        { values: [{ partnerId: 'p-star', key: 'NPS', date: '2026-01-01', value: 'high' }] },
        [
          ['values.0.key', 'invalid_format'],
          ['values.0.value', 'invalid_type'],
        ],
      ],
      ['POST', '/api/v1/tiers/custom-metrics', { values: [] }, [['values', 'too_small']]],
      ['POST', '/api/v1/tiers/settlements', { now: '2030-01-01' }, [['now', 'unknown_field']]],
      ['POST', '/api/v1/tiers/what-if', { program: duplicateRanks }, [['program.tiers.2.rank', 'tier_rank_duplicate']]],
      [
        'POST',
        '/api/v1/tiers/what-if',
        { draft: {} },
        [
          ['program', 'required'],
          ['draft', 'unknown_field'],
        ],
      ],
      [
        'GET',
        '/api/v1/tiers/proposals?status=open&limit=0',
        undefined,
        [
          ['query.status', 'invalid_value'],
          ['query.limit', 'too_small'],
        ],
      ],
      ['GET', '/api/v1/tiers/partners/p-star/metrics?from=yesterday', undefined, [['query.from', 'invalid_date']]],
    ];
    for (const [method, url, body, expected] of cases) {
      const response = await server.call(acme, method, url, body);
      expect([url, response.status]).toEqual([url, 400]);
      expect(response.body.message).toEqual(expect.any(String));
      expect(
        response.body.issues.map((issue: { path: unknown[]; code: string }) => [issue.path.join('.'), issue.code]),
      ).toEqual(expected);
    }
    expect(await snapshot(acme)).toEqual(before);
  });

  it('answers 500 generated malformed bodies across the tier endpoints with 400 and a message, and changes nothing', async () => {
    const program = (await server.call(acme, 'GET', '/api/v1/program')).body.program as JsonObject;
    const endpoints: { route: keyof typeof TIER_REQUEST_BODIES; url: string; example: unknown }[] = [
      { route: 'POST /tiers/evaluations', url: '/api/v1/tiers/evaluations', example: { partnerIds: ['p-rising'] } },
      {
        route: 'POST /tiers/proposals/:id/decision',
        url: '/api/v1/tiers/proposals/tier-proposal_x/decision',
        example: { decision: 'reject', by: 'manager-1', reason: 'No', expectedVersion: 1 },
      },
      {
        route: 'POST /tiers/partners/:partnerId/override',
        url: '/api/v1/tiers/partners/p-rising/override',
        example: { tierId: 'gold', expiresOn: '2027-09-01', reason: 'Launch', by: 'manager-1', expectedVersion: null },
      },
      {
        route: 'POST /tiers/partners/:partnerId/override/end',
        url: '/api/v1/tiers/partners/p-rising/override/end',
        example: { by: 'manager-1', expectedVersion: 1 },
      },
      { route: 'POST /tiers/settlements', url: '/api/v1/tiers/settlements', example: {} },
      {
        route: 'POST /tiers/what-if',
        url: '/api/v1/tiers/what-if',
        example: { program: { ...program, tiers: (program.tiers as unknown[]).slice(0, 2) }, partnerIds: ['p-rising'] },
      },
      {
        route: 'POST /tiers/satisfaction-scores',
        url: '/api/v1/tiers/satisfaction-scores',
        example: { scores: [{ id: 's-9', partnerId: 'p-star', date: '2026-10-01', value: 50 }] },
      },
      {
        route: 'POST /tiers/custom-metrics',
        url: '/api/v1/tiers/custom-metrics',
        example: { values: [{ partnerId: 'p-star', key: 'nps', date: '2026-10-01', value: 50 }] },
      },
    ];
    const refused = (route: keyof typeof TIER_REQUEST_BODIES, body: unknown) => {
      const checked = TIER_REQUEST_BODIES[route].safeParse(body);
      if (!checked.success) return true;
      return route === 'POST /tiers/what-if' && !parseProgram((body as { program: unknown }).program).success;
    };
    const cases = fc
      .constantFrom(...endpoints)
      .chain((endpoint) =>
        malformed(endpoint.example).map((body) => ({ ...endpoint, body: JSON.parse(JSON.stringify(body)) as unknown })),
      )
      .filter(({ route, body }) => refused(route, body));

    const before = await snapshot(acme);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(cases, async ({ route, url, body }) => {
        seen.add(route);
        const response = await server.app.inject({
          method: 'POST',
          url,
          headers: {
            authorization: `Bearer ${acme.token}`,
            'idempotency-key': 'malformed',
            'content-type': 'application/json',
          },
          payload: JSON.stringify(body),
        });
        const answer = response.json<{ message: unknown; issues: unknown[] }>();
        expect([route, response.statusCode]).toEqual([route, 400]);
        expect(typeof answer.message === 'string' && answer.message.length > 0).toBe(true);
        expect(answer.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
    expect(seen.size).toBe(endpoints.length);
    expect(await snapshot(acme)).toEqual(before);
  });

  it('evaluates a channel of several pages of partners, recording each page as it goes', async () => {
    server.clock.set('2026-11-24T15:00:00Z');
    const tenant = await server.tenant('t-large');
    const ids = Array.from({ length: 450 }, (_, index) => `p-${String(index).padStart(3, '0')}`);
    for (const [index, id] of ids.entries()) {
      // Every third partner qualifies for Silver; the others stay Registered.
      const silver = index % 3 === 0;
      await seedPartner(tenant.store, {
        id,
        tierId: 'registered',
        certifications: certifications('sales-professional', silver ? 1 : 0),
        deals: [{ closedOn: '2026-06-01', dollars: silver ? 100_000 : 40_000 }],
      });
    }
    const run = await server.call(tenant, 'POST', '/api/v1/tiers/evaluations', {});
    expect(run.body).toMatchObject({
      partners: 450,
      byKind: { upgrade: 150, no_change: 300 },
      byResult: { applied: 150, unchanged: 300 },
    });
    expect(run.body.proposals).toHaveLength(150);
    const partners = await tenant.store.partners.getMany(ids);
    expect(
      partners
        .filter((partner) => partner.tierId === 'silver')
        .map((partner) => partner.id)
        .sort(),
    ).toEqual(ids.filter((_, index) => index % 3 === 0));
    const audited = await tenant.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenant.id)
      .where('decision', '=', 'tiers.proposal')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(150);
    expect((await tenant.store.tiers.standings.page({ limit: 500 })).length).toBe(450);
  });

  it('replays a retried evaluation, keeps tenants apart, and needs a program', async () => {
    server.clock.set('2027-08-02T15:00:00Z');
    const headers = { 'idempotency-key': 'nightly-2027-08-02' };
    const first = await server.call(acme, 'POST', '/api/v1/tiers/evaluations', {}, headers);
    const afterFirst = await snapshot(acme);
    const retry = await server.call(acme, 'POST', '/api/v1/tiers/evaluations', {}, headers);
    expect(retry).toEqual(first);
    expect(await snapshot(acme)).toEqual(afterFirst);

    const other = await server.tenant('t-other');
    const proposalId = (await server.call(acme, 'GET', '/api/v1/tiers/proposals?status=approved&limit=1')).body
      .proposals[0].id;
    expect((await server.call(other, 'GET', `/api/v1/tiers/proposals/${proposalId}`)).status).toBe(404);
    const decision = await server.call(other, 'POST', `/api/v1/tiers/proposals/${proposalId}/decision`, {
      decision: 'reject',
      by: 'intruder',
      reason: 'Not mine',
    });
    expect(decision.status).toBe(404);
    expect((await server.call(other, 'GET', '/api/v1/tiers/partners/p-rising')).status).toBe(404);
    expect(
      (
        await server.call(other, 'POST', '/api/v1/tiers/partners/p-rising/override', {
          tierId: 'gold',
          expiresOn: '2027-09-01',
          reason: 'Intrusion',
          by: 'intruder',
        })
      ).status,
    ).toBe(404);
    expect((await server.call(other, 'POST', '/api/v1/tiers/evaluations', {})).body.partners).toBe(0);
    expect((await server.call(other, 'GET', '/api/v1/tiers/standings')).body.standings).toEqual([]);
    expect(await snapshot(acme)).toEqual(afterFirst);

    const blank = await server.tenant('t-no-program', { program: null });
    const refused = await server.call(blank, 'POST', '/api/v1/tiers/evaluations', {});
    expect([refused.status, refused.body.error]).toEqual([422, 'no_program']);

    const docs = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/tiers/evaluations', '/api/v1/tiers/what-if']),
    );
  });
});
