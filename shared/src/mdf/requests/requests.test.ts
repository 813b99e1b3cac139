import { demoProgram, at, eur, fundedAllocation, testRates, usd } from '../test-support/fixtures.js';
import {
  approved,
  asApproved,
  claimedAndApproved,
  director,
  submitted,
  webinarDraft,
} from '../test-support/request-fixtures.js';
import { approveFundRequest, checkFundRequestApproval } from './approve-request.js';
import { closeFundRequest } from './close-request.js';
import { lapseFundRequest } from './lapse-request.js';
import { linkFundRequest } from './link-request.js';
import { rejectFundRequest } from './reject-request.js';
import { submitFundRequest } from './submit-request.js';
import { withdrawFundRequest } from './withdraw-request.js';

const program = demoProgram();
const { allocation } = fundedAllocation(1_000_000);

describe('submitting a request', () => {
  it('runs every policy check, fixes the terms on the request and tells the approvers', () => {
    const outcome = submitFundRequest(program, allocation, webinarDraft(allocation.id), testRates, at('2026-11-24'));
    if (!outcome.success) throw new Error('submits');
    expect(outcome.trace.steps.map((step) => `${step.rule} ${step.result}: ${step.message}`)).toMatchInlineSnapshot(`
[
  "eligible_activity pass: Webinar is eligible for Proposal-based MDF.",
  "activity_dates pass: The activity runs from 2026-12-20 to 2026-12-20.",
  "lead_time pass: The activity starts on 2026-12-20, 26 days after 2026-11-24; requests must come in at least 21 days ahead.",
  "currency pass: The request is in USD, the allocation's currency.",
  "reimbursement pass: Webinar is reimbursed at 75 %: MDF funds at most 7,500.00 USD of the 10,000.00 USD requested, so the partner contributes at least 2,500.00 USD; it pledges 2,500.00 USD.",
  "available_balance pass: The allocation has 10,000.00 USD available, enough for 7,500.00 USD.",
  "approval_level info: 7,500.00 USD of funds falls in the level "Regional channel director" (up to 25,000.00 USD): a channel-director or vp-partnerships approves it.",
]
`);
    expect(outcome.trace.summary).toMatchInlineSnapshot(
      `"Request "Winter webinar series" for 10,000.00 USD of Webinar passes every check and awaits approval."`,
    );
    expect(outcome.data.next.terms).toEqual({
      reimbursementBasisPoints: 7500,
      proofKindIds: ['invoice', 'attendee-list'],
      claimDeadline: '2027-02-18',
    });
    expect(outcome.data.next.partnerId).toBe('partner-1');
    expect(outcome.data.postings).toEqual([]);
    expect(outcome.data.effects).toMatchInlineSnapshot(`
[
  {
    "audience": {
      "kind": "role",
      "role": "channel-director",
    },
    "event": "request_submitted",
    "kind": "notify",
    "message": "Partner partner-1 requests 10,000.00 USD for "Winter webinar series".",
    "subject": {
      "id": "r-1",
      "type": "mdf_request",
    },
  },
]
`);
  });

  it('reports every failed check at once, with a trace that says which', () => {
    const outcome = submitFundRequest(
      program,
      allocation,
      webinarDraft(allocation.id, { activityId: 'training', startDate: '2026-12-01', endDate: '2026-11-30' }),
      testRates,
      at('2026-11-24'),
    );
    expect(!outcome.success && outcome.issues.map((found) => found.code)).toEqual([
      'activity_not_eligible',
      'activity_dates_order',
      'lead_time_too_short',
    ]);
    expect(outcome.trace.summary).toMatchInlineSnapshot(
      `"Refused: 3 of 7 checks failed (eligible activity, activity dates, lead time)."`,
    );
  });

  it('checks the balance on the reimbursable share, converted to the allocation currency', () => {
    // €12,000.00 at 75 % = €9,000.00 = $9,760.50: fits in $10,000.00; €13,000.00 → $10,573.88 does not.
    const fits = submitFundRequest(
      program,
      allocation,
      webinarDraft(allocation.id, { requestedAmount: eur(1_200_000), partnerContribution: eur(300_000) }),
      testRates,
      at('2026-11-24'),
    );
    expect(
      fits.success && fits.trace.steps.find((step) => step.rule === 'available_balance')!.message,
    ).toMatchInlineSnapshot(`"The allocation has 10,000.00 USD available, enough for 9,760.50 USD."`);
    const tooMuch = submitFundRequest(
      program,
      allocation,
      webinarDraft(allocation.id, { requestedAmount: eur(1_300_000), partnerContribution: eur(325_000) }),
      testRates,
      at('2026-11-24'),
    );
    expect(!tooMuch.success && tooMuch.issues.map((found) => found.code)).toEqual(['insufficient_funds']);
  });
});

describe('approving a request', () => {
  const request = submitted(program, allocation);

  it('explains the approval check as a decision trace', () => {
    const check = checkFundRequestApproval(
      program,
      request,
      allocation,
      { approver: director },
      testRates,
      at('2026-11-26'),
    );
    expect(check.trace).toMatchInlineSnapshot(`
{
  "decision": "mdf.request.approval",
  "outcome": "approved",
  "steps": [
    {
      "facts": {
        "allowed": [
          "submitted",
        ],
        "status": "submitted",
      },
      "message": "The request r-1 is submitted.",
      "result": "pass",
      "rule": "status",
    },
    {
      "facts": {
        "amount": {
          "amount": 1000000,
          "currency": "USD",
        },
        "requestedAmount": {
          "amount": 1000000,
          "currency": "USD",
        },
      },
      "message": "Approved in full: 10,000.00 USD.",
      "result": "pass",
      "rule": "approved_amount",
    },
    {
      "facts": {
        "allocationCurrency": "USD",
        "allowed": [
          "USD",
          "EUR",
          "GBP",
          "CAD",
          "AUD",
        ],
        "currency": "USD",
      },
      "message": "The request is in USD, the allocation's currency.",
      "result": "pass",
      "rule": "currency",
    },
    {
      "facts": {
        "funds": {
          "amount": 750000,
          "currency": "USD",
        },
        "ledgerAmount": {
          "amount": 750000,
          "currency": "USD",
        },
      },
      "message": "The approval commits 7,500.00 USD for claims.",
      "result": "pass",
      "rule": "commitment",
    },
    {
      "facts": {
        "committed": {
          "amount": 750000,
          "currency": "USD",
        },
        "level": "Regional channel director",
        "levelIndex": 1,
        "roles": [
          "channel-director",
          "vp-partnerships",
        ],
      },
      "message": "7,500.00 USD of funds falls in the level "Regional channel director" (up to 25,000.00 USD): a channel-director or vp-partnerships approves it.",
      "result": "info",
      "rule": "approval_level",
    },
    {
      "facts": {
        "allowedRoles": [
          "channel-director",
          "vp-partnerships",
        ],
        "approverId": "dana",
        "approverRoles": [
          "channel-director",
        ],
      },
      "message": "dana approves as channel-director.",
      "result": "pass",
      "rule": "approver_authority",
    },
    {
      "facts": {
        "allocationId": "budget-1:partner-1",
        "allocationVersion": 1,
        "asOf": "2026-11-26",
        "available": {
          "amount": 1000000,
          "currency": "USD",
        },
        "needed": {
          "amount": 750000,
          "currency": "USD",
        },
        "overdue": {
          "amount": 0,
          "currency": "USD",
        },
        "spendable": {
          "amount": 1000000,
          "currency": "USD",
        },
      },
      "message": "The allocation has 10,000.00 USD available, enough for 7,500.00 USD.",
      "result": "pass",
      "rule": "available_balance",
    },
  ],
  "subject": {
    "id": "r-1",
    "type": "mdf_request",
  },
  "summary": "dana approves 10,000.00 USD for "Winter webinar series", committing 7,500.00 USD.",
}
`);
  });

  it('commits the approved amount × the reimbursement rate, moving it from available to committed', () => {
    const outcome = approveFundRequest(
      program,
      request,
      allocation,
      { approver: director },
      testRates,
      at('2026-11-26'),
    );
    if (!outcome.success) throw new Error('approves');
    expect(outcome.data.next.commitment).toEqual({
      funds: usd(750_000),
      ledgerAmount: usd(750_000),
      exchangeRate: null,
    });
    expect(outcome.data.next.approval).toEqual({
      approvedBy: 'dana',
      approvedAt: '2026-11-26T15:00:00.000Z',
      levelName: 'Regional channel director',
      kind: 'full',
    });
    expect([outcome.data.allocation.balances.available, outcome.data.allocation.balances.committed]).toEqual([
      usd(250_000),
      usd(750_000),
    ]);
    expect(outcome.data.postings.map((posting) => [posting.id, posting.kind, posting.memo])).toMatchInlineSnapshot(`
[
  [
    "r-1:commit",
    "commit",
    "7,500.00 USD committed to request "Winter webinar series", approved by dana.",
  ],
]
`);
    expect(outcome.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "partner-1",
  },
  "event": "request_approved",
  "kind": "notify",
  "message": "Your request "Winter webinar series" is approved; claims may total 7,500.00 USD.",
  "subject": {
    "id": "r-1",
    "type": "mdf_request",
  },
}
`);
  });

  it('approves in part, and the approval level follows the smaller commitment', () => {
    const outcome = approveFundRequest(
      program,
      request,
      allocation,
      { approver: { userId: 'sam', roles: ['channel-manager'] }, amount: usd(600_000) },
      testRates,
      at('2026-11-26'),
    );
    expect(
      outcome.success && [
        outcome.data.next.approval.kind,
        outcome.data.next.approval.levelName,
        outcome.data.next.commitment.funds,
      ],
    ).toEqual(['partial', 'Channel manager', usd(450_000)]);
    expect(outcome.trace.outcome).toBe('approved_in_part');
    const effect = outcome.success ? outcome.data.effects[0] : undefined;
    expect(effect?.kind === 'notify' && effect.message).toMatchInlineSnapshot(
      `"Your request "Winter webinar series" is approved for 6,000.00 USD of the 10,000.00 USD requested; claims may total 4,500.00 USD."`,
    );
  });

  it('refuses an approver below the level, more than was requested, and money the allocation no longer has', () => {
    const low = approveFundRequest(
      program,
      request,
      allocation,
      { approver: { userId: 'sam', roles: ['channel-manager'] } },
      testRates,
      at('2026-11-26'),
    );
    expect(!low.success && low.issues.map((found) => found.code)).toEqual(['approver_not_authorized']);
    const tooMuch = approveFundRequest(
      program,
      request,
      allocation,
      { approver: director, amount: usd(1_000_001) },
      testRates,
      at('2026-11-26'),
    );
    expect(!tooMuch.success && tooMuch.issues.map((found) => found.code)).toEqual(['amount_exceeds_requested']);
    const spent = {
      ...allocation,
      balances: { ...allocation.balances, available: usd(749_999), committed: usd(250_001) },
    };
    const poor = approveFundRequest(program, request, spent, { approver: director }, testRates, at('2026-11-26'));
    expect(!poor.success && poor.issues).toMatchInlineSnapshot(`
[
  {
    "code": "insufficient_funds",
    "message": "The allocation has 7,499.99 USD available, less than the 7,500.00 USD needed.",
    "path": [
      "amount",
    ],
  },
]
`);
    const twice = approveFundRequest(
      program,
      approved(program, request, allocation).next,
      allocation,
      { approver: director },
      testRates,
      at('2026-11-27'),
    );
    expect(!twice.success && twice.issues.map((found) => found.code)).toEqual(['invalid_status']);
  });

  it('fixes the exchange rate of a request in another currency when it commits', () => {
    const euros = submitted(program, allocation, { requestedAmount: eur(800_000), partnerContribution: eur(200_000) });
    const outcome = approveFundRequest(program, euros, allocation, { approver: director }, testRates, at('2026-11-26'));
    // €8,000.00 × 75 % = €6,000.00 → $6,507.00 at 1.0845.
    expect(outcome.success && outcome.data.next.commitment).toEqual({
      funds: eur(600_000),
      ledgerAmount: usd(650_700),
      exchangeRate: { from: 'EUR', to: 'USD', rate: '1.0845' },
    });
  });

  it('refuses an amount so small that it commits nothing', () => {
    const outcome = approveFundRequest(
      program,
      request,
      allocation,
      { approver: director, amount: usd(1) },
      testRates,
      at('2026-11-26'),
    );
    expect(!outcome.success && outcome.issues).toMatchInlineSnapshot(`
[
  {
    "code": "amount_too_small",
    "message": "0.01 USD at the reimbursement rate commits nothing; approve more or reject the request.",
    "path": [
      "amount",
    ],
  },
]
`);
  });
});

describe('ending a request', () => {
  const request = submitted(program, allocation);

  it('rejects a submitted request with a reason, and only with one', () => {
    const outcome = rejectFundRequest(
      request,
      { decidedBy: 'dana', reason: '  Not aligned with the Q4 plan. ' },
      at('2026-11-26'),
    );
    expect(outcome.success && outcome.data.next.decision).toEqual({
      decidedBy: 'dana',
      decidedAt: '2026-11-26T15:00:00.000Z',
      reason: 'Not aligned with the Q4 plan.',
    });
    expect(outcome.success && outcome.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "partner-1",
  },
  "event": "request_rejected",
  "kind": "notify",
  "message": "Your request "Winter webinar series" is rejected: Not aligned with the Q4 plan.",
  "subject": {
    "id": "r-1",
    "type": "mdf_request",
  },
}
`);
    const bare = rejectFundRequest(request, { decidedBy: 'dana', reason: ' ' }, at('2026-11-26'));
    expect(!bare.success && bare.issues.map((found) => found.code)).toEqual(['reason_required']);
  });

  it('lets the partner withdraw a request still waiting, and nothing else', () => {
    expect(withdrawFundRequest(request, at('2026-11-25')).success).toBe(true);
    const done = approved(program, request, allocation).next;
    expect(withdrawFundRequest(done, at('2026-11-27')).trace.summary).toMatchInlineSnapshot(
      `"Refused: 1 of 1 check failed (status)."`,
    );
  });

  it('closes an approved request early, releasing what claims did not use', () => {
    const { next, allocation: after } = approved(program, request, allocation);
    const claimed = claimedAndApproved(program, next, after, 500_000, 'c-1');
    const outcome = closeFundRequest(program, claimed.request, claimed.allocation, 'dana', at('2027-01-05'));
    if (!outcome.success) throw new Error('closes');
    expect(outcome.data.next.released).toEqual(usd(250_000));
    expect(outcome.data.allocation.balances).toMatchObject({
      available: usd(500_000),
      committed: usd(0),
      claimed: usd(500_000),
      released: usd(0),
    });
    expect(outcome.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "partner-1",
  },
  "event": "request_closed",
  "kind": "notify",
  "message": "Your request "Winter webinar series" is closed: dana closed it; 2,500.00 USD unused returns to your funds.",
  "subject": {
    "id": "r-1",
    "type": "mdf_request",
  },
}
`);
  });

  it('lapses a request never decided once its activity began, and not before', () => {
    expect(lapseFundRequest(program, request, allocation, at('2026-12-19')).trace.summary).toMatchInlineSnapshot(
      `"Refused: 1 of 2 checks failed (time is up)."`,
    );
    const lapsed = lapseFundRequest(program, request, allocation, at('2026-12-20'));
    expect(lapsed.success && [lapsed.data.next.status, lapsed.data.next.released, lapsed.data.postings]).toEqual([
      'lapsed',
      null,
      [],
    ]);
  });

  it('lapses an approved request never claimed by its deadline, releasing its whole commitment', () => {
    const { next, allocation: after } = approved(program, request, allocation);
    expect(lapseFundRequest(program, next, after, at('2027-02-18')).success).toBe(false);
    const outcome = lapseFundRequest(program, next, after, at('2027-02-19'));
    if (!outcome.success) throw new Error('lapses');
    expect([outcome.data.outcome, outcome.data.next.status, outcome.data.next.released]).toEqual([
      'lapsed',
      'lapsed',
      usd(750_000),
    ]);
    expect(outcome.data.allocation.balances.available).toEqual(usd(1_000_000));
    expect(outcome.trace).toMatchInlineSnapshot(`
{
  "decision": "mdf.request.lapse",
  "outcome": "lapsed",
  "steps": [
    {
      "facts": {
        "allowed": [
          "submitted",
          "approved",
        ],
        "status": "approved",
      },
      "message": "The request r-1 is approved.",
      "result": "pass",
      "rule": "status",
    },
    {
      "facts": {
        "claimDeadline": "2027-02-18",
        "today": "2027-02-19",
      },
      "message": "Claims closed on 2027-02-18.",
      "result": "pass",
      "rule": "time_is_up",
    },
    {
      "facts": {
        "pending": {
          "amount": 0,
          "currency": "USD",
        },
      },
      "message": "No claim on this request is waiting for review.",
      "result": "pass",
      "rule": "pending_claims",
    },
  ],
  "subject": {
    "id": "r-1",
    "type": "mdf_request",
  },
  "summary": ""Winter webinar series" lapses; its commitment is released.",
}
`);
  });

  it('closes a partly claimed request at its deadline instead, and waits while a claim is pending', () => {
    const { next, allocation: after } = approved(program, request, allocation);
    const claimed = claimedAndApproved(program, next, after, 300_000, 'c-1');
    const outcome = lapseFundRequest(program, claimed.request, claimed.allocation, at('2027-02-19'));
    expect(outcome.success && [outcome.data.outcome, outcome.data.next.status, outcome.data.postings[0]!.kind]).toEqual(
      ['closed', 'closed', 'release'],
    );
    const partly = asApproved(claimed.request);
    const pending = { ...partly, claims: { ...partly.claims, pending: usd(100_000) } };
    const waiting = lapseFundRequest(program, pending, claimed.allocation, at('2027-02-19'));
    expect(!waiting.success && waiting.issues).toMatchInlineSnapshot(`
[
  {
    "code": "claims_pending",
    "message": "Claims for 1,000.00 USD on this request are still open; review them first.",
    "path": [
      "claims",
    ],
  },
]
`);
  });

  it('links campaigns, leads and deals to an approved request, without repeats', () => {
    const { next } = approved(program, request, allocation);
    const once = linkFundRequest(next, { campaignIds: ['cmp-1'], leadIds: ['l-1', 'l-2'], dealIds: ['d-1'] });
    const twice = once.success
      ? linkFundRequest(once.data.next, { campaignIds: ['cmp-1'], leadIds: ['l-2', 'l-3'], dealIds: [] })
      : once;
    expect(twice.success && twice.data.next.links).toEqual({
      campaignIds: ['cmp-1'],
      leadIds: ['l-1', 'l-2', 'l-3'],
      dealIds: ['d-1'],
    });
    expect(linkFundRequest(request, { campaignIds: [], leadIds: [], dealIds: ['d-1'] }).success).toBe(false);
  });
});
