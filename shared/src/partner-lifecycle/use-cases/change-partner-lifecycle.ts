import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { schemaIssues } from '../../program/messages/schema-issues.js';
import { issue } from '../../result/issue.js';
import { fail, type Result } from '../../result/result.js';
import type { PartnerLifecycleEvent } from '../lifecycle-event.js';
import type { PartnerLifecycleDependencies } from '../ports.js';
import { transitionPartnerLifecycle } from '../transition.js';
import { saveLifecycleTransition, type LifecycleOutcome } from './lifecycle-outcome.js';

/** A request to move a partner along its lifecycle: whose, the version the user looked at (if any), what happened. */
export const LifecycleChangeRequestSchema = z.strictObject({
  partnerId: RecordIdSchema,
  expectedVersion: z.int().min(0).optional(),
  event: z.unknown(),
});
export interface LifecycleChangeRequest {
  partnerId: string;
  expectedVersion?: number;
  event: PartnerLifecycleEvent;
}

/**
 * Applies one event to a partner's lifecycle: reads it (`not_found` when the partner has none; `stale_write`
 * when it changed since the version the user looked at), decides with the program in force and the clock,
 * and saves with the version read. The caller performs the returned effects.
 *
 * @example await changePartnerLifecycle(deps, { partnerId: 'p-1', expectedVersion: 4, event: { type: 'suspend', by: 'u-2', reason: 'Unpaid invoices' } })
 */
export async function changePartnerLifecycle(
  deps: PartnerLifecycleDependencies,
  request: LifecycleChangeRequest,
): Promise<Result<LifecycleOutcome>> {
  const parsed = LifecycleChangeRequestSchema.safeParse(request, { reportInput: true });
  if (!parsed.success) return fail(schemaIssues(parsed.error.issues, 'The request'));
  const { partnerId, expectedVersion } = parsed.data;
  const lifecycle = await deps.lifecycles.get(partnerId);
  if (!lifecycle) {
    return fail([issue(['partnerId'], 'not_found', `Partner ${partnerId} has no lifecycle: it never applied.`)]);
  }
  if (expectedVersion !== undefined && lifecycle.version !== expectedVersion) {
    return fail([
      issue(
        ['expectedVersion'],
        'stale_write',
        `The lifecycle of partner ${partnerId} changed since you opened it (version ${lifecycle.version}, not ${expectedVersion}): reload it and decide again.`,
      ),
    ]);
  }
  const program = await deps.program();
  const transition = transitionPartnerLifecycle(lifecycle, request.event, { program, now: deps.clock.now() });
  return saveLifecycleTransition(deps.lifecycles, transition, lifecycle.version);
}
