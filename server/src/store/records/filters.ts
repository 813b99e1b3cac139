import { sql } from 'kysely';
import type { RecordQuery } from './record-table.js';

/** A lifted column of the records table that queries filter on. */
export type FilterColumn = 'status' | 'partner_id' | 'account_id' | 'id';

/**
 * Narrows to rows whose column is one of `values`, when values are given; an empty list matches no row
 * (the port's meaning of "among none").
 */
export function among(query: RecordQuery, column: FilterColumn, values: readonly string[] | undefined): RecordQuery {
  if (values === undefined) return query;
  return values.length > 0 ? query.where(column, 'in', [...values]) : query.where(sql<boolean>`false`);
}

/** Narrows to rows whose document field is one of `values`, when values are given (an empty list: no row). */
export function amongField(query: RecordQuery, field: string, values: readonly string[] | undefined): RecordQuery {
  if (values === undefined) return query;
  return values.length > 0
    ? query.where(sql<string>`data->>${field}`, 'in', [...values])
    : query.where(sql<boolean>`false`);
}
