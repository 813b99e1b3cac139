import type { Registration } from '../registration.js';

/*
 * The fields each group of states pins, copied field by field: a next state never carries a field of the
 * previous state that its own variant does not have (the schemas are strict).
 */

type Submitted = Extract<Registration, { submittedAt: string }>;
type Decided = Extract<Registration, { decidedAt: string }>;
type Approved = Extract<Registration, { protection: unknown }>;

/** The fields of every state. */
export function commonOf(registration: Registration) {
  return {
    id: registration.id,
    partnerId: registration.partnerId,
    details: registration.details,
    opportunityId: registration.opportunityId,
    createdAt: registration.createdAt,
    version: registration.version,
  };
}

/** The fields of every state after submission. */
export function submittedOf(registration: Submitted) {
  return { ...commonOf(registration), submittedAt: registration.submittedAt, conflict: registration.conflict };
}

/** The fields of every decided state. */
export function decidedOf(registration: Decided) {
  return { ...submittedOf(registration), decidedBy: registration.decidedBy, decidedAt: registration.decidedAt };
}

/** The fields of every approved state, whatever happened to it since. */
export function approvedOf(registration: Approved) {
  return { ...decidedOf(registration), protection: registration.protection };
}
