import { ClaimDecisionSchema } from './claims/review-claim.js';
import { BudgetDraftSchema } from './funds/create-budget.js';
import { MdfPostingSchema } from './ledger/posting.js';
import { PaymentRunSchema } from './payments/pay-claims.js';
import { ApprovalInputSchema } from './requests/approve-request.js';
import { RequestDraftSchema } from './requests/submit-request.js';
import { AllocationOrderSchema } from './use-cases/budget-use-cases.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((found) => found.path.join('.'));

describe('the shapes MDF takes at its boundaries', () => {
  const draft = {
    title: 'Winter webinar',
    allocationId: 'budget-1:partner-1',
    activityId: 'webinar',
    startDate: '2026-12-20',
    endDate: '2026-12-20',
    requestedAmount: { amount: 1_000_000, currency: 'USD' },
    partnerContribution: { amount: 250_000, currency: 'USD' },
    expected: { leads: 40, pipeline: { amount: 20_000_000, currency: 'USD' } },
  };

  it('accepts a request draft, filling in empty links', () => {
    const parsed = RequestDraftSchema.parse(draft);
    expect(parsed.links).toEqual({ campaignIds: [], leadIds: [], dealIds: [] });
  });

  it('refuses floats, unknown fields, bad dates and unknown currencies', () => {
    expect(
      paths(
        RequestDraftSchema.safeParse({
          ...draft,
          requestedAmount: { amount: 10.5, currency: 'USD' },
          partnerContribution: { amount: 1, currency: 'XYZ' },
          startDate: '2026-02-30',
          budget: 'x',
        }),
      ),
    ).toEqual(['startDate', 'requestedAmount.amount', 'partnerContribution.currency', '']);
  });

  it('takes decisions as tagged unions', () => {
    expect(ClaimDecisionSchema.parse({ kind: 'approve', reviewedBy: 'dana' })).toEqual({
      kind: 'approve',
      reviewedBy: 'dana',
      note: null,
    });
    expect(ClaimDecisionSchema.parse({ kind: 'return', reviewedBy: 'dana', reason: 'More proof' }).kind).toBe('return');
    expect(paths(ClaimDecisionSchema.safeParse({ kind: 'escalate', reviewedBy: 'dana' }))).toEqual(['kind']);
    expect(ApprovalInputSchema.safeParse({ approver: { userId: 'dana', roles: ['channel-director'] } }).success).toBe(
      true,
    );
    expect(paths(PaymentRunSchema.safeParse({ claimIds: [], reference: 'R', paidOn: '2027-01-15' }))).toEqual([
      'claimIds',
    ]);
  });

  it('takes budgets and allocation orders', () => {
    const budget = {
      name: 'Q4 proposals',
      fundTypeId: 'proposal-mdf',
      period: { unit: 'quarter', start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' },
      scope: { kind: 'region', name: 'DACH', territories: ['DE', 'AT', 'CH'] },
      amount: { amount: 5_000_000, currency: 'EUR' },
    };
    expect(BudgetDraftSchema.safeParse(budget).success).toBe(true);
    expect(
      paths(
        BudgetDraftSchema.safeParse({ ...budget, scope: { kind: 'region', name: 'Nowhere', territories: ['XX'] } }),
      ),
    ).toEqual(['scope.territories.0']);
    expect(
      AllocationOrderSchema.parse({ method: 'prior_revenue_share', amount: { amount: 100, currency: 'USD' } }).method,
    ).toBe('prior_revenue_share');
    expect(
      paths(AllocationOrderSchema.safeParse({ method: 'manual', amount: { amount: 100, currency: 'USD' } })),
    ).toEqual(['amounts', '']);
  });

  it('refuses a posting that does not balance', () => {
    const posting = {
      id: 'p-1',
      kind: 'expire',
      allocationId: 'a-1',
      asOf: '2027-01-10',
      postedAt: '2027-01-10T15:00:00Z',
      currency: 'USD',
      memo: 'Expired.',
      lines: [
        { account: { holder: 'allocation', allocationId: 'a-1', bucket: 'expired' }, side: 'debit', amount: 100 },
        { account: { holder: 'allocation', allocationId: 'a-1', bucket: 'available' }, side: 'credit', amount: 100 },
      ],
    };
    expect(MdfPostingSchema.safeParse(posting).success).toBe(true);
    expect(
      paths(MdfPostingSchema.safeParse({ ...posting, lines: [posting.lines[0], { ...posting.lines[1], amount: 99 }] })),
    ).toEqual(['lines']);
  });
});
