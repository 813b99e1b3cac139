import { DecisionTraceSchema, IssueSchema } from '@conduit/core';
import * as z from 'zod';

/** The body of every refusal (see `errorBody`), as the OpenAPI document describes it. */
export const ErrorBodySchema = z
  .strictObject({
    error: z.string().describe('The code of the first issue'),
    message: z.string().describe('The message of the first issue'),
    issues: z.array(IssueSchema),
    traces: z.array(DecisionTraceSchema).optional(),
  })
  .describe('A refusal: every issue, each with its path, code and message, and the traces of the decisions made');

const REFUSALS = {
  400: 'A malformed request (each issue names the field), or a mutation without an Idempotency-Key',
  404: 'Nothing has the id the path names',
  409: 'A write based on a stale read (`stale_write`), or the same Idempotency-Key still being handled',
  422: 'A well-formed request the rules refuse, or an Idempotency-Key reused for another request',
} as const;

/** The refusals a route may answer with, by status, for its `response` schema. */
export function refusals<S extends keyof typeof REFUSALS>(...statuses: S[]): Record<S, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema.describe(REFUSALS[status])])) as Record<
    S,
    typeof ErrorBodySchema
  >;
}

/** A list page: the items and the cursor of the next page (`null` on the last one). */
export function pageOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.strictObject({
    [key]: z.array(item),
    next: z.string().nullable().describe('The `after` of the next page; null on the last page'),
  } as { [P in K]: z.ZodArray<T> } & { next: z.ZodNullable<z.ZodString> });
}

/** `next` of a page: the last item's id when the page is full, else `null`. */
export function nextAfter<T>(items: readonly T[], limit: number, idOf: (item: T) => string): string | null {
  return items.length === limit ? idOf(items[items.length - 1]!) : null;
}
