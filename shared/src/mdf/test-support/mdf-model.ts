import { addDays } from '../../time/calendar-date.js';

/*
 * The model of the MDF engine the model-based test runs against the real use cases: what each operation
 * should do to the money, worked out from the rules of the issue, independently of the engine's code.
 * One currency (USD, cents); approvers always hold the top role (who may approve is unit-tested).
 */

export const RATE_BASIS_POINTS: Readonly<Record<string, number>> = {
  event: 5000,
  webinar: 7500,
  'digital-campaign': 5000,
  'content-syndication': 5000,
  'print-advertising': 2500,
  training: 10000,
};

/** The allocations the test uses: two from a manual budget (strategic initiatives), one co-op. */
export const TARGETS = [
  { allocationId: 'mdf-budget-1:p-1', partnerId: 'p-1', eligible: ['event', 'training', 'digital-campaign'] },
  { allocationId: 'mdf-budget-1:p-2', partnerId: 'p-2', eligible: ['event', 'training', 'digital-campaign'] },
  {
    allocationId: 'co-op:p-1',
    partnerId: 'p-1',
    eligible: ['event', 'webinar', 'digital-campaign', 'print-advertising'],
  },
] as const;

export const LEAD_TIME_DAYS = 21;
export const CLAIM_DEADLINE_DAYS = 60;
export const ACCRUAL_RATE_BASIS_POINTS = 200; // p-1 is gold: 2 %
export const ACCRUAL_DAYS = 365;

export interface ModelAllocation {
  kind: 'budgeted' | 'accrual';
  /** What was allocated or accrued to it, less what expired: the money it may ever commit. */
  funds: number;
  available: number;
  committed: number;
  claimed: number;
  paid: number;
  expired: number;
  accrued: number;
  lots: { expiresOn: string; amount: number }[];
}

export interface ModelRequest {
  id: string;
  allocationId: string;
  status: 'submitted' | 'approved' | 'lapsed' | 'closed';
  rate: number;
  requested: number;
  commitment: number;
  approvedClaims: number;
  pendingClaims: number;
  startDate: string;
  claimDeadline: string;
}

export interface ModelClaim {
  id: string;
  requestId: string;
  allocationId: string;
  amount: number;
  status: 'submitted' | 'approved' | 'paid';
}

export interface Model {
  today: string;
  budget: { funded: number; unallocated: number };
  allocations: Record<string, ModelAllocation>;
  requests: ModelRequest[];
  claims: ModelClaim[];
}

export function share(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints) / 10_000);
}

/** Co-op money past its expiry still in available: lots due by today, less money in use and already expired. */
export function overdue(allocation: ModelAllocation, today: string): number {
  if (allocation.kind === 'budgeted') return 0;
  const due = allocation.lots.filter((lot) => lot.expiresOn <= today).reduce((sum, lot) => sum + lot.amount, 0);
  const unused = due - allocation.committed - allocation.claimed - allocation.paid - allocation.expired;
  return Math.max(0, Math.min(unused, allocation.available));
}

export function spendable(allocation: ModelAllocation, today: string): number {
  return allocation.available - overdue(allocation, today);
}

/** Releases what a request committed and its approved claims did not use; co-op money past expiry expires. */
export function release(model: Model, request: ModelRequest): number {
  const allocation = model.allocations[request.allocationId]!;
  const remainder = request.commitment - request.approvedClaims;
  allocation.committed -= remainder;
  allocation.available += remainder;
  const expiring = Math.min(remainder, overdue(allocation, model.today));
  allocation.available -= expiring;
  allocation.expired += expiring;
  allocation.funds -= expiring;
  return remainder;
}

/** What an operation is expected to do: succeed, writing these records, or fail with these issue codes. */
export type Prediction =
  { ok: true; writes: string[]; apply: (model: Model, createdId?: string) => void } | { ok: false; codes: string[] };

export type ManagerOp =
  | { kind: 'approve'; request: number; quarters: number }
  | { kind: 'approveClaim'; claim: number }
  | { kind: 'close'; request: number }
  | { kind: 'lapse'; request: number };

export type Op =
  | ManagerOp
  | { kind: 'allocate'; target: 0 | 1; amount: number }
  | { kind: 'accrue'; amount: number; daysAgo: number }
  | { kind: 'submit'; target: 0 | 1 | 2; activity: string; requested: number; leadDays: number; short: boolean }
  | { kind: 'fileClaim'; request: number; quarters: number }
  | { kind: 'pay'; claims: number[] }
  | { kind: 'expire' }
  | { kind: 'advance'; days: number }
  | { kind: 'concurrent'; a: ManagerOp; b: ManagerOp };

export function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

function refuse(...codes: (string | false)[]): Prediction {
  return { ok: false, codes: codes.filter((code): code is string => code !== false) };
}

/** The prediction of one operation on a model (never changes the model itself; `apply` does). */
export function predict(op: Exclude<Op, { kind: 'concurrent' }>, model: Model): Prediction {
  switch (op.kind) {
    case 'allocate': {
      const { allocationId } = TARGETS[op.target];
      if (op.amount > model.budget.unallocated) return refuse('insufficient_budget');
      return {
        ok: true,
        writes: ['budget:mdf-budget-1', `allocation:${allocationId}`],
        apply: (m) => {
          m.budget.unallocated -= op.amount;
          const allocation = (m.allocations[allocationId] ??= emptyAllocation('budgeted'));
          allocation.available += op.amount;
          allocation.funds += op.amount;
        },
      };
    }
    case 'accrue': {
      const closedOn = addDays(model.today, -op.daysAgo);
      const expiresOn = addDays(closedOn, ACCRUAL_DAYS);
      const earned = expiresOn <= model.today ? 0 : share(op.amount, ACCRUAL_RATE_BASIS_POINTS);
      return {
        ok: true,
        writes: earned > 0 ? ['allocation:co-op:p-1'] : [],
        apply: (m) => {
          if (earned === 0) return;
          const allocation = (m.allocations['co-op:p-1'] ??= emptyAllocation('accrual'));
          allocation.available += earned;
          allocation.accrued -= earned;
          allocation.funds += earned;
          allocation.lots.push({ expiresOn, amount: earned });
        },
      };
    }
    case 'submit': {
      const target = TARGETS[op.target];
      const allocation = model.allocations[target.allocationId];
      if (!allocation) return refuse('not_found');
      const rate = RATE_BASIS_POINTS[op.activity]!;
      const mdfShare = share(op.requested, rate);
      const contribution = op.requested - mdfShare - (op.short ? 1 : 0);
      const codes = [
        !(target.eligible as readonly string[]).includes(op.activity) && 'activity_not_eligible',
        op.leadDays < LEAD_TIME_DAYS && 'lead_time_too_short',
        contribution < op.requested - mdfShare && 'partner_contribution_too_small',
        mdfShare > spendable(allocation, model.today) && 'insufficient_funds',
      ];
      if (codes.some(Boolean)) return refuse(...codes);
      const startDate = addDays(model.today, op.leadDays);
      return {
        ok: true,
        writes: [],
        apply: (m, id) => {
          m.requests.push({
            id: id!,
            allocationId: target.allocationId,
            status: 'submitted',
            rate,
            requested: op.requested,
            commitment: 0,
            approvedClaims: 0,
            pendingClaims: 0,
            startDate,
            claimDeadline: addDays(addDays(startDate, 2), CLAIM_DEADLINE_DAYS),
          });
        },
      };
    }
    case 'approve': {
      const request = pick(model.requests, op.request)!;
      if (request.status !== 'submitted') return refuse('invalid_status');
      const amount =
        op.quarters >= 4 ? request.requested : Math.max(1, Math.floor((request.requested * op.quarters) / 4));
      const commitment = share(amount, request.rate);
      if (commitment === 0) return refuse('amount_too_small');
      if (commitment > spendable(model.allocations[request.allocationId]!, model.today))
        return refuse('insufficient_funds');
      return {
        ok: true,
        writes: [`request:${request.id}`, `allocation:${request.allocationId}`],
        apply: (m) => {
          const found = m.requests.find((candidate) => candidate.id === request.id)!;
          const allocation = m.allocations[request.allocationId]!;
          allocation.available -= commitment;
          allocation.committed += commitment;
          Object.assign(found, { status: 'approved', commitment });
        },
      };
    }
    case 'fileClaim': {
      const request = pick(model.requests, op.request)!;
      if (request.status !== 'approved') return refuse('invalid_status');
      const room = request.commitment - request.approvedClaims - request.pendingClaims;
      const amount = op.quarters >= 5 ? room + 1 : Math.max(1, Math.floor((room * op.quarters) / 4));
      const codes = [
        model.today > request.claimDeadline && 'claim_deadline_passed',
        amount > room && 'claim_exceeds_reimbursable',
      ];
      if (codes.some(Boolean)) return refuse(...codes);
      return {
        ok: true,
        writes: [`request:${request.id}`],
        apply: (m, id) => {
          m.requests.find((candidate) => candidate.id === request.id)!.pendingClaims += amount;
          m.claims.push({
            id: id!,
            requestId: request.id,
            allocationId: request.allocationId,
            amount,
            status: 'submitted',
          });
        },
      };
    }
    case 'approveClaim': {
      const claim = pick(model.claims, op.claim)!;
      const requestStatus = model.requests.find((candidate) => candidate.id === claim.requestId)!.status;
      if (claim.status !== 'submitted' || requestStatus !== 'approved') {
        return refuse(
          claim.status !== 'submitted' && 'invalid_status',
          requestStatus !== 'approved' && 'invalid_status',
        );
      }
      return {
        ok: true,
        writes: [`claim:${claim.id}`, `request:${claim.requestId}`, `allocation:${claim.allocationId}`],
        apply: (m) => {
          const found = m.claims.find((candidate) => candidate.id === claim.id)!;
          const request = m.requests.find((candidate) => candidate.id === claim.requestId)!;
          const allocation = m.allocations[claim.allocationId]!;
          found.status = 'approved';
          request.pendingClaims -= claim.amount;
          request.approvedClaims += claim.amount;
          allocation.committed -= claim.amount;
          allocation.claimed += claim.amount;
          if (request.approvedClaims === request.commitment && request.pendingClaims === 0) {
            release(m, request);
            request.status = 'closed';
          }
        },
      };
    }
    case 'pay': {
      const chosen = [...new Set(op.claims.map((index) => pick(model.claims, index)!))];
      if (chosen.length === 0) return refuse('nothing_to_pay');
      const unpaid = chosen.filter((claim) => claim.status !== 'approved');
      if (unpaid.length > 0) return refuse(...unpaid.map(() => 'invalid_status'));
      return {
        ok: true,
        writes: chosen.flatMap((claim) => [`claim:${claim.id}`, `allocation:${claim.allocationId}`]),
        apply: (m) => {
          for (const claim of chosen) {
            m.claims.find((candidate) => candidate.id === claim.id)!.status = 'paid';
            const allocation = m.allocations[claim.allocationId]!;
            allocation.claimed -= claim.amount;
            allocation.paid += claim.amount;
          }
        },
      };
    }
    case 'lapse':
    case 'close': {
      const request = pick(model.requests, op.request)!;
      const allowed = op.kind === 'lapse' ? ['submitted', 'approved'] : ['approved'];
      if (!allowed.includes(request.status)) return refuse('invalid_status');
      if (request.status === 'submitted') {
        if (model.today < request.startDate) return refuse('not_due');
        return {
          ok: true,
          writes: [`request:${request.id}`],
          apply: (m) => void (m.requests.find((r) => r.id === request.id)!.status = 'lapsed'),
        };
      }
      const codes = [
        op.kind === 'lapse' && model.today <= request.claimDeadline && 'not_due',
        request.pendingClaims > 0 && 'claims_pending',
      ];
      if (codes.some(Boolean)) return refuse(...codes);
      const remainder = request.commitment - request.approvedClaims;
      return {
        ok: true,
        writes: [`request:${request.id}`, ...(remainder > 0 ? [`allocation:${request.allocationId}`] : [])],
        apply: (m) => {
          const found = m.requests.find((candidate) => candidate.id === request.id)!;
          release(m, found);
          found.status = op.kind === 'lapse' && found.approvedClaims === 0 ? 'lapsed' : 'closed';
        },
      };
    }
    case 'expire': {
      const allocation = model.allocations['co-op:p-1'];
      if (!allocation) return refuse('not_found');
      const amount = overdue(allocation, model.today);
      return {
        ok: true,
        writes: amount > 0 ? ['allocation:co-op:p-1'] : [],
        apply: (m) => {
          const found = m.allocations['co-op:p-1']!;
          found.available -= amount;
          found.expired += amount;
          found.funds -= amount;
        },
      };
    }
    case 'advance':
      return { ok: true, writes: [], apply: (m) => void (m.today = addDays(m.today, op.days)) };
  }
}

function emptyAllocation(kind: ModelAllocation['kind']): ModelAllocation {
  return { kind, funds: 0, available: 0, committed: 0, claimed: 0, paid: 0, expired: 0, accrued: 0, lots: [] };
}
