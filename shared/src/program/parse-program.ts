import type { Result } from '../result/result.js';
import { schemaIssues } from './messages/schema-issues.js';
import { programRuleIssues } from './rules/index.js';
import { ProgramSchema, type Program } from './schema/program.js';

/** Replaces negative zero, which JSON cannot carry, so that a parsed program round-trips exactly. */
function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNegativeZero(item)])) as T;
  }
  return value;
}

/**
 * Validates a partner program, as read from JSON, from the setup UI or from the CRM.
 *
 * First the shape of every field (types, ranges, known codes, no unknown fields), then the rules that
 * span fields (tier ranks unique and ordered, thresholds non-decreasing with rank, references to tiers,
 * specializations, activities and proof kinds that exist, caps and approval levels in order, one
 * currency). Each problem is an issue with its path, a stable code and a sentence an admin understands.
 * Never throws on bad input.
 *
 * @example
 * const result = parseProgram(JSON.parse(text));
 * if (!result.success) for (const { path, message } of result.issues) console.log(message);
 */
export function parseProgram(input: unknown): Result<Program> {
  const parsed = ProgramSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { success: false, issues: schemaIssues(parsed.error.issues, 'The program') };
  }
  const program = withoutNegativeZero(parsed.data);
  const issues = programRuleIssues(program);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: program };
}
