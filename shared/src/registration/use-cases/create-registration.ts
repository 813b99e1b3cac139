import { issue } from '../../result/issue.js';
import type { RegistrationDependencies } from './dependencies.js';
import { CreateRegistrationInputSchema, parseInput } from './inputs.js';
import { refused, type RegistrationResult } from './outcome.js';

/** Starts a draft registration for a partner: checked for shape only; policy and conflicts come at submission. */
export async function createRegistration(deps: RegistrationDependencies, input: unknown): Promise<RegistrationResult> {
  const parsed = parseInput(CreateRegistrationInputSchema, input);
  if (!parsed.success) return parsed;
  const { partnerId, details, opportunityId } = parsed.data;
  if (!(await deps.partners.get(partnerId)))
    return refused([issue(['partnerId'], 'not_found', `No partner has the id "${partnerId}".`)]);
  const draft = {
    id: deps.ids.next('registration'),
    partnerId,
    details,
    opportunityId: opportunityId ?? null,
    createdAt: deps.clock.now().toISOString(),
    version: 0,
    status: 'draft' as const,
  };
  const saved = await deps.registrations.save(draft, { expectedVersion: null });
  if (!saved.success) return refused(saved.issues);
  return { success: true, data: { registration: { ...draft, version: saved.data.version }, effects: [], traces: [] } };
}
