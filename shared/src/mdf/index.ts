/**
 * Market development funds: budgets and allocations, co-op accruals with expiry, fund requests, claims
 * and payments, all moving money on one double-entry ledger, and the ROI of what was paid.
 *
 * Every transition is pure: it returns the next records, the balanced postings and the effects, with the
 * decision's trace. The use cases read through the `MdfStore` port, decide, and commit with the versions
 * they read, so a stale write is refused rather than overspending an allocation.
 *
 * Rounding rules (no floats anywhere): percentages are integer basis points; a reimbursable share, a
 * commitment and an accrual are rounded down to the minor unit (toward the partner's detriment: the
 * program never pays a fraction the rate did not earn); currency conversions round half to even;
 * allocations of a total split it by the largest-remainder method, so the parts sum to the total.
 */
export * from './checks/activity-dates.js';
export * from './checks/approval-level.js';
export * from './checks/approved-amount.js';
export * from './checks/available-balance.js';
export type { MdfCheck, MdfVerdict } from './checks/check.js';
export * from './checks/claim-deadline.js';
export * from './checks/eligible-activity.js';
export * from './checks/lead-time.js';
export * from './checks/reimbursable-cap.js';
export * from './checks/reimbursement.js';
export * from './checks/request-currency.js';
export * from './checks/required-proofs.js';
export * from './claims/claim.js';
export * from './claims/file-claim.js';
export * from './claims/resubmit-claim.js';
export * from './claims/review-claim.js';
export {
  MdfAudienceSchema,
  MdfEffectSchema,
  MdfEventSchema,
  type MdfAudience,
  type MdfEffect,
  type MdfEvent,
} from './effects.js';
export * from './funds/accrue-funds.js';
export * from './funds/allocate-budget.js';
export * from './funds/allocation-ids.js';
export * from './funds/allocation.js';
export * from './funds/budget.js';
export * from './funds/create-budget.js';
export * from './funds/expire-accruals.js';
export * from './funds/plan-allocation.js';
export * from './funds/spendable.js';
export * from './ledger/account.js';
export * from './ledger/balances.js';
export {
  isBalancedPosting,
  MdfLedgerLineSchema,
  MdfPostingSchema,
  postingTotal,
  type MdfLedgerLine,
  type MdfPosting,
  type MdfPostingKind,
  type MdfPostingOf,
} from './ledger/posting.js';
export * from './ledger/reconcile.js';
export type { MdfDecided, MdfTransition } from './outcome.js';
export * from './payments/pay-claims.js';
export * from './payments/payment-batch.js';
export {
  findMdfActivity,
  findMdfFundType,
  mdfApprovalLevelFor,
  mdfCurrencies,
  reimbursementBasisPoints,
  rolesAllowedAt,
  type RankedApprovalLevel,
} from './policy/terms.js';
export * from './ports/mdf-store.js';
export * from './requests/approve-request.js';
export * from './requests/close-request.js';
export * from './requests/lapse-request.js';
export * from './requests/link-request.js';
export * from './requests/reject-request.js';
export * from './requests/release.js';
export * from './requests/request.js';
export * from './requests/submit-request.js';
export * from './requests/withdraw-request.js';
export * from './roi/ratio.js';
export * from './roi/roi.js';
export * from './use-cases/accrual-use-cases.js';
export * from './use-cases/budget-use-cases.js';
export * from './use-cases/claim-use-cases.js';
export { retryMdfOnStaleWrite, type MdfContext, type MdfOutcome } from './use-cases/context.js';
export * from './use-cases/payment-use-cases.js';
export * from './use-cases/request-use-cases.js';
export * from './use-cases/roi-use-cases.js';
