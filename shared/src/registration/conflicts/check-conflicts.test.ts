import type { Program } from '../../program/schema/program.js';
import { parseProgram } from '../../program/parse-program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { Registration } from '../registration.js';
import { directAccount, openOpportunity, registrationFixture } from '../test-support/registrations.js';
import { checkConflicts } from './check-conflicts.js';
import type { ConflictContext } from './conflict-context.js';

function program(conflicts: Partial<Program['registration']['conflicts']> = {}): Program {
  const input = demoProgramInput() as { registration: { conflicts: Record<string, unknown> } };
  Object.assign(input.registration.conflicts, conflicts);
  const result = parseProgram(input);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

const now = new Date('2026-11-24T15:00:00Z');
const mine = registrationFixture({
  id: 'r-mine',
  partnerId: 'p-1',
  status: 'submitted',
  submittedAt: '2026-11-20T10:00:00.000Z',
  customer: { name: 'Acme Robotics Inc.', domain: 'acme-robotics.com', country: 'US' },
});
const emptyContext: ConflictContext = { registrations: [], accounts: [], opportunities: [] };

function check(context: Partial<ConflictContext>, options: { program?: Program; registration?: Registration } = {}) {
  return checkConflicts(
    options.registration ?? mine,
    { ...emptyContext, ...context },
    { program: options.program ?? program(), now },
  );
}

function competing(submittedAt: string, name = 'ACME ROBOTICS', partnerId = 'p-2') {
  return registrationFixture({ id: 'r-other', partnerId, status: 'submitted', submittedAt, customer: { name } });
}

describe('checkConflicts', () => {
  it('is clear when nothing matches the customer', () => {
    const result = check({ accounts: [directAccount('a-1', 'Globex Corporation')] });
    expect(result.verdict).toBe('clear');
    expect(result.matches).toEqual([]);
    expect(result.trace.summary).toMatchInlineSnapshot(
      `"Clear: no registration, account or opportunity matches "Acme Robotics Inc."."`,
    );
  });

  it('is a conflict when another partner registered the customer first', () => {
    const result = check({ registrations: [competing('2026-11-01T10:00:00.000Z')] });
    expect(result.verdict).toBe('conflict');
    expect(result.matches[0]).toMatchObject({
      kind: 'competing_registration',
      record: { type: 'registration', id: 'r-other' },
      partnerId: 'p-2',
      match: 'same',
      effect: 'conflict',
    });
    expect(result.matches[0]!.evidence.map((step) => step.rule)).toEqual(['normalized_name']);
    expect(result.trace).toMatchObject({
      decision: 'registration.conflict',
      subject: { type: 'registration', id: 'r-mine' },
      outcome: 'conflict',
    });
    expect(result.trace.summary).toMatchInlineSnapshot(
      `"Conflict: Partner p-2 registered this customer first (r-other, submitted 2026-11-01T10:00:00.000Z): the first to register wins."`,
    );
  });

  it('is clear when this registration came first, and still lists the later claim', () => {
    const result = check({ registrations: [competing('2026-11-22T10:00:00.000Z')] });
    expect(result.verdict).toBe('clear');
    expect(result.matches).toHaveLength(1);
    expect(result.trace.steps[0]).toMatchObject({ rule: 'competing_registration', result: 'pass' });
  });

  it('uses the submission time of a draft being submitted now', () => {
    const draft = registrationFixture({
      id: 'r-draft',
      partnerId: 'p-1',
      status: 'draft',
      customer: { name: 'Acme Robotics' },
    });
    expect(check({ registrations: [competing('2026-11-24T14:00:00.000Z')] }, { registration: draft }).verdict).toBe(
      'conflict',
    );
  });

  it('lets the higher tier win under the highest-tier rule, and the first to register between equals', () => {
    const highestTier = program({ precedence: 'highest_tier' });
    const later = [competing('2026-11-22T10:00:00.000Z')];
    const earlier = [competing('2026-11-01T10:00:00.000Z')];
    expect(
      check({ registrations: later, partnerTierRanks: { 'p-1': 2, 'p-2': 3 } }, { program: highestTier }).verdict,
    ).toBe('conflict');
    expect(
      check({ registrations: earlier, partnerTierRanks: { 'p-1': 3, 'p-2': 2 } }, { program: highestTier }).verdict,
    ).toBe('clear');
    expect(
      check({ registrations: earlier, partnerTierRanks: { 'p-1': 2, 'p-2': 2 } }, { program: highestTier }).verdict,
    ).toBe('conflict');
  });

  it('sends every competing claim to review under the manual-review rule', () => {
    const result = check(
      { registrations: [competing('2026-11-22T10:00:00.000Z')] },
      { program: program({ precedence: 'manual_review' }) },
    );
    expect(result.verdict).toBe('review');
  });

  it('sends a possible match to review whatever the precedence', () => {
    const result = check({ registrations: [competing('2026-11-01T10:00:00.000Z', 'Acme Robotics Europe Holding')] });
    expect(result.matches[0]).toMatchObject({ match: 'possible', effect: 'review' });
    expect(result.verdict).toBe('review');
  });

  it('ignores closed registrations of other partners', () => {
    const won = registrationFixture({
      id: 'r-won',
      partnerId: 'p-2',
      status: 'won',
      closedOn: '2026-11-01',
      customer: { name: 'Acme Robotics' },
    });
    expect(check({ registrations: [won] }).verdict).toBe('clear');
  });

  it('flags a duplicate of the same partner: open is a conflict, recently closed needs review, long closed is ignored', () => {
    const open = registrationFixture({
      id: 'r-dup',
      partnerId: 'p-1',
      status: 'approved',
      customer: { name: 'Acme Robotics' },
    });
    const recent = registrationFixture({
      id: 'r-old',
      partnerId: 'p-1',
      status: 'lost',
      closedOn: '2026-09-01',
      customer: { name: 'Acme Robotics' },
    });
    const ancient = registrationFixture({
      id: 'r-older',
      partnerId: 'p-1',
      status: 'rejected',
      decidedAt: '2025-01-01T10:00:00.000Z',
      customer: { name: 'Acme Robotics' },
    });
    expect(check({ registrations: [open] }).matches[0]).toMatchObject({
      kind: 'duplicate_registration',
      effect: 'conflict',
    });
    expect(check({ registrations: [recent] }).matches[0]).toMatchObject({
      kind: 'duplicate_registration',
      effect: 'review',
    });
    expect(check({ registrations: [ancient] }).matches).toEqual([]);
  });

  it('does not match the registration with itself', () => {
    expect(check({ registrations: [mine] }).matches).toEqual([]);
  });

  it('raises channel conflict with a direct-sales account as the program says', () => {
    const account = directAccount('a-1', 'Acme Robotics', { domain: 'acme-robotics.com', country: 'US' });
    const asReview = check({ accounts: [account] });
    expect(asReview.matches[0]).toMatchObject({ kind: 'direct_account', effect: 'review', partnerId: null });
    expect(asReview.matches[0]!.evidence.map((step) => `${step.rule}:${step.result}`)).toEqual([
      'normalized_name:pass',
      'domain:pass',
      'country:pass',
    ]);
    expect(asReview.trace.summary).toMatchInlineSnapshot(
      `"Needs review: 1 record may be "Acme Robotics Inc." (The customer is an account of direct sales (Acme Robotics): channel conflict, which the program treats as needing review.)"`,
    );
    expect(check({ accounts: [account] }, { program: program({ directSales: 'conflict' }) }).verdict).toBe('conflict');
  });

  it("raises channel conflict with an open direct opportunity, reviews another partner's and ignores the partner's own", () => {
    const account = directAccount('a-1', 'Acme Robotics');
    expect(
      check({ opportunities: [{ opportunity: openOpportunity('o-1', 'a-1', null), account }] }).matches[0],
    ).toMatchObject({ kind: 'direct_opportunity', record: { type: 'opportunity', id: 'o-1' } });
    expect(
      check({ opportunities: [{ opportunity: openOpportunity('o-2', 'a-1', 'p-2'), account }] }).matches[0],
    ).toMatchObject({ kind: 'partner_opportunity', effect: 'review', partnerId: 'p-2' });
    expect(check({ opportunities: [{ opportunity: openOpportunity('o-3', 'a-1', 'p-1'), account }] }).matches).toEqual(
      [],
    );
  });

  it('puts the most severe match first and explains each in the trace', () => {
    const account = directAccount('a-1', 'Acme Robotics');
    const result = check({ accounts: [account], registrations: [competing('2026-11-01T10:00:00.000Z')] });
    expect(result.matches.map((match) => match.effect)).toEqual(['conflict', 'review']);
    expect(result.trace.steps.map((step) => `${step.rule}:${step.result}`)).toEqual([
      'competing_registration:fail',
      'direct_account:info',
      'precedence_rule:info',
    ]);
  });
});
