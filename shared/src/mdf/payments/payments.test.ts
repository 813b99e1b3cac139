import type { MdfClaim } from '../claims/claim.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { at, demoProgram, fundedAllocation, usd } from '../test-support/fixtures.js';
import { approved, claimedAndApproved, submitted } from '../test-support/request-fixtures.js';
import { payClaims } from './pay-claims.js';

const program = demoProgram();

function approvedClaim(partnerId: string, amount: number, claimId: string) {
  const funded = fundedAllocation(1_000_000, { id: `budget-1:${partnerId}`, partnerId });
  const { next, allocation } = approved(program, submitted(program, funded.allocation), funded.allocation);
  return claimedAndApproved(program, next, allocation, amount, claimId);
}

describe('paying claims in a batch', () => {
  const one = approvedClaim('p-1', 300_000, 'c-1');
  const two = approvedClaim('p-2', 200_000, 'c-2');
  const allocations = new Map<string, MdfAllocation>([
    [one.allocation.id, one.allocation],
    [two.allocation.id, two.allocation],
  ]);

  it('moves each claim from claimed to paid, with one remittance per partner and its reference', () => {
    const outcome = payClaims(
      'batch-1',
      { claimIds: ['c-2', 'c-1'], reference: 'ACH-2027-01', paidOn: '2027-01-15' },
      [two.claim, one.claim],
      allocations,
      'finance-1',
      at('2027-01-14'),
    );
    if (!outcome.success) throw new Error('pays');
    expect(outcome.data.next.remittances).toEqual([
      { partnerId: 'p-1', reference: 'ACH-2027-01-1', amount: usd(300_000), claimIds: ['c-1'] },
      { partnerId: 'p-2', reference: 'ACH-2027-01-2', amount: usd(200_000), claimIds: ['c-2'] },
    ]);
    expect(outcome.data.claims.map((claim) => [claim.id, claim.status, claim.payment.reference])).toEqual([
      ['c-2', 'paid', 'ACH-2027-01-2'],
      ['c-1', 'paid', 'ACH-2027-01-1'],
    ]);
    expect(
      outcome.data.allocations.map((allocation) => [
        allocation.id,
        allocation.balances.claimed.amount,
        allocation.balances.paid.amount,
      ]),
    ).toEqual([
      ['budget-1:p-2', 0, 200_000],
      ['budget-1:p-1', 0, 300_000],
    ]);
    expect(outcome.data.effects.slice(0, 2)).toMatchInlineSnapshot(`
[
  {
    "amount": {
      "amount": 300000,
      "currency": "USD",
    },
    "claimIds": [
      "c-1",
    ],
    "kind": "remit_payment",
    "partnerId": "p-1",
    "paymentBatchId": "batch-1",
    "reference": "ACH-2027-01-1",
  },
  {
    "audience": {
      "kind": "partner",
      "partnerId": "p-1",
    },
    "event": "claim_paid",
    "kind": "notify",
    "message": "3,000.00 USD is paid to you on 2027-01-15, reference ACH-2027-01-1.",
    "subject": {
      "id": "batch-1",
      "type": "mdf_payment_batch",
    },
  },
]
`);
    expect(outcome.trace.summary).toMatchInlineSnapshot(`"Batch ACH-2027-01 pays 2 claims on 2027-01-15."`);
  });

  it('refuses a batch without a reference, with a claim not approved, or with a claim twice', () => {
    const submittedClaim = { ...one.claim, status: 'submitted' } as unknown as MdfClaim;
    const outcome = payClaims(
      'batch-2',
      { claimIds: ['c-1', 'c-1', 'c-9'], reference: ' ', paidOn: '2027-01-15' },
      [one.claim, one.claim, { ...submittedClaim, id: 'c-9' }],
      allocations,
      'finance-1',
      at('2027-01-14'),
    );
    expect(!outcome.success && outcome.issues).toMatchInlineSnapshot(`
[
  {
    "code": "reference_required",
    "message": "A payment batch needs a reference that finance can trace.",
    "path": [
      "reference",
    ],
  },
  {
    "code": "duplicate_claim",
    "message": "Claim c-1 is listed twice in the batch.",
    "path": [
      "claimIds",
      1,
    ],
  },
  {
    "code": "invalid_status",
    "message": "Claim c-9 is submitted; only approved claims are paid.",
    "path": [
      "claimIds",
      2,
    ],
  },
]
`);
  });
});
