import { schemaIssues, type Issue } from '@conduit/core';
import type { FastifySchemaCompiler } from 'fastify';
import type * as z from 'zod';

/** A request whose body, query or path parameters do not match the route's zod schema. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'The request is not valid.');
  }
}

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'The body',
  querystring: 'The query',
  params: 'The path',
  headers: 'The headers',
};

/**
 * Validates each part of a request with its zod schema and reports every problem the way the core does:
 * a path, a stable code and a sentence naming the field. Query and path problems are prefixed with
 * `query` and `params` so they are not mistaken for body fields.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const part = httpPart ?? 'body';
    const prefix = part === 'body' ? [] : [part === 'querystring' ? 'query' : part];
    const issues = schemaIssues(result.error.issues, PART_NAMES[part] ?? 'The request').map((issue) => ({
      ...issue,
      path: [...prefix, ...issue.path],
    }));
    return { error: new RequestValidationError(issues) };
  };
