/**
 * Malformed requests to every operation of the API, generated with fast-check from the OpenAPI document the
 * server publishes: for each operation that takes a body, bodies with one fault each (a value of the wrong
 * type, the root included; a required field missing; an unknown field where the schema allows none; a value
 * outside an enum, a range or a pattern; a string too short or far too long; too few or too many items;
 * garbage nested hundreds of levels deep; no branch of a union), texts that are not JSON, empty and absent
 * bodies, prototype poisoning, another media type and a body over the limit; for every operation, malformed
 * path parameters and queries. Each must be answered 4xx with a message (a 400 with an issue naming the
 * fault), never 5xx, and leave every table of the database as it was. The seeds are fixed: a failure comes
 * back on the next run.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { BACKENDS } from '../test-support/databases.js';
import { databaseFingerprint } from '../test-support/fingerprint.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { seedAlpha, type AlphaData } from '../test-support/two-tenants.js';

jest.setTimeout(600_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The seed of every generator: a failure is reproduced by running the test again. */
const SEED = 20_261_124;
/** Malformed bodies generated from each operation's body schema. */
const BODIES_PER_OPERATION = 14;
/** Requests with a malformed path parameter, and with a malformed query, per operation that has them. */
const PARAMS_PER_OPERATION = 3;
const QUERIES_PER_OPERATION = 6;
/** The server's body limit (`buildApp`): a bigger body is refused before it is read. */
const BODY_LIMIT = 1024 * 1024;

/** The part of JSON Schema (as the OpenAPI document has it, with OpenAPI's `nullable`) the routes use. */
interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  default?: unknown;
  description?: string;
}

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json'?: { schema: JsonSchema } } };
}

/** One operation of the API, from the OpenAPI document. */
interface Operation {
  method: 'GET' | 'POST' | 'PUT';
  /** The OpenAPI path, with `{param}`. */
  path: string;
  params: Parameter[];
  query: Parameter[];
  /** The body's schema; undefined when the operation takes no body. */
  body: JsonSchema | undefined;
}

type Path = (string | number)[];

/** A value a schema refuses, and where in it the fault is. */
interface Broken {
  value: unknown;
  path: Path;
  how: string;
}

/** A request to send and what must come back. */
interface Malformed {
  label: string;
  method: Operation['method'];
  url: string;
  headers?: Record<string, string>;
  payload?: string;
  /** The status that must come back. */
  status: number;
  /** Where the fault is, for a 400 whose issues must name it (a path under `params`, `query` or the body). */
  fault?: Path;
  /** Whether the request carries a body (counted toward the malformed bodies). */
  body: boolean;
}

const KEYWORDS = new Set([
  'type',
  'nullable',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'format',
  'oneOf',
  'anyOf',
  'default',
  'description',
]);

/** Every keyword of a schema must be one the generators understand, or they would make wrong values. */
function unknownKeywords(schema: JsonSchema, path = '#'): string[] {
  const own = Object.keys(schema)
    .filter((key) => !KEYWORDS.has(key))
    .map((key) => `${path}/${key}`);
  const nested = [
    ...Object.entries(schema.properties ?? {}).map(([key, child]) => unknownKeywords(child, `${path}/${key}`)),
    ...(schema.items ? [unknownKeywords(schema.items, `${path}/items`)] : []),
    ...(typeof schema.additionalProperties === 'object' ? [unknownKeywords(schema.additionalProperties, path)] : []),
    ...(schema.oneOf ?? schema.anyOf ?? []).map((branch, index) => unknownKeywords(branch, `${path}/${index}`)),
  ];
  return [...own, ...nested.flat()];
}

const regexOf = (pattern: string) => new RegExp(pattern);
const branchesOf = (schema: JsonSchema) => schema.oneOf ?? schema.anyOf;
const isUnconstrained = (schema: JsonSchema) =>
  schema.type === undefined && schema.enum === undefined && branchesOf(schema) === undefined;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a schema accepts a (JSON) value: the oracle that keeps the generators honest. */
function accepts(schema: JsonSchema, value: unknown): boolean {
  if (isUnconstrained(schema)) return true;
  if (value === null && schema.nullable) return true;
  const branches = branchesOf(schema);
  if (branches) {
    const matching = branches.filter((branch) => accepts(branch, value)).length;
    return schema.oneOf ? matching === 1 : matching > 0;
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) return false;
  switch (schema.type) {
    case undefined:
      return true;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return (
        typeof value === 'string' &&
        value.length >= (schema.minLength ?? 0) &&
        value.length <= (schema.maxLength ?? Infinity) &&
        (schema.pattern === undefined || regexOf(schema.pattern).test(value))
      );
    case 'integer':
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.type === 'number' || Number.isSafeInteger(value)) &&
        value >= (schema.minimum ?? -Infinity) &&
        value <= (schema.maximum ?? Infinity)
      );
    case 'array':
      return (
        Array.isArray(value) &&
        value.length >= (schema.minItems ?? 0) &&
        value.length <= (schema.maxItems ?? Infinity) &&
        value.every((item) => schema.items === undefined || accepts(schema.items, item))
      );
    case 'object': {
      if (!isPlainObject(value)) return false;
      const properties = schema.properties ?? {};
      if ((schema.required ?? []).some((key) => !(key in value))) return false;
      return Object.entries(value).every(([key, item]) => {
        const property = properties[key];
        if (property) return accepts(property, item);
        const extra = schema.additionalProperties;
        return extra === undefined || extra === true || (extra !== false && accepts(extra, item));
      });
    }
  }
}

// Generators of valid values, to surround the one fault of a malformed body.

/** A pattern without its leading lookahead (which fast-check cannot generate from): the result is filtered by the whole pattern. */
const withoutLookahead = (pattern: string) => pattern.replace(/^\^\(\?=[^)]*\)/, '^');

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Infinity;
  if (schema.pattern !== undefined) {
    const whole = regexOf(schema.pattern);
    return fc
      .stringMatching(regexOf(withoutLookahead(schema.pattern)))
      .filter((text) => whole.test(text) && text.length >= minLength && text.length <= maxLength);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 16) });
}

function validNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? min + 2_000_000, Number.MAX_SAFE_INTEGER);
  return schema.type === 'integer'
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
}

/** A value the schema accepts (as far as the document tells: the server may refuse more). */
function validOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const branches = branchesOf(schema);
  let valid: fc.Arbitrary<unknown>;
  if (branches) valid = fc.oneof(...branches.map(validOf));
  else if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else {
    switch (schema.type) {
      case undefined:
        valid = fc.constant({});
        break;
      case 'boolean':
        valid = fc.boolean();
        break;
      case 'string':
        valid = validString(schema);
        break;
      case 'integer':
      case 'number':
        valid = validNumber(schema);
        break;
      case 'array': {
        const minLength = schema.minItems ?? 0;
        valid = fc.array(schema.items ? validOf(schema.items) : fc.constant(null), {
          minLength,
          maxLength: Math.min(schema.maxItems ?? Infinity, minLength + 2),
        });
        break;
      }
      case 'object': {
        const model = Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validOf(property)]),
        );
        valid = fc.record(model, { requiredKeys: schema.required ?? [] });
        break;
      }
    }
  }
  return schema.nullable ? fc.option(valid, { nil: null, freq: 5 }) : valid;
}

// Generators of faults.

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** The JSON types a schema accepts some value of (all of them when it is unconstrained). */
function typesOf(schema: JsonSchema): Set<JsonType> {
  const all: JsonType[] = ['string', 'integer', 'number', 'boolean', 'null', 'array', 'object'];
  if (isUnconstrained(schema)) return new Set(all);
  const types = new Set<JsonType>(schema.nullable ? ['null'] : []);
  const branches = branchesOf(schema);
  if (branches) for (const branch of branches) for (const type of typesOf(branch)) types.add(type);
  else if (schema.enum)
    for (const value of schema.enum)
      types.add(
        value === null
          ? 'null'
          : Array.isArray(value)
            ? 'array'
            : Number.isInteger(value)
              ? 'integer'
              : (typeof value as JsonType),
      );
  else if (schema.type) {
    types.add(schema.type);
    if (schema.type === 'number') types.add('integer');
  }
  return types;
}

/** A key no schema has, that JSON parsers take as an ordinary key. */
const strangeKey = fc
  .oneof(
    fc.constantFrom('tenantId', 'tenant_id', 'extra', 'ID', 'version ', 'expected_version', '$where', ''),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  .filter((key) => key !== '__proto__');
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
/** Garbage nested hundreds of levels deep, in arrays and objects by turns. */
const deepGarbage = fc
  .tuple(fc.integer({ min: 16, max: 400 }), scalar, fc.boolean())
  .map(([depth, leaf, arrayFirst]) => {
    let value: unknown = leaf;
    for (let level = 0; level < depth; level += 1)
      value = (level % 2 === 0) === arrayFirst ? [value] : { deeper: value };
    return value;
  });
/** A string far longer than any field takes, but within the body limit. */
const hugeString = fc.integer({ min: 5_000, max: 300_000 }).map((length) => 'x'.repeat(length));

const GARBAGE: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 12 }), hugeString),
  integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER)),
  number: fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.oneof(
    fc.array(scalar, { maxLength: 4 }),
    deepGarbage.map((value) => [value]),
  ),
  object: fc.oneof(
    fc.dictionary(strangeKey, scalar, { maxKeys: 4 }),
    deepGarbage.map((value) => ({ value })),
  ),
};

/** Values of a JSON type the schema accepts none of. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const accepted = typesOf(schema);
  const wrong = (Object.keys(GARBAGE) as JsonType[]).filter((type) => !accepted.has(type));
  return wrong.length === 0 ? null : fc.oneof(...wrong.map((type) => GARBAGE[type]));
}

/** A value among none of `values`: a near miss of one of them, or anything. */
function notAmong(values: unknown[]): fc.Arbitrary<unknown> {
  const texts = values.filter((value): value is string => typeof value === 'string');
  const nearMisses = texts.flatMap((text) => [text.toUpperCase(), ` ${text}`, `${text}_`, text.slice(1)]);
  return fc
    .oneof(fc.string({ maxLength: 12 }), ...(nearMisses.length > 0 ? [fc.constantFrom(...nearMisses)] : []))
    .filter((candidate) => !values.includes(candidate));
}

/** The property every branch of a union fixes to its own value (a discriminated union), if there is one. */
function discriminatorOf(branches: JsonSchema[]): string | undefined {
  const [first] = branches;
  return Object.keys(first?.properties ?? {}).find((key) => {
    const values = branches.map((branch) => branch.properties?.[key]?.enum);
    return (
      values.every((found) => found?.length === 1 && branches.every((branch) => branch.required?.includes(key))) &&
      new Set(values.map((found) => found![0])).size === branches.length
    );
  });
}

const at = (key: string | number, broken: Broken): Broken => ({ ...broken, path: [key, ...broken.path] });
const here =
  (how: string) =>
  (value: unknown): Broken => ({ value, path: [], how });

/** Values the schema refuses, each with the path of its fault; null when the schema refuses nothing. */
function brokenOf(schema: JsonSchema): fc.Arbitrary<Broken> | null {
  const options: fc.Arbitrary<Broken>[] = [];
  const wrong = wrongType(schema);
  if (wrong) options.push(wrong.map(here('a value of the wrong type')));
  const branches = branchesOf(schema);
  if (branches) {
    // A fault in one branch of a discriminated union refuses the union; otherwise only a wrong type is sure to.
    const key = discriminatorOf(branches);
    if (key !== undefined) {
      for (const branch of branches) {
        const broken = brokenOf(branch);
        if (broken) options.push(broken);
      }
      const values = branches.map((branch) => branch.properties![key]!.enum![0]);
      options.push(
        fc
          .tuple(fc.oneof(...branches.map(validOf)), notAmong(values))
          .map(([valid, value]) => ({ value: { ...(valid as object), [key]: value }, path: [key], how: 'no branch' })),
      );
    }
  } else if (schema.enum) {
    options.push(notAmong(schema.enum).map(here('a value outside the enum')));
  } else {
    switch (schema.type) {
      case undefined:
      case 'boolean':
        break;
      case 'string': {
        const { minLength = 0, maxLength, pattern } = schema;
        if (minLength > 0) options.push(fc.string({ maxLength: minLength - 1 }).map(here('too short')));
        if (maxLength !== undefined)
          options.push(
            fc
              .oneof(fc.constant(maxLength + 1), fc.integer({ min: maxLength + 2, max: maxLength + 200_000 }))
              .map((length) => 'y'.repeat(length))
              .map(here('too long')),
          );
        if (pattern !== undefined)
          options.push(
            fc
              .string({ minLength: 1, maxLength: 40 })
              .filter((text) => !regexOf(pattern).test(text))
              .map(here('not matching the pattern')),
          );
        break;
      }
      case 'integer':
      case 'number': {
        const { minimum, maximum } = schema;
        if (schema.type === 'integer')
          options.push(
            fc
              .double({ noInteger: true, noNaN: true, noDefaultInfinity: true })
              .filter((value) => value >= (minimum ?? -Infinity) && value <= (maximum ?? Infinity))
              .map(here('not an integer')),
          );
        if (minimum !== undefined)
          options.push(fc.constantFrom(minimum - 1, minimum - 1_000_000, -1e300).map(here('below the minimum')));
        if (maximum !== undefined)
          options.push(fc.constantFrom(maximum + 1, maximum * 2 + 2, 1e300).map(here('above the maximum')));
        break;
      }
      case 'array': {
        const items = schema.items ?? {};
        const { minItems = 0, maxItems } = schema;
        if (minItems > 0)
          options.push(
            fc.array(validOf(items), { minLength: minItems - 1, maxLength: minItems - 1 }).map(here('too few items')),
          );
        if (maxItems !== undefined)
          options.push(validOf(items).map((item) => here('too many items')(Array(maxItems + 1).fill(item))));
        const broken = brokenOf(items);
        if (broken)
          options.push(
            fc
              .tuple(
                fc.array(validOf(items), {
                  minLength: Math.max(minItems - 1, 0),
                  maxLength: Math.min(Math.max(minItems - 1, 0) + 2, (maxItems ?? Infinity) - 1),
                }),
                broken,
                fc.nat(),
              )
              .map(([valid, fault, position]) => {
                const index = position % (valid.length + 1);
                return at(index, { ...fault, value: [...valid.slice(0, index), fault.value, ...valid.slice(index)] });
              }),
          );
        break;
      }
      case 'object': {
        const properties = schema.properties ?? {};
        const valid = validOf({ ...schema, nullable: false }) as fc.Arbitrary<Record<string, unknown>>;
        for (const key of schema.required ?? [])
          options.push(
            valid.map((value) => {
              const { [key]: _missing, ...rest } = value;
              return { value: rest, path: [key], how: 'a required field missing' };
            }),
          );
        if (schema.additionalProperties === false)
          options.push(
            fc
              .tuple(
                valid,
                strangeKey.filter((key) => !(key in properties)),
                fc.oneof(scalar, deepGarbage, hugeString),
              )
              .map(([value, key, extra]) => ({
                value: { ...value, [key]: extra },
                path: [key],
                how: 'an unknown field',
              })),
          );
        for (const [key, property] of Object.entries(properties)) {
          const broken = brokenOf(property);
          if (broken)
            options.push(
              fc
                .tuple(valid, broken)
                .map(([value, fault]) => at(key, { ...fault, value: { ...value, [key]: fault.value } })),
            );
        }
        break;
      }
    }
  }
  return options.length === 0 ? null : fc.oneof(...options);
}

// The operations and their requests.

/** The operations of the OpenAPI document. */
function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        params: parameters.filter((parameter) => parameter.in === 'path'),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        body: operation.requestBody?.content['application/json']?.schema,
      };
    }),
  );
}

/**
 * The path parameters of Alpha's records, by the OpenAPI path up to the parameter: a malformed request
 * names a real record, so that a request let through by mistake would act on something and be seen.
 */
function realParameters(a: AlphaData): Record<string, string> {
  return {
    '/api/v1/program/versions/{version}': '1',
    '/api/v1/registrations/{id}': a.registrationIds.submitted,
    '/api/v1/mdf/budgets/{id}': a.budgetId,
    '/api/v1/mdf/allocations/{id}': a.allocationId,
    '/api/v1/mdf/requests/{id}': a.requestIds.approved,
    '/api/v1/mdf/claims/{id}': a.claimIds.returned,
    '/api/v1/mdf/payment-batches/{id}': a.paymentBatchId,
    '/api/v1/tiers/partners/{partnerId}': a.silverPartnerId,
    '/api/v1/tiers/proposals/{id}': a.proposalId,
    '/api/v1/routing/leads/{leadId}': a.offeredLeadId,
    '/api/v1/routing/conflicts/{id}': a.conflictId,
    '/api/v1/jobs/{job}': 'registration-expiry',
    '/api/v1/jobs/{job}/runs/{id}': a.jobRunId,
    '/api/v1/analytics/deals/{dealId}': a.dealIds[0]!,
    '/api/v1/crm/partners/{id}': a.goldPartnerId,
    '/api/v1/crm/accounts/{id}': a.accountId,
    '/api/v1/crm/deals/{id}': a.dealIds[0]!,
    '/api/v1/crm/leads/{id}': a.leadIds[0]!,
    '/api/v1/partners/{id}': a.onboardingPartnerId,
    '/api/v1/audit/{subjectType}': 'partner',
    '/api/v1/audit/{subjectType}/{subjectId}': a.goldPartnerId,
  };
}

/** Valid values of the query parameters a report needs (the document cannot tell what a calendar day is). */
const GOOD_QUERY: Record<string, string> = { from: '2026-02-01', to: '2027-02-01', through: '2027-02-01' };

const json = (value: unknown) => JSON.stringify(value);
const roundTrip = (value: unknown): unknown => JSON.parse(json(value) ?? 'null');

/** Texts that are not JSON, sent as JSON. */
const NOT_JSON = [
  '{',
  '{"a": 1,}',
  "{'single': 'quotes'}",
  '[1, 2',
  '{"a": 1} trailing',
  'undefined',
  'NaN',
  '{"a": 01}',
  '{"a": "\u0001"}',
  '{"a" 1}',
  '\u0000',
  '{"a": Infinity}',
];

/** Every malformed request to send to an operation, generated from its schemas with seeds of its own. */
function malformedRequests(operation: Operation, a: AlphaData, seed: number, maxParamLength: number): Malformed[] {
  const real = realParameters(a);
  const valueOf = (name: string) => {
    const key = operation.path.slice(0, operation.path.indexOf(`{${name}}`) + name.length + 2);
    const value = real[key];
    if (value === undefined) throw new Error(`No real value for the parameter ${key}: add one to realParameters.`);
    return value;
  };
  const urlOf = (params: Record<string, string> = {}, query = '') =>
    operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(params[name] ?? valueOf(name))) +
    query;
  const requiredQuery = operation.query
    .filter((parameter) => parameter.required)
    .map(
      (parameter) =>
        [
          parameter.name,
          GOOD_QUERY[parameter.name] ?? fc.sample(validOf(parameter.schema), { seed, numRuns: 1 })[0],
        ] as const,
    );
  const queryOf = (entries: readonly (readonly [string, unknown])[]) =>
    entries.length === 0
      ? ''
      : `?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
  const baseQuery = queryOf(requiredQuery);
  const { method, body } = operation;
  const label = (how: string) => `${method} ${operation.path} [${how}]`;
  const validBody = body ? json(fc.sample(validOf(body), { seed, numRuns: 1 })[0]) : undefined;
  const requests: Malformed[] = [];
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number) =>
    fc.sample(arbitrary, { seed: seed * 7 + offset, numRuns });

  if (body) {
    const raw = (how: string, status: number, payload: string | undefined, contentType = 'application/json') =>
      requests.push({
        label: label(how),
        method,
        url: urlOf({}, baseQuery),
        ...(payload === undefined ? {} : { payload, headers: { 'content-type': contentType } }),
        status,
        body: true,
      });
    for (const text of sample(fc.constantFrom(...NOT_JSON), 4, 1)) raw(`not JSON: ${text}`, 400, text);
    raw('an empty body', 400, '');
    raw('a prototype-poisoning key', 400, '{"__proto__": {"admin": true}}');
    raw('a constructor-poisoning key', 400, '{"constructor": {"prototype": {"admin": true}}}');
    raw('XML', 415, '<body/>', 'application/xml');
    raw('a body over the limit', 413, json('z'.repeat(BODY_LIMIT)));
    if (!body.nullable && !isUnconstrained(body))
      requests.push({ label: label('no body'), method, url: urlOf({}, baseQuery), status: 400, fault: [], body: true });

    const unknown = unknownKeywords(body);
    if (unknown.length > 0)
      throw new Error(`${label('schema')}: keywords the generators do not know: ${unknown.join(', ')}`);
    const broken = brokenOf(body);
    if (broken) {
      const refused = broken.filter((found) => !accepts(body, roundTrip(found.value)));
      for (const found of sample(refused, BODIES_PER_OPERATION, 2)) {
        const payload = json(found.value) ?? 'null';
        requests.push({
          label: label(`${found.how} at ${json(found.path)}`),
          method,
          url: urlOf({}, baseQuery),
          headers: { 'content-type': 'application/json' },
          payload,
          ...(Buffer.byteLength(payload) > BODY_LIMIT ? { status: 413 } : { status: 400, fault: found.path }),
          body: true,
        });
      }
    }
  } else if (method !== 'GET') {
    // A mutation that takes no body must still refuse one rather than ignore what it says.
    requests.push({
      label: label('a body where none is taken'),
      method,
      url: urlOf({}, baseQuery),
      headers: { 'content-type': 'application/json' },
      payload: '{"dryRun": true}',
      status: 400,
      fault: ['dryRun'],
      body: true,
    });
  }

  const withBody =
    validBody === undefined ? {} : { headers: { 'content-type': 'application/json' }, payload: validBody };
  if (operation.params.length > 0) {
    const badParameter = fc.oneof(
      ...operation.params.map((parameter) => {
        const { schema } = parameter;
        const bad: fc.Arbitrary<string> = schema.enum
          ? notAmong(schema.enum).map(String)
          : schema.type === 'integer'
            ? fc.constantFrom('abc', '0', '-1', '1.5', 'NaN', '9007199254740993')
            : fc
                .integer({ min: (schema.maxLength ?? 255) + 1, max: (schema.maxLength ?? 255) + 400 })
                .map((length) => 'i'.repeat(length));
        return bad.filter((value) => value !== '').map((value) => [parameter.name, value] as const);
      }),
    );
    for (const [name, value] of sample(badParameter, PARAMS_PER_OPERATION, 3)) {
      // Fastify refuses a parameter longer than its `maxParamLength` (414) before any hook or handler runs.
      const routed = value.length <= maxParamLength;
      requests.push({
        label: label(`path parameter ${name}: ${value.slice(0, 20)}${value.length > 20 ? `… (${value.length})` : ''}`),
        method,
        url: urlOf({ [name]: value }, baseQuery),
        ...withBody,
        ...(routed ? { status: 400, fault: ['params', name] } : { status: 414 }),
        body: false,
      });
    }
  }

  if (operation.query.length > 0) {
    const others = (name: string) => requiredQuery.filter(([key]) => key !== name);
    const breakable = operation.query.flatMap((parameter) => {
      const { schema, name } = parameter;
      const values: fc.Arbitrary<string>[] = [];
      if (schema.enum) values.push(notAmong(schema.enum).map(String));
      if (schema.type === 'integer') {
        const { minimum = -Infinity, maximum = Infinity } = schema;
        values.push(
          fc.constantFrom(
            'abc',
            '1.5',
            'NaN',
            'Infinity',
            ...[minimum - 1, maximum + 1].filter(Number.isFinite).map(String),
          ),
        );
      }
      if (schema.type === 'string' && !schema.enum) {
        if (schema.maxLength !== undefined)
          values.push(
            fc
              .integer({ min: schema.maxLength + 1, max: schema.maxLength + 2_000 })
              .map((length) => 'q'.repeat(length)),
          );
        if ((schema.minLength ?? 0) > 0) values.push(fc.constant(''));
        if (schema.pattern !== undefined) {
          const pattern = regexOf(schema.pattern);
          values.push(fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !pattern.test(text)));
        }
      }
      const cases: fc.Arbitrary<{ query: string; fault: Path; how: string }>[] = values.map((value) =>
        value.map((text) => ({
          query: queryOf([...others(name), [name, text]]),
          fault: ['query', name],
          how: `query ${name}=${text.slice(0, 20)}`,
        })),
      );
      if (parameter.required)
        cases.push(fc.constant({ query: queryOf(others(name)), fault: ['query', name], how: `query ${name} missing` }));
      if (values.length > 0)
        cases.push(
          fc.tuple(values[0]!, values[0]!).map(([first, second]) => ({
            query: `${baseQuery}${baseQuery ? '&' : '?'}${name}=${encodeURIComponent(first)}&${name}=${encodeURIComponent(second)}`,
            fault: ['query', name],
            how: `query ${name} twice`,
          })),
        );
      return cases;
    });
    const unknownParameter = strangeKey
      .filter((key) => key !== '' && !operation.query.some((parameter) => parameter.name === key))
      .map((key) => ({
        query: `${baseQuery}${baseQuery ? '&' : '?'}${encodeURIComponent(key)}=1`,
        fault: ['query', key],
        how: `unknown query ${key}`,
      }));
    for (const found of sample(fc.oneof(unknownParameter, ...breakable), QUERIES_PER_OPERATION, 4))
      requests.push({
        label: label(found.how),
        method,
        url: urlOf({}, found.query),
        ...withBody,
        status: 400,
        fault: found.fault,
        body: false,
      });
  }
  return requests;
}

/** Whether one path lies on the other: an issue at a field, or at the object or union holding it. */
const related = (issuePath: unknown[], fault: Path) => {
  const [shorter, longer] = issuePath.length <= fault.length ? [issuePath, fault] : [fault, issuePath];
  return shorter.every((segment, index) => String(segment) === String(longer[index]));
};

/** What is wrong with the answer to a malformed request, if anything. */
function verdict(request: Malformed, status: number, text: string): string | null {
  if (status !== request.status) return `expected ${request.status}, got ${status} ${text.slice(0, 300)}`;
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    return `an answer that is not JSON: ${text.slice(0, 200)}`;
  }
  if (typeof body.message !== 'string' || body.message.trim() === '')
    return `an answer without a message: ${text.slice(0, 200)}`;
  if (request.fault) {
    const issues = body.issues as { path: unknown[]; message: unknown }[] | undefined;
    if (!Array.isArray(issues) || issues.length === 0) return `a 400 without issues: ${text.slice(0, 200)}`;
    if (issues.some((issue) => typeof issue.message !== 'string' || issue.message === ''))
      return `an issue without a message: ${text.slice(0, 200)}`;
    if (!issues.some((issue) => related(issue.path, request.fault!)))
      return `no issue about ${json(request.fault)}: ${json(issues.map((issue) => issue.path))}`;
  }
  return null;
}

describe.each(BACKENDS)('malformed requests on %s', (backend) => {
  let server: TestServer;
  let a: AlphaData;

  beforeAll(async () => {
    server = await startTestServer(backend);
    a = await seedAlpha(server);
  });
  afterAll(() => server?.dispose());

  it('answers every malformed request with a 4xx naming the fault, never a 5xx, and leaves the database as it was', async () => {
    const operations = operationsOf(server.app.swagger() as Parameters<typeof operationsOf>[0]);
    expect(operations.length).toBeGreaterThan(100);
    const maxParamLength = server.app.initialConfig.routerOptions?.maxParamLength;
    // Every table, none left out: a malformed request is refused before `idempotent` claims its key (and a 400
    // from a handler releases it), authentication only reads, and nothing else writes on a request.
    const initial = await databaseFingerprint(server.database.db);
    let last = initial;
    const failures: string[] = [];
    const sent = { total: 0, bodies: 0, operationsWithBodies: 0 };
    for (const [index, operation] of operations.entries()) {
      const requests = malformedRequests(operation, a, SEED + index, maxParamLength ?? 100);
      if (operation.body) sent.operationsWithBodies += 1;
      for (const request of requests) {
        const response = await server.app.inject({
          method: request.method,
          url: request.url,
          headers: {
            authorization: `Bearer ${a.tenant.token}`,
            ...(request.method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
            ...request.headers,
          },
          ...(request.payload === undefined ? {} : { payload: request.payload as InjectOptions['payload'] }),
        });
        sent.total += 1;
        if (request.body) sent.bodies += 1;
        const problem = verdict(request, response.statusCode, response.body);
        if (problem) failures.push(`${request.label.slice(0, 160)}: ${problem.slice(0, 400)}`);
      }
      const now = await databaseFingerprint(server.database.db);
      const changed = Object.keys(now).filter((table) => json(now[table]) !== json(last[table]));
      if (changed.length > 0) failures.push(`${operation.method} ${operation.path} changed ${changed.join(', ')}`);
      last = now;
    }
    expect({ failures: failures.length, first: failures.slice(0, 25) }).toEqual({ failures: 0, first: [] });
    expect(sent.operationsWithBodies).toBeGreaterThan(60);
    expect(sent.bodies).toBeGreaterThanOrEqual(1000);
    expect(await databaseFingerprint(server.database.db)).toEqual(initial);
  });
});
