import { fixedClock, type Clock } from '../../ports/clock.js';
import type { PartnerLifecycleDependencies } from '../ports.js';
import { at, demoProgram, lifecycleIn } from '../test-support/fixtures.js';
import { InMemoryLifecycles } from '../test-support/in-memory-lifecycles.js';
import { applyForPartnership } from './apply-for-partnership.js';
import { changePartnerLifecycle } from './change-partner-lifecycle.js';
import { flagOverdueOnboardingMilestones } from './flag-overdue-milestones.js';

const program = demoProgram();

function dependencies(lifecycles: InMemoryLifecycles, clock: Clock = fixedClock(at('2026-11-20'))) {
  const deps: PartnerLifecycleDependencies = { lifecycles, program: async () => program, clock };
  return deps;
}

describe('the lifecycle use cases against the ports', () => {
  it('records an application once, and refuses a second one for the same partner', async () => {
    const lifecycles = new InMemoryLifecycles();
    const deps = dependencies(lifecycles);
    const application = { partnerId: 'p-9', partnerName: 'Contoso', submittedBy: 'contact-1' };

    const first = await applyForPartnership(deps, application);
    const second = await applyForPartnership(deps, application);

    expect(first.success && [first.data.lifecycle.status, first.data.lifecycle.version]).toEqual(['applicant', 1]);
    expect(second).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "already_applied",
      "message": "Partner p-9 already has a lifecycle: it is an applicant since 2026-11-20T15:00:00.000Z.",
      "path": [
        "partnerId",
      ],
    },
  ],
  "success": false,
}
`);
    expect(lifecycles.all()).toHaveLength(1);
  });

  it('moves a partner along and saves with the version it read', async () => {
    const lifecycles = new InMemoryLifecycles([{ ...lifecycleIn('active'), version: 7 }]);
    const deps = dependencies(lifecycles);

    const outcome = await changePartnerLifecycle(deps, {
      partnerId: 'p-1',
      expectedVersion: 7,
      event: { type: 'suspend', by: 'u-2', reason: 'Unpaid invoices.' },
    });

    expect(outcome.success && [outcome.data.lifecycle.status, outcome.data.lifecycle.version]).toEqual([
      'suspended',
      8,
    ]);
    expect(outcome.success && outcome.data.effects.map((effect) => effect.type)).toEqual([
      'set_partner_status',
      'recall_lead_offers',
      'notify',
      'notify',
    ]);
    expect((await lifecycles.get('p-1'))?.status).toBe('suspended');
  });

  it('refuses to decide on a lifecycle changed since the user opened it, or one that does not exist', async () => {
    const lifecycles = new InMemoryLifecycles([{ ...lifecycleIn('active'), version: 7 }]);
    const deps = dependencies(lifecycles);

    const stale = await changePartnerLifecycle(deps, {
      partnerId: 'p-1',
      expectedVersion: 6,
      event: { type: 'suspend', by: 'u-2', reason: 'Unpaid invoices.' },
    });
    const missing = await changePartnerLifecycle(deps, { partnerId: 'p-404', event: { type: 'approve', by: 'u-2' } });

    expect(!stale.success && stale.issues.map((found) => found.code)).toEqual(['stale_write']);
    expect(!missing.success && missing.issues).toMatchInlineSnapshot(`
[
  {
    "code": "not_found",
    "message": "Partner p-404 has no lifecycle: it never applied.",
    "path": [
      "partnerId",
    ],
  },
]
`);
    expect((await lifecycles.get('p-1'))?.status).toBe('active');
  });

  it('refuses a write that lost a race to a colleague, keeping the colleague change', async () => {
    const lifecycles = new InMemoryLifecycles([lifecycleIn('onboarding')]);
    const deps = dependencies(lifecycles);
    const read = await lifecycles.get('p-1');
    await changePartnerLifecycle(deps, {
      partnerId: 'p-1',
      event: { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' },
    });

    const saved = await lifecycles.save({ ...read!, partnerName: 'Renamed' }, { expectedVersion: read!.version });

    expect(!saved.success && saved.issues.map((found) => found.code)).toEqual(['stale_write']);
    expect((await lifecycles.get('p-1'))?.partnerName).toBe('Northwind Systems');
  });

  it('reports newly overdue milestones once, across pages, and leaves the others alone', async () => {
    const onboarding = lifecycleIn('onboarding'); // started 2026-11-04: due 11-11, 11-18, 12-19 and 2027-01-03
    const lifecycles = new InMemoryLifecycles([
      onboarding,
      { ...onboarding, partnerId: 'p-2', partnerName: 'Fabrikam' },
      { ...lifecycleIn('approved'), partnerId: 'p-3', partnerName: 'Tailspin' },
      { ...lifecycleIn('active'), partnerId: 'p-4', partnerName: 'Litware' },
    ]);

    const first = await flagOverdueOnboardingMilestones(dependencies(lifecycles, fixedClock(at('2026-11-19'))));
    const again = await flagOverdueOnboardingMilestones(dependencies(lifecycles, fixedClock(at('2026-11-19'))));

    expect(first.today).toBe('2026-11-19');
    expect(first.flagged.map((outcome) => [outcome.lifecycle.partnerId, outcome.trace.steps[0]?.facts])).toEqual([
      [
        'p-1',
        { today: '2026-11-19', newlyOverdue: ['agreement', 'portal-users'], overdue: ['agreement', 'portal-users'] },
      ],
      [
        'p-2',
        { today: '2026-11-19', newlyOverdue: ['agreement', 'portal-users'], overdue: ['agreement', 'portal-users'] },
      ],
    ]);
    expect(first.failed).toEqual([]);
    expect(again.flagged).toEqual([]);
  });
});
