import { canRegisterDeals } from '../../../partner-lifecycle/guards/partner-gates.js';
import { partner } from '../test-support/fixtures.js';
import { checkPartnerStatus } from './partner-status.js';

describe('partner status', () => {
  it('passes an active partner', () => {
    expect(checkPartnerStatus(partner(), false)).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "allowOnboardingPartners": false,
      "partnerId": "p-1",
      "status": "active",
    },
    "message": "Northwind Systems is an active partner.",
    "result": "pass",
    "rule": "partner_status",
  },
}
`);
  });

  it('passes an onboarding partner only where the program allows it', () => {
    const onboarding = partner({ status: 'onboarding' });
    expect(checkPartnerStatus(onboarding, true).step.message).toMatchInlineSnapshot(
      `"Northwind Systems is still onboarding, and the program lets onboarding partners register deals."`,
    );
    expect(checkPartnerStatus(onboarding, false).issues).toMatchInlineSnapshot(`
[
  {
    "code": "partner_not_eligible",
    "message": "Northwind Systems is still onboarding, and the program lets only active partners register deals.",
    "path": [
      "partnerId",
    ],
  },
]
`);
  });

  it.each(['applicant', 'approved', 'rejected', 'suspended', 'offboarded'] as const)(
    'refuses a %s partner',
    (status) => {
      const check = checkPartnerStatus(partner({ status }), true);
      expect(check.step.result).toBe('fail');
      expect(check.issues.map((found) => [found.path, found.code])).toEqual([[['partnerId'], 'partner_not_eligible']]);
    },
  );

  it('explains a suspended partner', () => {
    expect(checkPartnerStatus(partner({ status: 'suspended' }), false).step.message).toMatchInlineSnapshot(
      `"Northwind Systems is suspended; only active partners register deals."`,
    );
  });

  it.each(['applicant', 'approved', 'rejected', 'onboarding', 'active', 'suspended', 'offboarded'] as const)(
    'decides a %s partner as the lifecycle guard canRegisterDeals does',
    (status) => {
      for (const allowOnboarding of [false, true]) {
        const gate = canRegisterDeals(partner({ status }), { allowOnboarding });
        const check = checkPartnerStatus(partner({ status }), allowOnboarding);
        expect([check.step.result, check.step.message]).toEqual([gate.allowed ? 'pass' : 'fail', gate.message]);
      }
    },
  );
});
