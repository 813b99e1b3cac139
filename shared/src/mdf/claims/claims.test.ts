import { at, demoProgram, eur, fundedAllocation, usd } from '../test-support/fixtures.js';
import { approved, submitted, webinarProofs } from '../test-support/request-fixtures.js';
import type { MdfClaim } from './claim.js';
import { fileClaim } from './file-claim.js';
import { resubmitClaim } from './resubmit-claim.js';
import { reviewClaim } from './review-claim.js';

const program = demoProgram();
const funded = fundedAllocation(1_000_000);
const { next: request, allocation } = approved(program, submitted(program, funded.allocation), funded.allocation);

function filed(amount: number, id = 'c-1', proofs = webinarProofs, on = '2026-12-28') {
  const outcome = fileClaim(program, request, { id, filedBy: 'partner-user-1', amount: usd(amount), proofs }, at(on));
  if (!outcome.success) throw new Error(JSON.stringify(outcome.issues));
  return {
    claim: { ...outcome.data.next, version: 1 } as MdfClaim,
    request: { ...outcome.data.request, version: request.version + 1 },
  };
}

describe('filing a claim', () => {
  it('checks the request, the deadline, the proofs and the cap, and holds the amount as pending', () => {
    const outcome = fileClaim(
      program,
      request,
      { id: 'c-1', filedBy: 'partner-user-1', amount: usd(500_000), proofs: webinarProofs },
      at('2026-12-28'),
    );
    if (!outcome.success) throw new Error('files');
    expect(outcome.trace.steps.map((step) => `${step.rule} ${step.result}: ${step.message}`)).toMatchInlineSnapshot(`
[
  "status pass: The request r-1 is approved.",
  "claim_deadline pass: Claims on this request close on 2027-02-18; it is 2026-12-28.",
  "required_proofs pass: The claim carries every required proof: Third-party invoice, Attendee list.",
  "reimbursable_cap pass: Claims on this request may total 7,500.00 USD (75 % of the 10,000.00 USD approved); 0.00 USD is already claimed, so 7,500.00 USD is left, enough for the 5,000.00 USD claimed.",
]
`);
    expect(outcome.data.request.claims.pending).toEqual(usd(500_000));
    expect(outcome.data.postings).toEqual([]);
    expect(outcome.data.effects).toMatchInlineSnapshot(`
[
  {
    "audience": {
      "kind": "role",
      "role": "channel-director",
    },
    "event": "claim_filed",
    "kind": "notify",
    "message": "Partner partner-1 claims 5,000.00 USD for "Winter webinar series".",
    "subject": {
      "id": "c-1",
      "type": "mdf_claim",
    },
  },
]
`);
  });

  it('refuses a claim after the deadline, without the proofs, or above what is left under the cap', () => {
    const late = fileClaim(
      program,
      request,
      { id: 'c-2', filedBy: 'u', amount: usd(800_000), proofs: webinarProofs.slice(0, 1) },
      at('2027-02-19'),
    );
    expect(!late.success && late.issues.map((found) => found.code)).toEqual([
      'claim_deadline_passed',
      'proof_missing',
      'claim_exceeds_reimbursable',
    ]);
    expect(late.trace.summary).toMatchInlineSnapshot(
      `"Refused: 3 of 4 checks failed (claim deadline, required proofs, reimbursable cap)."`,
    );
  });

  it('counts claims still pending, so two partial claims cannot both use the same room', () => {
    const first = filed(500_000);
    const second = fileClaim(
      program,
      first.request,
      { id: 'c-2', filedBy: 'u', amount: usd(250_001), proofs: webinarProofs },
      at('2026-12-29'),
    );
    expect(!second.success && second.issues[0]!.message).toMatchInlineSnapshot(
      `"Claims on this request may total 7,500.00 USD (75 % of the 10,000.00 USD approved); 5,000.00 USD is already claimed, so 2,500.00 USD is left, less than the 2,500.01 USD claimed."`,
    );
    const fits = fileClaim(
      program,
      first.request,
      { id: 'c-2', filedBy: 'u', amount: usd(250_000), proofs: webinarProofs },
      at('2026-12-29'),
    );
    expect(fits.success && fits.data.request.claims.pending).toEqual(usd(750_000));
  });

  it('refuses a claim against a request that is not approved', () => {
    const waiting = submitted(program, funded.allocation);
    const outcome = fileClaim(
      program,
      waiting,
      { id: 'c-9', filedBy: 'u', amount: usd(1), proofs: webinarProofs },
      at('2026-12-28'),
    );
    expect(!outcome.success && outcome.issues.map((found) => found.code)).toEqual(['invalid_status']);
  });
});

describe('reviewing a claim', () => {
  it('approves: moves the amount from committed to claimed and counts it as approved', () => {
    const { claim, request: held } = filed(500_000);
    const outcome = reviewClaim(
      program,
      claim,
      held,
      allocation,
      { kind: 'approve', reviewedBy: 'dana', note: null },
      at('2027-01-04'),
    );
    if (!outcome.success) throw new Error('approves');
    expect(outcome.data.next).toMatchObject({ status: 'approved', ledgerAmount: usd(500_000) });
    expect(outcome.data.request.status === 'approved' && outcome.data.request.claims).toEqual({
      pending: usd(0),
      approved: usd(500_000),
      approvedLedger: usd(500_000),
    });
    expect(outcome.data.allocation.balances).toMatchObject({
      available: usd(250_000),
      committed: usd(250_000),
      claimed: usd(500_000),
    });
    expect(outcome.data.postings.map((posting) => posting.memo)).toMatchInlineSnapshot(`
[
  "Claim of 5,000.00 USD on request "Winter webinar series" approved by dana.",
]
`);
    expect(outcome.trace.summary).toMatchInlineSnapshot(
      `"dana approves the claim of 5,000.00 USD on "Winter webinar series"."`,
    );
  });

  it('closes the request once claims reach the cap with none pending', () => {
    const { claim, request: held } = filed(750_000);
    const outcome = reviewClaim(
      program,
      claim,
      held,
      allocation,
      { kind: 'approve', reviewedBy: 'dana', note: 'All in order.' },
      at('2027-01-04'),
    );
    if (!outcome.success) throw new Error('approves');
    expect(outcome.data.request.status).toBe('closed');
    expect(outcome.data.request.status === 'closed' && outcome.data.request.released).toEqual(usd(0));
    expect(outcome.data.postings.map((posting) => posting.kind)).toEqual(['claim']);
    expect(outcome.data.effects.map((effect) => (effect.kind === 'notify' ? effect.event : effect.kind))).toEqual([
      'claim_approved',
      'request_closed',
    ]);
  });

  it('rejects with a reason, freeing the room the claim held', () => {
    const { claim, request: held } = filed(500_000);
    const outcome = reviewClaim(
      program,
      claim,
      held,
      allocation,
      { kind: 'reject', reviewedBy: 'dana', reason: 'Invoice is for another event.' },
      at('2027-01-04'),
    );
    expect(
      outcome.success && outcome.data.request.status === 'approved' && outcome.data.request.claims.pending,
    ).toEqual(usd(0));
    expect(outcome.success && outcome.data.next).toMatchObject({
      status: 'rejected',
      review: { reviewedBy: 'dana', note: 'Invoice is for another event.' },
    });
    const bare = reviewClaim(
      program,
      claim,
      held,
      allocation,
      { kind: 'reject', reviewedBy: 'dana', reason: '' },
      at('2027-01-04'),
    );
    expect(!bare.success && bare.issues.map((found) => found.code)).toEqual(['reason_required']);
  });

  it('returns for more proof, keeps the amount held, and takes the claim back with the proof added', () => {
    const { claim, request: held } = filed(500_000);
    const returned = reviewClaim(
      program,
      claim,
      held,
      allocation,
      {
        kind: 'return',
        reviewedBy: 'dana',
        reason: 'The attendee list is unreadable.',
        missingProofKindIds: ['attendee-list'],
      },
      at('2027-01-04'),
    );
    if (!returned.success) throw new Error('returns');
    expect(returned.data.next.status).toBe('returned');
    expect(returned.data.next.returns).toEqual([
      {
        returnedBy: 'dana',
        returnedAt: '2027-01-04T15:00:00.000Z',
        reason: 'The attendee list is unreadable.',
        missingProofKindIds: ['attendee-list'],
      },
    ]);
    expect(returned.data.request).toBe(held);
    expect(returned.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "partner-1",
  },
  "event": "claim_returned",
  "kind": "notify",
  "message": "Your claim on "Winter webinar series" needs more proof: The attendee list is unreadable.",
  "subject": {
    "id": "c-1",
    "type": "mdf_claim",
  },
}
`);
    const again = resubmitClaim(program, { ...returned.data.next, version: 2 }, held, {
      proofs: [{ kindId: 'attendee-list', documentId: 'doc-3', name: 'Attendees (readable).csv' }],
    });
    expect(again.success && [again.data.next.status, again.data.next.proofs.length]).toEqual(['submitted', 3]);
    const notReturned = resubmitClaim(program, claim, held, { proofs: webinarProofs });
    expect(!notReturned.success && notReturned.issues.map((found) => found.code)).toEqual(['invalid_status']);
  });

  it('reviews a claim only once', () => {
    const { claim, request: held } = filed(500_000);
    const first = reviewClaim(
      program,
      claim,
      held,
      allocation,
      { kind: 'approve', reviewedBy: 'dana', note: null },
      at('2027-01-04'),
    );
    if (!first.success || first.data.request.status !== 'approved') throw new Error('approves');
    const twice = reviewClaim(
      program,
      { ...first.data.next, version: 2 },
      first.data.request,
      first.data.allocation,
      { kind: 'approve', reviewedBy: 'dana', note: null },
      at('2027-01-05'),
    );
    expect(!twice.success && twice.issues.map((found) => found.code)).toEqual(['invalid_status']);
  });

  it('converts claims cumulatively with the request’s rate, so they never exceed the commitment', () => {
    // €8,000.00 at 75 %: €6,000.00 committed as $6,507.00. Three claims of €2,000.00 each convert to
    // $2,169.00 each; whatever the rounding, the ledger sums the converted running total.
    const euros = approved(
      program,
      submitted(program, funded.allocation, { requestedAmount: eur(800_000), partnerContribution: eur(200_000) }),
      funded.allocation,
    );
    let current = { request: euros.next, allocation: euros.allocation };
    const ledgerAmounts: number[] = [];
    for (const [index, amount] of [
      [1, 200_001],
      [2, 199_999],
      [3, 200_000],
    ] as const) {
      const claimed = fileClaim(
        program,
        current.request,
        { id: `c-${index}`, filedBy: 'u', amount: eur(amount), proofs: webinarProofs },
        at('2026-12-28'),
      );
      if (!claimed.success) throw new Error(JSON.stringify(claimed.issues));
      const reviewed = reviewClaim(
        program,
        claimed.data.next,
        claimed.data.request,
        current.allocation,
        { kind: 'approve', reviewedBy: 'dana', note: null },
        at('2027-01-04'),
      );
      if (!reviewed.success) throw new Error(JSON.stringify(reviewed.issues));
      ledgerAmounts.push(reviewed.data.next.status === 'approved' ? reviewed.data.next.ledgerAmount.amount : -1);
      current = { request: reviewed.data.request as typeof euros.next, allocation: reviewed.data.allocation };
    }
    // €2,000.01 → $2,169.01 (2,169.010845); €4,000.00 → $4,338.00; €6,000.00 → $6,507.00.
    expect(ledgerAmounts).toEqual([216_901, 216_899, 216_900]);
    expect(current.allocation.balances).toMatchObject({ committed: usd(0), claimed: usd(650_700) });
  });
});
