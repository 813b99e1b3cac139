import type { Issue } from '../../result/issue.js';
import type { Program } from '../schema/program.js';
import { duplicateIdIssues } from './unique-ids.js';

/** The rules of the lifecycle policy: each onboarding milestone has its own id. */
export function lifecycleRuleIssues({ lifecycle }: Program): Issue[] {
  return duplicateIdIssues(lifecycle.onboarding.milestones, ['lifecycle', 'onboarding', 'milestones'], 'milestone');
}
