import { issue } from '../../result/issue.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Status: the record is in one of the statuses the operation starts from. Issue `invalid_status`.
 *
 * @example checkStatus('request', 'req-1', 'approved', ['submitted'], 'approve')
 */
export function checkStatus(
  recordType: string,
  id: string,
  status: string,
  allowed: readonly string[],
  operation: string,
): MdfCheck {
  const facts = { status, allowed: [...allowed] };
  if (!allowed.includes(status)) {
    const message = `The ${recordType} ${id} is ${status}; only a ${allowed.join(' or ')} ${recordType} can be ${operation}.`;
    return failed('status', message, facts, issue(['status'], 'invalid_status', message));
  }
  return passed('status', `The ${recordType} ${id} is ${status}.`, facts);
}
