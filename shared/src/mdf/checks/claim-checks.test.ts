import { demoProgram, usd } from '../test-support/fixtures.js';
import { checkClaimDeadline } from './claim-deadline.js';
import { checkReimbursableCap } from './reimbursable-cap.js';
import { checkRequiredProofs } from './required-proofs.js';

const program = demoProgram();

describe('claim policy checks', () => {
  describe('claim deadline', () => {
    it('accepts a claim on the deadline and refuses one the day after', () => {
      expect(checkClaimDeadline('2027-02-13', '2027-02-13')).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "claimDeadline": "2027-02-13",
      "today": "2027-02-13",
    },
    "message": "Claims on this request close on 2027-02-13; it is 2027-02-13.",
    "result": "pass",
    "rule": "claim_deadline",
  },
}
`);
      expect(checkClaimDeadline('2027-02-14', '2027-02-13')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "claim_deadline_passed",
      "message": "Claims on this request closed on 2027-02-13; it is 2027-02-14, 1 day too late.",
      "path": [
        "filedAt",
      ],
    },
  ],
  "step": {
    "facts": {
      "claimDeadline": "2027-02-13",
      "today": "2027-02-14",
    },
    "message": "Claims on this request closed on 2027-02-13; it is 2027-02-14, 1 day too late.",
    "result": "fail",
    "rule": "claim_deadline",
  },
}
`);
    });
  });

  describe('required proofs', () => {
    const proof = (kindId: string) => ({ kindId, documentId: `doc-${kindId}`, name: `${kindId}.pdf` });

    it('passes when every required kind is there, extra proofs being harmless', () => {
      expect(
        checkRequiredProofs(
          program,
          ['invoice', 'attendee-list'],
          [proof('attendee-list'), proof('invoice'), proof('photos')],
        ),
      ).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "missing": [],
      "provided": [
        "attendee-list",
        "invoice",
        "photos",
      ],
      "required": [
        "invoice",
        "attendee-list",
      ],
    },
    "message": "The claim carries every required proof: Third-party invoice, Attendee list.",
    "result": "pass",
    "rule": "required_proofs",
  },
}
`);
    });

    it('names the missing kinds', () => {
      expect(checkRequiredProofs(program, ['invoice', 'attendee-list', 'photos'], [proof('invoice')]))
        .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "proof_missing",
      "message": "The claim lacks required proofs: Attendee list, Photos of the booth or venue.",
      "path": [
        "proofs",
      ],
    },
  ],
  "step": {
    "facts": {
      "missing": [
        "attendee-list",
        "photos",
      ],
      "provided": [
        "invoice",
      ],
      "required": [
        "invoice",
        "attendee-list",
        "photos",
      ],
    },
    "message": "The claim lacks required proofs: Attendee list, Photos of the booth or venue.",
    "result": "fail",
    "rule": "required_proofs",
  },
}
`);
    });
  });

  describe('claimed ≤ approved × reimbursement rate', () => {
    const commitment = { funds: usd(750_000), ledgerAmount: usd(750_000), exchangeRate: null };

    it('passes a claim that uses exactly the room left', () => {
      expect(
        checkReimbursableCap(
          usd(1_000_000),
          7500,
          commitment,
          { approved: usd(500_000), pendingOthers: usd(0) },
          usd(250_000),
        ),
      ).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "alreadyClaimed": {
        "amount": 500000,
        "currency": "USD",
      },
      "amount": {
        "amount": 250000,
        "currency": "USD",
      },
      "approvedAmount": {
        "amount": 1000000,
        "currency": "USD",
      },
      "cap": {
        "amount": 750000,
        "currency": "USD",
      },
      "left": {
        "amount": 250000,
        "currency": "USD",
      },
      "reimbursementBasisPoints": 7500,
    },
    "message": "Claims on this request may total 7,500.00 USD (75 % of the 10,000.00 USD approved); 5,000.00 USD is already claimed, so 2,500.00 USD is left, enough for the 2,500.00 USD claimed.",
    "result": "pass",
    "rule": "reimbursable_cap",
  },
}
`);
    });

    it('counts pending claims against the room and refuses a cent more', () => {
      expect(
        checkReimbursableCap(
          usd(1_000_000),
          7500,
          commitment,
          { approved: usd(500_000), pendingOthers: usd(100_000) },
          usd(150_001),
        ).issues,
      ).toMatchInlineSnapshot(`
[
  {
    "code": "claim_exceeds_reimbursable",
    "message": "Claims on this request may total 7,500.00 USD (75 % of the 10,000.00 USD approved); 6,000.00 USD is already claimed, so 1,500.00 USD is left, less than the 1,500.01 USD claimed.",
    "path": [
      "amount",
    ],
  },
]
`);
    });

    it('refuses a claim of nothing or in another currency', () => {
      const tally = { approved: usd(0), pendingOthers: usd(0) };
      expect(
        checkReimbursableCap(usd(1_000_000), 7500, commitment, tally, usd(0)).issues.map((found) => found.code),
      ).toEqual(['amount_not_positive']);
      expect(
        checkReimbursableCap(usd(1_000_000), 7500, commitment, tally, { amount: 1, currency: 'EUR' }).issues.map(
          (found) => found.code,
        ),
      ).toEqual(['currency_mismatch']);
    });
  });
});
