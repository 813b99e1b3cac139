import type { Partner } from '../../entities/partner.js';
import { sequentialIds } from '../../ports/id-generator.js';
import { inMemoryAccounts, inMemoryDeals, inMemoryPartners } from '../../ports/test-support/in-memory-repository.js';
import { parseProgram } from '../../program/parse-program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { Registration, RegistrationDetails } from '../registration.js';
import { inMemoryRegistrations } from '../test-support/in-memory-registrations.js';
import { directAccount } from '../test-support/registrations.js';
import { closeRegistration, decideRegistrationExtension, requestRegistrationExtension } from './change-registration.js';
import { conflictContextFromRepositories } from './conflict-candidates.js';
import { createRegistration } from './create-registration.js';
import type { RegistrationDependencies } from './dependencies.js';
import { expireDueRegistrations } from './expire-registrations.js';
import type { RegistrationResult } from './outcome.js';
import { reviewRegistration } from './review-registration.js';
import { submitRegistration } from './submit-registration.js';

const parsed = parseProgram(demoProgramInput());
if (!parsed.success) throw new Error('the demo program must parse');
const program = parsed.data;

function partner(id: string, tierId: string): Partner {
  return {
    id,
    name: `Partner ${id}`,
    status: 'active',
    tierId,
    specializationIds: [],
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [{ type: 'sales-professional', earnedOn: '2026-01-01', expiresOn: null }],
    version: 1,
  };
}

const details = (customer: string): RegistrationDetails => ({
  customer: { name: customer, country: 'US', domain: 'https://www.acme-robotics.com' },
  contact: { name: 'Jane Doe', email: 'jane@acme-robotics.com' },
  amount: { amount: 5_000_000, currency: 'USD' },
  expectedCloseDate: '2027-02-15',
  products: ['platform'],
});

function setUp() {
  let now = new Date('2026-11-24T15:00:00Z');
  const clock = { now: () => new Date(now.getTime()) };
  const registrations = inMemoryRegistrations();
  const partners = inMemoryPartners([partner('p-1', 'silver'), partner('p-2', 'gold')]);
  const crm = {
    accounts: inMemoryAccounts([directAccount('a-1', 'Globex Corporation')]),
    deals: inMemoryDeals(),
    partners,
  };
  const deps: RegistrationDependencies = {
    registrations,
    partners,
    candidates: conflictContextFromRepositories(registrations, crm, clock),
    program: async () => program,
    clock,
    ids: sequentialIds(),
  };
  return { deps, registrations, setNow: (instant: string) => (now = new Date(instant)) };
}

function data<T>(result: RegistrationResult<T>): T {
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

async function submitted(
  deps: RegistrationDependencies,
  partnerId: string,
  customer = 'Acme Robotics Inc.',
): Promise<Registration> {
  const draft = data(await createRegistration(deps, { partnerId, details: details(customer) })).registration;
  return data(await submitRegistration(deps, { id: draft.id })).registration;
}

describe('registration use cases', () => {
  it('takes a registration from draft to approved: policy and conflict checks, protection and the opportunity', async () => {
    const { deps } = setUp();
    const draft = data(await createRegistration(deps, { partnerId: 'p-1', details: details('Acme Robotics Inc.') }));
    expect(draft.registration).toMatchObject({ status: 'draft', version: 1 });

    const submission = data(await submitRegistration(deps, { id: draft.registration.id, expectedVersion: 1 }));
    expect(submission.registration).toMatchObject({
      status: 'submitted',
      version: 2,
      conflict: { verdict: 'clear', matches: 0 },
    });
    expect(submission.traces.map((trace) => [trace.decision, trace.outcome])).toEqual([
      ['registration.policy', 'passed'],
      ['registration.conflict', 'clear'],
    ]);

    const approval = data(
      await reviewRegistration(deps, { id: draft.registration.id, decision: { type: 'approve', by: 'manager-1' } }),
    );
    expect(approval.registration).toMatchObject({
      status: 'approved',
      protection: { startsOn: '2026-11-24', endsOn: '2027-02-21', extensions: 0 },
    });
    expect(approval.effects.map((effect) => effect.type)).toEqual(
      expect.arrayContaining(['create_opportunity', 'set_protection', 'notify']),
    );
  });

  it('leaves a registration that fails the policy as it was, with every issue and the policy trace', async () => {
    const { deps, registrations } = setUp();
    const incomplete = { ...details('Acme Robotics'), products: ['hardware'], contact: {} };
    const draft = data(await createRegistration(deps, { partnerId: 'p-1', details: incomplete })).registration;

    const result = await submitRegistration(deps, { id: draft.id });

    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((found) => found.code)).toEqual(
      expect.arrayContaining(['required_field_missing', 'product_not_eligible']),
    );
    expect(result.traces.map((trace) => trace.decision)).toEqual(['registration.policy']);
    expect(await registrations.get(draft.id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it('records a conflict when another partner registered the customer first, and approves it only with an override', async () => {
    const { deps, setNow } = setUp();
    await submitted(deps, 'p-2', 'ACME ROBOTICS');
    setNow('2026-11-25T09:00:00Z');
    const late = await submitted(deps, 'p-1');
    expect(late.status === 'submitted' && late.conflict).toMatchObject({ verdict: 'conflict', matches: 1 });

    const refusedApproval = await reviewRegistration(deps, {
      id: late.id,
      decision: { type: 'approve', by: 'manager-1' },
    });
    expect(refusedApproval.success || refusedApproval.issues.map((found) => found.code)).toEqual([
      'conflict_unresolved',
    ]);
    expect(refusedApproval.success || refusedApproval.traces[0]!.outcome).toBe('conflict');

    const overridden = data(
      await reviewRegistration(deps, {
        id: late.id,
        decision: {
          type: 'approve',
          by: 'manager-1',
          overrideConflict: { reason: 'The other partner withdrew by phone.' },
        },
      }),
    );
    expect(overridden.registration.status).toBe('approved');
    expect(overridden.traces[0]!.steps.at(-1)).toMatchObject({ rule: 'conflict_override', facts: { by: 'manager-1' } });
  });

  it('refuses a change based on a stale read', async () => {
    const { deps } = setUp();
    const registration = await submitted(deps, 'p-1');
    const result = await reviewRegistration(deps, {
      id: registration.id,
      expectedVersion: 1,
      decision: { type: 'reject', by: 'manager-1', reason: 'Duplicate.' },
    });
    expect(result.success || result.issues.map((found) => found.code)).toEqual(['stale_write']);
  });

  it('names every bad field of a request', async () => {
    const { deps } = setUp();
    const result = await reviewRegistration(deps, { id: '', decision: { type: 'approve' } });
    expect(result.success || result.issues.map((found) => [found.path, found.code])).toEqual([
      [['id'], 'too_small'],
      [['decision', 'by'], 'required'],
    ]);
  });

  it('extends protection on request and grant, then expires it once it has passed', async () => {
    const { deps, setNow } = setUp();
    const registration = await submitted(deps, 'p-1');
    data(await reviewRegistration(deps, { id: registration.id, decision: { type: 'approve', by: 'manager-1' } }));

    setNow('2027-02-15T15:00:00Z');
    data(
      await requestRegistrationExtension(deps, {
        id: registration.id,
        reason: 'The customer moved its board meeting.',
      }),
    );
    const granted = data(
      await decideRegistrationExtension(deps, { id: registration.id, decision: { grant: true, by: 'manager-1' } }),
    );
    expect(granted.registration).toMatchObject({
      status: 'approved',
      protection: { endsOn: '2027-03-23', extensions: 1 },
    });

    setNow('2027-03-23T15:00:00Z');
    expect((await expireDueRegistrations(deps)).expired).toEqual([]);
    setNow('2027-03-24T15:00:00Z');
    const run = await expireDueRegistrations(deps);
    expect(run.expired.map((outcome) => outcome.registration.status)).toEqual(['expired']);
    expect(run.expired[0]!.effects.map((effect) => effect.type)).toContain('release_protection');
    expect((await expireDueRegistrations(deps)).expired).toEqual([]);
  });

  it('closes a registration won or lost, or withdrawn by the partner', async () => {
    const { deps } = setUp();
    const won = await submitted(deps, 'p-1');
    data(await reviewRegistration(deps, { id: won.id, decision: { type: 'approve', by: 'manager-1' } }));
    expect(
      data(await closeRegistration(deps, { id: won.id, outcome: { type: 'mark_won', closedOn: '2026-11-24' } }))
        .registration.status,
    ).toBe('won');

    const withdrawn = await submitted(deps, 'p-2', 'Initech');
    expect(
      data(
        await closeRegistration(deps, {
          id: withdrawn.id,
          outcome: { type: 'withdraw', reason: 'Customer chose a competitor.' },
        }),
      ).registration.status,
    ).toBe('withdrawn');
  });
});
