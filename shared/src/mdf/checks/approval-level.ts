import { formatMoney, type Money } from '../../money/money.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { mdfApprovalLevelFor, rolesAllowedAt, type RankedApprovalLevel } from '../policy/terms.js';
import { failed, noted, passed, type MdfCheck } from './check.js';

/** A person deciding on a request: a user id and the roles the user holds. */
export interface MdfApprover {
  userId: string;
  roles: readonly string[];
}

/** The approval level check, with the level it found. */
export interface MdfApprovalLevelCheck extends MdfCheck {
  level: RankedApprovalLevel;
}

/**
 * RequestApproval level by amount: the level whose bound first covers the funds an approval commits, in the
 * program currency (recorded as information: it decides who may approve).
 */
export function checkApprovalLevel(program: Program, committed: Money): MdfApprovalLevelCheck {
  const level = mdfApprovalLevelFor(program, committed);
  const roles = rolesAllowedAt(program, level.index);
  const bound = level.level.upTo ? `up to ${formatMoney(level.level.upTo)}` : 'above every other level';
  const message = `${formatMoney(committed)} of funds falls in the level "${level.level.name}" (${bound}): a ${roles.join(' or ')} approves it.`;
  return {
    ...noted('approval_level', message, { committed, level: level.level.name, levelIndex: level.index, roles }),
    level,
  };
}

/**
 * Who may approve: the approver holds the role of the request's approval level or of a higher level.
 * Issue `approver_not_authorized`.
 */
export function checkApproverAuthority(program: Program, level: RankedApprovalLevel, approver: MdfApprover): MdfCheck {
  const allowed = rolesAllowedAt(program, level.index);
  const holding = approver.roles.filter((role) => allowed.includes(role));
  const facts = { approverId: approver.userId, approverRoles: [...approver.roles], allowedRoles: allowed };
  if (holding.length === 0) {
    const held = approver.roles.length === 0 ? 'no role' : `only ${approver.roles.join(', ')}`;
    const message = `${approver.userId} holds ${held}; the level "${level.level.name}" needs a ${allowed.join(' or ')}.`;
    return failed('approver_authority', message, facts, issue(['approver'], 'approver_not_authorized', message));
  }
  return passed('approver_authority', `${approver.userId} approves as ${holding[0]!}.`, facts);
}
