import { lifecycleEventTypes } from './allowed-events.js';
import type { PartnerLifecycleEvent } from './lifecycle-event.js';
import type { PartnerLifecycle } from './record/partner-lifecycle.js';
import { accepted, applicant, at, demoProgram, lifecycleIn, STATUSES } from './test-support/fixtures.js';
import { transitionPartnerLifecycle } from './transition.js';

const program = demoProgram();

function run(lifecycle: PartnerLifecycle, event: PartnerLifecycleEvent, date = '2026-11-20') {
  return transitionPartnerLifecycle(lifecycle, event, { program, now: at(date) });
}

function codes(lifecycle: PartnerLifecycle, event: PartnerLifecycleEvent, date?: string) {
  const result = run(lifecycle, event, date);
  return result.success ? `accepted as ${result.data.next.status}` : result.issues.map((found) => found.code);
}

describe('deciding an application', () => {
  it('approves an applicant: status, history and effects', () => {
    const { next, effects, trace } = accepted(run(applicant(), { type: 'approve', by: 'u-1' }));

    expect(next.status).toBe('approved');
    expect(next.history.map((entry) => [entry.status, entry.by])).toEqual([
      ['applicant', { kind: 'user', userId: 'contact-9' }],
      ['approved', { kind: 'user', userId: 'u-1' }],
    ]);
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "partnerId": "p-1",
    "status": "approved",
    "type": "set_partner_status",
  },
  {
    "message": "The application of Northwind Systems (p-1) to Conduit Partner Network is approved.",
    "notice": "approved",
    "partnerId": "p-1",
    "recipient": "partner",
    "type": "notify",
  },
]
`);
    expect(trace).toMatchInlineSnapshot(`
{
  "decision": "partner.lifecycle",
  "outcome": "approved",
  "steps": [
    {
      "facts": {
        "by": "u-1",
      },
      "message": "u-1 approved the application.",
      "result": "pass",
      "rule": "application",
    },
  ],
  "subject": {
    "id": "p-1",
    "type": "partner",
  },
  "summary": "u-1 approved the application of Northwind Systems (p-1).",
}
`);
  });

  it('rejects an applicant with a trimmed reason, and tells it why', () => {
    const { next, effects } = accepted(
      run(applicant(), { type: 'reject', by: 'u-1', reason: '  No presence in our territories. ' }),
    );

    expect(next.status === 'rejected' && next.rejection).toEqual({
      at: '2026-11-20T15:00:00.000Z',
      by: 'u-1',
      reason: 'No presence in our territories.',
    });
    expect(effects.flatMap((effect) => (effect.type === 'notify' ? [effect.message] : []))).toMatchInlineSnapshot(`
[
  "The application of Northwind Systems (p-1) to Conduit Partner Network is rejected. Reason: No presence in our territories.",
]
`);
  });

  it('refuses a rejection without a reason', () => {
    expect(run(applicant(), { type: 'reject', by: 'u-1', reason: '   ' })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "reason_required",
      "message": "reason must not be blank: a rejection says why.",
      "path": [
        "reason",
      ],
    },
  ],
  "success": false,
}
`);
  });
});

describe('onboarding', () => {
  it('plans the milestones from the program day of the start, in the program time zone', () => {
    // 03:30 UTC on the 25th is still the 24th in New York: the plan counts from the 24th.
    const { next, effects } = accepted(
      transitionPartnerLifecycle(
        lifecycleIn('approved'),
        { type: 'start_onboarding', by: 'u-1' },
        {
          program,
          now: new Date('2026-11-25T03:30:00Z'),
        },
      ),
    );

    expect(next.status === 'onboarding' && next.onboarding.startedOn).toBe('2026-11-24');
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "partnerId": "p-1",
    "status": "onboarding",
    "type": "set_partner_status",
  },
  {
    "milestones": [
      {
        "dueOn": "2026-12-01",
        "id": "agreement",
        "name": "Partner agreement signed",
        "required": true,
      },
      {
        "dueOn": "2026-12-08",
        "id": "portal-users",
        "name": "Portal users set up",
        "required": true,
      },
      {
        "dueOn": "2027-01-08",
        "id": "sales-certification",
        "name": "First sales professional certified",
        "required": true,
      },
      {
        "dueOn": "2027-01-23",
        "id": "business-plan",
        "name": "Joint business plan agreed",
        "required": false,
      },
    ],
    "partnerId": "p-1",
    "type": "start_onboarding_checklist",
  },
  {
    "message": "The onboarding of Northwind Systems (p-1) has started: its milestones are "Partner agreement signed" (due 2026-12-01), "Portal users set up" (due 2026-12-08), "First sales professional certified" (due 2027-01-08) and "Joint business plan agreed" (due 2027-01-23).",
    "notice": "onboarding_started",
    "partnerId": "p-1",
    "recipient": "partner",
    "type": "notify",
  },
]
`);
  });

  it('refuses a manual activation while required milestones are pending, naming them', () => {
    const onboarding = lifecycleIn('onboarding');
    const after = accepted(run(onboarding, { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' })).next;

    expect(run(after, { type: 'activate', by: 'u-1' })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "onboarding_incomplete",
      "message": "Partner Northwind Systems (p-1) cannot be activated yet: 2 required milestones are still pending, "Portal users set up" (due 2026-11-18) and "First sales professional certified" (due 2026-12-19). Complete or waive them first.",
      "path": [],
    },
  ],
  "success": false,
}
`);
  });

  it('activates by hand once every required milestone is completed or waived, optional ones still open', () => {
    let current = lifecycleIn('onboarding');
    current = accepted(run(current, { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' })).next;
    current = accepted(run(current, { type: 'complete_milestone', by: 'u-1', milestoneId: 'portal-users' })).next;
    current = accepted(
      run(current, {
        type: 'waive_milestone',
        by: 'u-1',
        milestoneId: 'sales-certification',
        reason: 'Certified last year.',
      }),
    ).next;
    expect(current.status).toBe('onboarding');

    const { next, effects, trace } = accepted(run(current, { type: 'activate', by: 'u-3' }, '2026-11-21'));

    expect(next.status === 'active' && next.activation).toEqual({
      at: '2026-11-21T15:00:00.000Z',
      by: { kind: 'user', userId: 'u-3' },
    });
    expect(next.status === 'active' && next.onboarding.milestones.map((milestone) => milestone.status)).toEqual([
      'completed',
      'completed',
      'waived',
      'pending',
    ]);
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "partnerId": "p-1",
    "status": "active",
    "type": "set_partner_status",
  },
  {
    "message": "Northwind Systems (p-1) is now an active partner of Conduit Partner Network.",
    "notice": "activated",
    "partnerId": "p-1",
    "recipient": "partner",
    "type": "notify",
  },
  {
    "message": "Northwind Systems (p-1) was activated by u-3.",
    "notice": "activated",
    "partnerId": "p-1",
    "recipient": "channel_manager",
    "type": "notify",
  },
]
`);
    expect(trace.steps).toMatchInlineSnapshot(`
[
  {
    "facts": {
      "pending": [],
      "required": 3,
    },
    "message": "All 3 required milestones are completed or waived.",
    "result": "pass",
    "rule": "required_milestones",
  },
]
`);
  });

  it('activates automatically on the last required milestone when the program says so', () => {
    const automatic = demoProgram((input) => void (input.lifecycle.onboarding.activation = 'automatic'));
    let current = lifecycleIn('onboarding', automatic);
    const close = (milestoneId: string) =>
      accepted(
        transitionPartnerLifecycle(
          current,
          { type: 'complete_milestone', by: 'u-1', milestoneId },
          {
            program: automatic,
            now: at('2026-11-20'),
          },
        ),
      );
    current = close('agreement').next;
    current = close('portal-users').next;
    expect(current.status).toBe('onboarding');

    const last = close('sales-certification');

    expect(last.next.status).toBe('active');
    expect(last.next.status === 'active' && last.next.activation.by).toEqual({ kind: 'automatic' });
    expect(last.effects.map((effect) => effect.type)).toEqual([
      'close_milestone_task',
      'notify',
      'set_partner_status',
      'notify',
      'notify',
    ]);
    expect(last.trace.summary).toMatchInlineSnapshot(
      `"u-1 completed the milestone "First sales professional certified" of Northwind Systems (p-1) on 2026-11-20. Every required milestone being done, Northwind Systems (p-1) was activated automatically."`,
    );
  });

  it('activates at once a partner whose automatic onboarding has no required milestone', () => {
    const noRequired = demoProgram((input) => {
      input.lifecycle.onboarding.activation = 'automatic';
      input.lifecycle.onboarding.milestones = [{ id: 'welcome', name: 'Welcome call', dueDays: 3, required: false }];
    });
    const approved = afterApproval(noRequired);

    const { next, effects, trace } = accepted(
      transitionPartnerLifecycle(
        approved,
        { type: 'start_onboarding', by: 'u-1' },
        {
          program: noRequired,
          now: at('2026-11-20'),
        },
      ),
    );

    expect(next.status).toBe('active');
    expect(next.history.map((entry) => entry.status)).toEqual(['applicant', 'approved', 'onboarding', 'active']);
    expect(effects.filter((effect) => effect.type === 'set_partner_status')).toEqual([
      { type: 'set_partner_status', partnerId: 'p-1', status: 'active' },
    ]);
    expect(trace.steps.map((step) => [step.rule, step.result])).toEqual([
      ['onboarding_plan', 'info'],
      ['required_milestones', 'pass'],
    ]);
  });

  it('marks a milestone completed after its due day as late in the trace', () => {
    const onboarding = lifecycleIn('onboarding'); // started 2026-11-04: the agreement is due 2026-11-11
    const { trace } = accepted(
      run(onboarding, { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' }, '2026-11-12'),
    );

    expect(trace.steps[0]).toMatchInlineSnapshot(`
{
  "facts": {
    "completedOn": "2026-11-12",
    "dueOn": "2026-11-11",
    "late": true,
    "milestoneId": "agreement",
  },
  "message": "u-1 completed the milestone "Partner agreement signed" of Northwind Systems (p-1) on 2026-11-12, after its due day 2026-11-11.",
  "result": "info",
  "rule": "milestone",
}
`);
  });

  it('refuses unknown and already closed milestones', () => {
    const onboarding = lifecycleIn('onboarding');
    const after = accepted(run(onboarding, { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' })).next;

    expect(run(onboarding, { type: 'complete_milestone', by: 'u-1', milestoneId: 'kickoff' })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "unknown_milestone",
      "message": "Partner Northwind Systems (p-1) has no onboarding milestone "kickoff": its milestones are "agreement", "portal-users", "sales-certification" and "business-plan".",
      "path": [
        "milestoneId",
      ],
    },
  ],
  "success": false,
}
`);
    expect(run(after, { type: 'waive_milestone', by: 'u-1', milestoneId: 'agreement', reason: 'x' }))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "milestone_closed",
      "message": "The milestone "Partner agreement signed" of Northwind Systems (p-1) was already completed on 2026-11-20.",
      "path": [
        "milestoneId",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('lets an active partner close an optional milestone left open', () => {
    const { next, effects } = accepted(
      run(lifecycleIn('active'), { type: 'complete_milestone', by: 'u-1', milestoneId: 'business-plan' }),
    );

    expect(next.status).toBe('active');
    expect(effects.map((effect) => effect.type)).toEqual(['close_milestone_task', 'notify']);
  });
});

describe('overdue milestones', () => {
  const onboarding = lifecycleIn('onboarding'); // started 2026-11-04: due 11-11, 11-18, 12-19 and 2027-01-03

  it('reports the milestones past their due day, once each', () => {
    const first = accepted(run(onboarding, { type: 'flag_overdue_milestones' }, '2026-11-19'));

    expect(first.effects).toMatchInlineSnapshot(`
[
  {
    "message": "2 milestones are overdue for Northwind Systems (p-1) on 2026-11-19: "Partner agreement signed" (due 2026-11-11) and "Portal users set up" (due 2026-11-18).",
    "notice": "milestones_overdue",
    "partnerId": "p-1",
    "recipient": "partner",
    "type": "notify",
  },
  {
    "message": "2 milestones are overdue for Northwind Systems (p-1) on 2026-11-19: "Partner agreement signed" (due 2026-11-11) and "Portal users set up" (due 2026-11-18).",
    "notice": "milestones_overdue",
    "partnerId": "p-1",
    "recipient": "channel_manager",
    "type": "notify",
  },
]
`);
    expect(first.trace.steps[0]?.facts).toEqual({
      today: '2026-11-19',
      newlyOverdue: ['agreement', 'portal-users'],
      overdue: ['agreement', 'portal-users'],
    });
    expect(codes(first.next, { type: 'flag_overdue_milestones' }, '2026-11-25')).toEqual(['nothing_overdue']);
    const later = accepted(run(first.next, { type: 'flag_overdue_milestones' }, '2026-12-20'));
    expect(later.trace.steps[0]?.facts).toEqual({
      today: '2026-12-20',
      newlyOverdue: ['sales-certification'],
      overdue: ['agreement', 'portal-users', 'sales-certification'],
    });
  });

  it('counts a milestone due today as on time', () => {
    expect(codes(onboarding, { type: 'flag_overdue_milestones' }, '2026-11-11')).toEqual(['nothing_overdue']);
    expect(codes(onboarding, { type: 'flag_overdue_milestones' }, '2026-11-12')).toBe('accepted as onboarding');
  });
});

describe('suspension, reactivation and offboarding', () => {
  it('suspends an active partner and recalls its lead offers', () => {
    const { next, effects } = accepted(
      run(lifecycleIn('active'), { type: 'suspend', by: 'u-2', reason: 'Unpaid invoices.' }),
    );

    expect(next.status).toBe('suspended');
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "partnerId": "p-1",
    "status": "suspended",
    "type": "set_partner_status",
  },
  {
    "partnerId": "p-1",
    "type": "recall_lead_offers",
  },
  {
    "message": "Northwind Systems (p-1) is suspended by u-2. Reason: Unpaid invoices.",
    "notice": "suspended",
    "partnerId": "p-1",
    "recipient": "partner",
    "type": "notify",
  },
  {
    "message": "Northwind Systems (p-1) is suspended by u-2. Reason: Unpaid invoices.",
    "notice": "suspended",
    "partnerId": "p-1",
    "recipient": "channel_manager",
    "type": "notify",
  },
]
`);
  });

  it('reactivates a suspended partner, keeping its first activation', () => {
    const suspended = lifecycleIn('suspended');
    const { next } = accepted(run(suspended, { type: 'reactivate', by: 'u-2' }, '2026-12-15'));

    expect(next.status === 'active' && [next.activation.at, next.reactivatedAt]).toEqual([
      suspended.status === 'suspended' && suspended.activation.at,
      '2026-12-15T15:00:00.000Z',
    ]);
  });

  it('offboards from onboarding, cancelling the pending milestones and recalling offers', () => {
    const onboarding = lifecycleIn('onboarding');
    const { next, effects } = accepted(
      run(onboarding, { type: 'offboard', by: 'u-2', reason: 'Acquired by a competitor.' }),
    );

    expect(next.status === 'offboarded' && next.offboarding.from).toBe('onboarding');
    expect(next.status === 'offboarded' && next.activation).toBeNull();
    expect(effects.map((effect) => effect.type)).toEqual([
      'set_partner_status',
      'cancel_onboarding_checklist',
      'recall_lead_offers',
      'notify',
      'notify',
    ]);
  });

  it('offboards an approved partner without onboarding or offers to undo', () => {
    const { next, effects } = accepted(
      run(lifecycleIn('approved'), { type: 'offboard', by: 'u-2', reason: 'Withdrew.' }),
    );

    expect(next.status === 'offboarded' && [next.onboarding, next.activation]).toEqual([null, null]);
    expect(effects.map((effect) => effect.type)).toEqual(['set_partner_status', 'notify', 'notify']);
  });
});

describe('what each status allows', () => {
  it('lists the events each status accepts', () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, lifecycleEventTypes(lifecycleIn(status))])))
      .toMatchInlineSnapshot(`
{
  "active": [
    "complete_milestone",
    "waive_milestone",
    "suspend",
    "offboard",
    "flag_overdue_milestones",
  ],
  "applicant": [
    "approve",
    "reject",
  ],
  "approved": [
    "start_onboarding",
    "offboard",
  ],
  "offboarded": [],
  "onboarding": [
    "complete_milestone",
    "waive_milestone",
    "activate",
    "offboard",
    "flag_overdue_milestones",
  ],
  "rejected": [],
  "suspended": [
    "reactivate",
    "offboard",
  ],
}
`);
  });

  it('refuses an event the status does not allow, saying which statuses would', () => {
    expect(run(lifecycleIn('offboarded'), { type: 'reactivate', by: 'u-1' })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "transition_not_allowed",
      "message": "Partner Northwind Systems (p-1) cannot be reactivated: it is offboarded, and only a partner that is suspended can.",
      "path": [
        "type",
      ],
    },
  ],
  "success": false,
}
`);
  });
});

function afterApproval(program: ReturnType<typeof demoProgram>) {
  return accepted(
    transitionPartnerLifecycle(applicant(program), { type: 'approve', by: 'u-1' }, { program, now: at('2026-11-10') }),
  ).next;
}
