import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import type { MdfProof } from '../claims/claim.js';
import { failed, passed, type MdfCheck } from './check.js';

function proofName(program: Program, kindId: string): string {
  return program.mdf.proofKinds.find((kind) => kind.id === kindId)?.name ?? kindId;
}

/**
 * Required proofs: a claim carries at least one proof of every kind its request's activity requires.
 * Issue `proof_missing`, naming the missing kinds.
 */
export function checkRequiredProofs(
  program: Program,
  required: readonly string[],
  proofs: readonly MdfProof[],
): MdfCheck {
  const present = new Set(proofs.map((proof) => proof.kindId));
  const missing = required.filter((kindId) => !present.has(kindId));
  const facts = { required: [...required], provided: [...present].sort(), missing };
  if (missing.length > 0) {
    const names = missing.map((kindId) => proofName(program, kindId)).join(', ');
    const message = `The claim lacks ${missing.length === 1 ? 'a required proof' : 'required proofs'}: ${names}.`;
    return failed('required_proofs', message, facts, issue(['proofs'], 'proof_missing', message));
  }
  const names = required.map((kindId) => proofName(program, kindId)).join(', ');
  return passed('required_proofs', `The claim carries every required proof: ${names}.`, facts);
}
