import type * as z from 'zod';
import { formatPath, issue, type Issue, type IssuePath } from '../../result/issue.js';

type RawIssue = z.core.$ZodIssue;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  null: 'null',
};

const SIZE_UNITS: Readonly<Record<string, [string, string]>> = {
  array: ['item', 'items'],
  set: ['item', 'items'],
  string: ['character', 'characters'],
};

/** A value as a message shows it: short, quoted when text. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  if (shown.length === 1) return shown[0]!;
  if (shown.length === 2) return `either ${shown[0]!} or ${shown[1]!}`;
  return `one of ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]!}`;
}

function isMissing(raw: RawIssue): boolean {
  return !('input' in raw) || raw.input === undefined;
}

function butItIs(raw: RawIssue): string {
  return isMissing(raw) ? '' : `, but it is ${describeValue(raw.input)}`;
}

function sizeBound(raw: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, word: 'least' | 'most'): string {
  const limit = Number(raw.code === 'too_small' ? raw.minimum : raw.maximum);
  const units = SIZE_UNITS[raw.origin];
  if (units) {
    const [one, many] = units;
    const actual = Array.isArray(raw.input) || typeof raw.input === 'string' ? raw.input.length : undefined;
    const found = actual === undefined ? '' : `, but it has ${actual}`;
    return `must have at ${word} ${limit} ${limit === 1 ? one : many}${found}`;
  }
  if (raw.inclusive === false) {
    return `must be ${word === 'least' ? 'more' : 'less'} than ${limit}${butItIs(raw)}`;
  }
  return `must be at ${word} ${limit}${butItIs(raw)}`;
}

/** The code and the predicate ("must be at most 100, but it is 120") of a schema issue. */
function describe(raw: RawIssue): { code: string; predicate: string } {
  switch (raw.code) {
    case 'invalid_type':
      if (isMissing(raw)) return { code: 'required', predicate: 'is required' };
      return {
        code: 'invalid_type',
        predicate: `must be ${TYPE_WORDS[raw.expected] ?? raw.expected}${butItIs(raw)}`,
      };
    case 'too_small':
      return { code: 'too_small', predicate: sizeBound(raw, 'least') };
    case 'too_big':
      return { code: 'too_big', predicate: sizeBound(raw, 'most') };
    case 'not_multiple_of':
      return {
        code: 'not_multiple_of',
        predicate:
          raw.divisor === 0.01
            ? `must have at most two decimals${butItIs(raw)}`
            : `must be a multiple of ${String(raw.divisor)}${butItIs(raw)}`,
      };
    case 'invalid_value':
      if (isMissing(raw)) return { code: 'required', predicate: `is required: ${oneOf(raw.values)}` };
      return { code: 'invalid_value', predicate: `must be ${oneOf(raw.values)}${butItIs(raw)}` };
    case 'invalid_union':
      if ('options' in raw && raw.discriminator !== undefined && raw.options !== undefined) {
        const holder: unknown = raw.input;
        const value =
          holder !== null && typeof holder === 'object'
            ? (holder as Record<string, unknown>)[raw.discriminator]
            : undefined;
        if (value === undefined) return { code: 'required', predicate: `is required: ${oneOf(raw.options)}` };
        return { code: 'invalid_value', predicate: `must be ${oneOf(raw.options)}, but it is ${describeValue(value)}` };
      }
      return { code: 'invalid_value', predicate: raw.message };
    case 'invalid_format':
      return { code: 'invalid_format', predicate: raw.message };
    case 'custom': {
      const params: Record<string, unknown> = raw.params ?? {};
      return { code: typeof params.code === 'string' ? params.code : 'invalid', predicate: raw.message };
    }
    default:
      return { code: raw.code, predicate: 'is not valid here' };
  }
}

function sentence(path: IssuePath, predicate: string, subject: string): string {
  const where = path.length === 0 ? subject : formatPath(path);
  return `${where} ${predicate}.`;
}

/**
 * Turns a schema's raw issues into issues an admin reads: a stable code, the path of the field and a
 * sentence naming the field and the problem. An unknown field becomes one issue per field, at the
 * field's own path. Messages written in the schema (refinements, unions) are kept as the predicate.
 *
 * @param subject how to name the whole document when the problem is at its root (e.g. 'The program')
 */
export function schemaIssues(raws: readonly RawIssue[], subject: string): Issue[] {
  return raws.flatMap((raw) => {
    const path = raw.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    if (raw.code === 'unrecognized_keys') {
      return raw.keys.map((key) =>
        issue(
          [...path, key],
          'unknown_field',
          sentence(
            [...path, key],
            'is not a field Conduit knows in this place; check its spelling or remove it',
            subject,
          ),
        ),
      );
    }
    const { code, predicate } = describe(raw);
    return [issue(path, code, sentence(path, predicate, subject))];
  });
}
