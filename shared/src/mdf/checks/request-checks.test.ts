import { demoProgram, fundedAllocation, testRates, usd, eur } from '../test-support/fixtures.js';
import { checkActivityDates } from './activity-dates.js';
import { checkApprovalLevel, checkApproverAuthority } from './approval-level.js';
import { checkApprovedAmount } from './approved-amount.js';
import { checkAvailableBalance } from './available-balance.js';
import { checkEligibleActivity } from './eligible-activity.js';
import { checkLeadTime } from './lead-time.js';
import { checkReimbursement, reimbursableShare } from './reimbursement.js';
import { checkRequestCurrency } from './request-currency.js';
import { checkStatus } from './status.js';

const program = demoProgram();

describe('request policy checks', () => {
  describe('eligible activity', () => {
    it('passes an activity the fund type pays for', () => {
      expect(checkEligibleActivity(program, 'proposal-mdf', 'webinar')).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "activityId": "webinar",
      "fundTypeId": "proposal-mdf",
    },
    "message": "Webinar is eligible for Proposal-based MDF.",
    "result": "pass",
    "rule": "eligible_activity",
  },
}
`);
    });

    it('refuses an activity the fund type does not pay for, naming those it does', () => {
      expect(checkEligibleActivity(program, 'proposal-mdf', 'training')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "activity_not_eligible",
      "message": "Sales and technical training is not eligible for Proposal-based MDF, which pays for Event or trade show, Webinar, Digital campaign, Content syndication.",
      "path": [
        "activityId",
      ],
    },
  ],
  "step": {
    "facts": {
      "activityId": "training",
      "eligibleActivityIds": [
        "event",
        "webinar",
        "digital-campaign",
        "content-syndication",
      ],
      "fundTypeId": "proposal-mdf",
    },
    "message": "Sales and technical training is not eligible for Proposal-based MDF, which pays for Event or trade show, Webinar, Digital campaign, Content syndication.",
    "result": "fail",
    "rule": "eligible_activity",
  },
}
`);
    });

    it('refuses an unknown activity or fund type', () => {
      expect(checkEligibleActivity(program, 'proposal-mdf', 'yacht-party').issues).toMatchInlineSnapshot(`
[
  {
    "code": "unknown_activity",
    "message": "The program has no activity "yacht-party"; its activities are event, webinar, digital-campaign, content-syndication, print-advertising, training.",
    "path": [
      "activityId",
    ],
  },
]
`);
      expect(checkEligibleActivity(program, 'bonus', 'event').issues.map((found) => found.code)).toEqual([
        'unknown_fund_type',
      ]);
    });
  });

  describe('activity dates', () => {
    it('passes an activity of one day and refuses one that ends before it starts', () => {
      expect(checkActivityDates('2026-12-20', '2026-12-20').step.result).toBe('pass');
      expect(checkActivityDates('2026-12-20', '2026-12-19')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "activity_dates_order",
      "message": "The activity ends on 2026-12-19, before it starts on 2026-12-20.",
      "path": [
        "endDate",
      ],
    },
  ],
  "step": {
    "facts": {
      "endDate": "2026-12-19",
      "startDate": "2026-12-20",
    },
    "message": "The activity ends on 2026-12-19, before it starts on 2026-12-20.",
    "result": "fail",
    "rule": "activity_dates",
  },
}
`);
    });
  });

  describe('lead time', () => {
    it('passes a request exactly the lead time ahead', () => {
      expect(checkLeadTime(program, '2026-11-24', '2026-12-15')).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "daysAhead": 21,
      "latestSubmission": "2026-11-24",
      "leadTimeDays": 21,
      "startDate": "2026-12-15",
      "today": "2026-11-24",
    },
    "message": "The activity starts on 2026-12-15, 21 days after 2026-11-24; requests must come in at least 21 days ahead.",
    "result": "pass",
    "rule": "lead_time",
  },
}
`);
    });

    it('refuses a request one day late, saying by when it was due', () => {
      expect(checkLeadTime(program, '2026-11-25', '2026-12-15')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "lead_time_too_short",
      "message": "The activity starts on 2026-12-15, 20 days after 2026-11-25; requests must come in at least 21 days ahead, by 2026-11-24.",
      "path": [
        "startDate",
      ],
    },
  ],
  "step": {
    "facts": {
      "daysAhead": 20,
      "latestSubmission": "2026-11-24",
      "leadTimeDays": 21,
      "startDate": "2026-12-15",
      "today": "2026-11-25",
    },
    "message": "The activity starts on 2026-12-15, 20 days after 2026-11-25; requests must come in at least 21 days ahead, by 2026-11-24.",
    "result": "fail",
    "rule": "lead_time",
  },
}
`);
    });
  });

  describe('currency', () => {
    it('passes the allocation currency and converts an allowed one with the listed rate', () => {
      expect(checkRequestCurrency(program, 'USD', 'USD', testRates).step.result).toBe('pass');
      const converted = checkRequestCurrency(program, 'EUR', 'USD', testRates);
      expect(converted.rate).toEqual({ from: 'EUR', to: 'USD', rate: '1.0845' });
      expect(converted.step.message).toMatchInlineSnapshot(
        `"The request is in EUR; it converts to the allocation's USD at 1.0845 (rates of 2026-11-24)."`,
      );
    });

    it('refuses a currency the program does not allow, or one without a rate', () => {
      expect(checkRequestCurrency(program, 'JPY', 'USD', testRates).issues).toMatchInlineSnapshot(`
[
  {
    "code": "currency_not_allowed",
    "message": "Requests may be in USD, EUR, GBP, CAD, AUD, not JPY.",
    "path": [
      "requestedAmount",
      "currency",
    ],
  },
]
`);
      expect(checkRequestCurrency(program, 'CAD', 'USD', testRates).issues).toMatchInlineSnapshot(`
[
  {
    "code": "exchange_rate_missing",
    "message": "The allocation is in USD and no rate from CAD to USD is listed for 2026-11-24.",
    "path": [
      "requestedAmount",
      "currency",
    ],
  },
]
`);
    });
  });

  describe('reimbursement percentage', () => {
    it('rounds the MDF share down, to the partner’s detriment', () => {
      expect(reimbursableShare(usd(33_333), 5000)).toEqual(usd(16_666));
      expect(reimbursableShare(usd(999), 7500)).toEqual(usd(749)); // 749.25
      expect(reimbursableShare(usd(1), 5000)).toEqual(usd(0));
    });

    it('passes when the partner pledges the share MDF does not fund', () => {
      expect(checkReimbursement('Webinar', 7500, usd(1_000_000), usd(250_000))).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "mdfShare": {
        "amount": 750000,
        "currency": "USD",
      },
      "minimumContribution": {
        "amount": 250000,
        "currency": "USD",
      },
      "partnerContribution": {
        "amount": 250000,
        "currency": "USD",
      },
      "reimbursementBasisPoints": 7500,
      "requestedAmount": {
        "amount": 1000000,
        "currency": "USD",
      },
    },
    "message": "Webinar is reimbursed at 75 %: MDF funds at most 7,500.00 USD of the 10,000.00 USD requested, so the partner contributes at least 2,500.00 USD; it pledges 2,500.00 USD.",
    "result": "pass",
    "rule": "reimbursement",
  },
}
`);
    });

    it('refuses a pledge below the partner’s share, even by a cent of rounding', () => {
      expect(checkReimbursement('Event or trade show', 5000, usd(33_333), usd(16_666))).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "partner_contribution_too_small",
      "message": "Event or trade show is reimbursed at 50 %: MDF funds at most 166.66 USD of the 333.33 USD requested, so the partner contributes at least 166.67 USD, but it pledges 166.66 USD.",
      "path": [
        "partnerContribution",
      ],
    },
  ],
  "step": {
    "facts": {
      "mdfShare": {
        "amount": 16666,
        "currency": "USD",
      },
      "minimumContribution": {
        "amount": 16667,
        "currency": "USD",
      },
      "partnerContribution": {
        "amount": 16666,
        "currency": "USD",
      },
      "reimbursementBasisPoints": 5000,
      "requestedAmount": {
        "amount": 33333,
        "currency": "USD",
      },
    },
    "message": "Event or trade show is reimbursed at 50 %: MDF funds at most 166.66 USD of the 333.33 USD requested, so the partner contributes at least 166.67 USD, but it pledges 166.66 USD.",
    "result": "fail",
    "rule": "reimbursement",
  },
}
`);
      expect(checkReimbursement('Event or trade show', 5000, usd(33_333), usd(16_667)).step.result).toBe('pass');
    });

    it('refuses a pledge in another currency', () => {
      expect(checkReimbursement('Webinar', 7500, usd(1_000), eur(1_000)).issues.map((found) => found.code)).toEqual([
        'currency_mismatch',
      ]);
    });
  });

  describe('available balance', () => {
    const { allocation } = fundedAllocation(1_000_000);

    it('passes when the allocation covers what would be committed, to the cent', () => {
      expect(checkAvailableBalance(allocation, usd(1_000_000), '2026-11-24')).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "allocationId": "budget-1:partner-1",
      "allocationVersion": 1,
      "asOf": "2026-11-24",
      "available": {
        "amount": 1000000,
        "currency": "USD",
      },
      "needed": {
        "amount": 1000000,
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
    "message": "The allocation has 10,000.00 USD available, enough for 10,000.00 USD.",
    "result": "pass",
    "rule": "available_balance",
  },
}
`);
    });

    it('refuses a cent more than is available', () => {
      expect(checkAvailableBalance(allocation, usd(1_000_001), '2026-11-24').issues).toMatchInlineSnapshot(`
[
  {
    "code": "insufficient_funds",
    "message": "The allocation has 10,000.00 USD available, less than the 10,000.01 USD needed.",
    "path": [
      "amount",
    ],
  },
]
`);
    });
  });

  describe('approval level and who may approve', () => {
    it('puts an amount in the first level whose bound covers it, bounds included', () => {
      const levelOf = (amount: number) => checkApprovalLevel(program, usd(amount)).level.level.name;
      expect([levelOf(1), levelOf(500_000), levelOf(500_001), levelOf(2_500_000), levelOf(2_500_001)]).toEqual([
        'Channel manager',
        'Channel manager',
        'Regional channel director',
        'Regional channel director',
        'VP of partnerships',
      ]);
      expect(checkApprovalLevel(program, usd(750_000)).step).toMatchInlineSnapshot(`
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
}
`);
    });

    it('lets the level’s role or a higher one approve, and no one else', () => {
      const level = checkApprovalLevel(program, usd(750_000)).level;
      expect(
        checkApproverAuthority(program, level, { userId: 'dana', roles: ['vp-partnerships'] }).step.message,
      ).toMatchInlineSnapshot(`"dana approves as vp-partnerships."`);
      expect(checkApproverAuthority(program, level, { userId: 'sam', roles: ['channel-manager'] }))
        .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "approver_not_authorized",
      "message": "sam holds only channel-manager; the level "Regional channel director" needs a channel-director or vp-partnerships.",
      "path": [
        "approver",
      ],
    },
  ],
  "step": {
    "facts": {
      "allowedRoles": [
        "channel-director",
        "vp-partnerships",
      ],
      "approverId": "sam",
      "approverRoles": [
        "channel-manager",
      ],
    },
    "message": "sam holds only channel-manager; the level "Regional channel director" needs a channel-director or vp-partnerships.",
    "result": "fail",
    "rule": "approver_authority",
  },
}
`);
      expect(
        checkApproverAuthority(program, level, { userId: 'lee', roles: [] }).issues[0]?.message,
      ).toMatchInlineSnapshot(
        `"lee holds no role; the level "Regional channel director" needs a channel-director or vp-partnerships."`,
      );
    });
  });

  describe('approved amount', () => {
    it('tells a full approval from a partial one', () => {
      expect(checkApprovedAmount(usd(1_000_000), usd(1_000_000)).step.message).toMatchInlineSnapshot(
        `"Approved in full: 10,000.00 USD."`,
      );
      expect(checkApprovedAmount(usd(1_000_000), usd(600_000)).step.message).toMatchInlineSnapshot(
        `"Approved in part: 6,000.00 USD of the 10,000.00 USD requested."`,
      );
    });

    it('refuses more than requested, nothing, or another currency', () => {
      expect(checkApprovedAmount(usd(1_000_000), usd(1_000_001)).issues).toMatchInlineSnapshot(`
[
  {
    "code": "amount_exceeds_requested",
    "message": "10,000.01 USD is more than the 10,000.00 USD requested.",
    "path": [
      "amount",
    ],
  },
]
`);
      expect(checkApprovedAmount(usd(1_000_000), usd(0)).issues.map((found) => found.code)).toEqual([
        'amount_not_positive',
      ]);
      expect(checkApprovedAmount(usd(1_000_000), eur(1_000)).issues.map((found) => found.code)).toEqual([
        'currency_mismatch',
      ]);
    });
  });

  describe('status', () => {
    it('refuses an operation from a status it does not start from', () => {
      expect(checkStatus('request', 'r-1', 'approved', ['submitted'], 'approved')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "invalid_status",
      "message": "The request r-1 is approved; only a submitted request can be approved.",
      "path": [
        "status",
      ],
    },
  ],
  "step": {
    "facts": {
      "allowed": [
        "submitted",
      ],
      "status": "approved",
    },
    "message": "The request r-1 is approved; only a submitted request can be approved.",
    "result": "fail",
    "rule": "status",
  },
}
`);
      expect(checkStatus('request', 'r-1', 'submitted', ['submitted'], 'approved').issues).toEqual([]);
    });
  });
});
