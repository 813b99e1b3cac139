import type { Issue } from '../../result/issue.js';
import type { Program } from '../schema/program.js';
import { analyticsRuleIssues } from './analytics-rules.js';
import { lifecycleRuleIssues } from './lifecycle-rules.js';
import { mdfRuleIssues } from './mdf-rules.js';
import { registrationRuleIssues } from './registration-rules.js';
import { routingRuleIssues } from './routing-rules.js';
import { tierRuleIssues } from './tier-rules.js';

/** Every rule that spans fields of a structurally valid program, section by section. */
export function programRuleIssues(program: Program): Issue[] {
  return [
    ...tierRuleIssues(program),
    ...registrationRuleIssues(program),
    ...routingRuleIssues(program),
    ...mdfRuleIssues(program),
    ...lifecycleRuleIssues(program),
    ...analyticsRuleIssues(program),
  ];
}
