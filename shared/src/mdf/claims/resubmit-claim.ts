import * as z from 'zod';
import type { Program } from '../../program/schema/program.js';
import { formatMoney } from '../../money/money.js';
import { verdictOf, type MdfCheck } from '../checks/check.js';
import { checkRequiredProofs } from '../checks/required-proofs.js';
import { checkStatus } from '../checks/status.js';
import { notify } from '../effects.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import type { MdfRequest } from '../requests/request.js';
import { mdfClaimBase, MdfProofSchema, type MdfClaimIn, type MdfClaim } from './claim.js';
import { reviewerRole } from './file-claim.js';

/** The proofs a partner adds to a returned claim. */
export const ClaimResubmissionSchema = z.strictObject({ proofs: z.array(MdfProofSchema).min(1) });
export type ClaimResubmission = z.infer<typeof ClaimResubmissionSchema>;

/**
 * Files a returned claim again with more proof. It was filed before the deadline, so the deadline does
 * not apply again; its amount is unchanged and still held against the request. The proofs, old and new,
 * must cover every required kind. Issues `invalid_status`, `proof_missing`.
 */
export function resubmitClaim(
  program: Program,
  claim: MdfClaim,
  request: MdfRequest,
  input: ClaimResubmission,
): MdfDecided<MdfTransition<MdfClaimIn<'submitted'>>> {
  if (claim.requestId !== request.id) throw new Error('The claim must belong to the request.');
  const proofs = [...claim.proofs, ...input.proofs];
  const checks: MdfCheck[] = [
    checkStatus('claim', claim.id, claim.status, ['returned'], 'filed again'),
    checkStatus('request', request.id, request.status, ['approved'], 'claimed against'),
    checkRequiredProofs(program, request.terms.proofKindIds, proofs),
  ];
  const subject = { type: 'mdf_claim', id: claim.id };
  const verdict = verdictOf('mdf.claim.resubmission', subject, checks, {
    outcome: 'filed',
    summary: `The claim of ${formatMoney(claim.amount)} is filed again with ${input.proofs.length} more proof(s).`,
  });
  if (verdict.issues.length > 0 || request.status !== 'approved') return refused(verdict.issues, verdict.trace);
  return decided(
    {
      next: { ...mdfClaimBase(claim), status: 'submitted', proofs },
      postings: [],
      effects: [
        notify(
          { kind: 'role', role: reviewerRole(program, request) },
          'claim_filed',
          subject,
          `Partner ${claim.partnerId} added proof to its claim on "${request.title}".`,
        ),
      ],
    },
    verdict.trace,
  );
}
