import type { MdfAllocationQuery, MdfBudgetQuery, MdfClaimQuery, MdfRequestQuery } from '@conduit/core';
import { sql } from 'kysely';
import type { RecordQuery } from '../records/record-table.js';

/** Narrows to rows whose column is one of `values`, when values are given (an empty list matches nothing). */
function among(
  query: RecordQuery,
  column: 'status' | 'partner_id' | 'account_id',
  values: readonly string[] | undefined,
): RecordQuery {
  if (values === undefined) return query;
  return values.length > 0 ? query.where(column, 'in', [...values]) : query.where(sql<boolean>`false`);
}

/** Narrows to rows whose document field is one of `values`, when values are given. */
function amongField(query: RecordQuery, field: string, values: readonly string[] | undefined): RecordQuery {
  if (values === undefined) return query;
  return values.length > 0
    ? query.where(sql<string>`data->>${field}`, 'in', [...values])
    : query.where(sql<boolean>`false`);
}

/** Budgets by fund type (lifted into `status`). */
export function narrowBudgets(query: RecordQuery, filter: MdfBudgetQuery): RecordQuery {
  return among(query, 'status', filter.fundTypeIds);
}

/** Allocations by partner, budget (`account_id`), kind (`status`) and fund type (in the document). */
export function narrowAllocations(query: RecordQuery, filter: MdfAllocationQuery): RecordQuery {
  const narrowed = among(
    among(among(query, 'partner_id', filter.partnerIds), 'account_id', filter.budgetIds),
    'status',
    filter.kinds,
  );
  return amongField(narrowed, 'fundTypeId', filter.fundTypeIds);
}

/** Requests by partner, allocation (`account_id`) and status. */
export function narrowRequests(query: RecordQuery, filter: MdfRequestQuery): RecordQuery {
  return among(
    among(among(query, 'partner_id', filter.partnerIds), 'account_id', filter.allocationIds),
    'status',
    filter.statuses,
  );
}

/** Claims by request (`account_id`), partner and status. */
export function narrowClaims(query: RecordQuery, filter: MdfClaimQuery): RecordQuery {
  return among(
    among(among(query, 'account_id', filter.requestIds), 'partner_id', filter.partnerIds),
    'status',
    filter.statuses,
  );
}
