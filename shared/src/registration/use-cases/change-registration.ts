import { transitionRegistration } from '../lifecycle/transition.js';
import type { RegistrationEvent } from '../lifecycle/registration-event.js';
import type { RegistrationDependencies } from './dependencies.js';
import {
  CloseRegistrationInputSchema,
  DecideExtensionInputSchema,
  parseInput,
  RequestExtensionInputSchema,
} from './inputs.js';
import { loadForUpdate } from './load-for-update.js';
import type { RegistrationResult } from './outcome.js';
import { saveTransition } from './save-transition.js';

async function applyEvent(
  deps: RegistrationDependencies,
  id: string,
  expectedVersion: number | undefined,
  event: RegistrationEvent,
): Promise<RegistrationResult> {
  const loaded = await loadForUpdate(deps.registrations, id, expectedVersion);
  if (!loaded.success) return loaded;
  const program = await deps.program();
  return saveTransition(
    deps.registrations,
    loaded.data,
    transitionRegistration(loaded.data, event, { program, now: deps.clock.now() }),
  );
}

/** A partner asks for more protection, with a reason, within the program's request window. */
export async function requestRegistrationExtension(
  deps: RegistrationDependencies,
  input: unknown,
): Promise<RegistrationResult> {
  const parsed = parseInput(RequestExtensionInputSchema, input);
  if (!parsed.success) return parsed;
  return applyEvent(deps, parsed.data.id, parsed.data.expectedVersion, {
    type: 'request_extension',
    reason: parsed.data.reason,
  });
}

/** A channel manager grants an extension (protection lengthened by the program's days) or denies it with a reason. */
export async function decideRegistrationExtension(
  deps: RegistrationDependencies,
  input: unknown,
): Promise<RegistrationResult> {
  const parsed = parseInput(DecideExtensionInputSchema, input);
  if (!parsed.success) return parsed;
  const { decision } = parsed.data;
  const event: RegistrationEvent = decision.grant
    ? { type: 'grant_extension', by: decision.by }
    : { type: 'deny_extension', by: decision.by, reason: decision.reason };
  return applyEvent(deps, parsed.data.id, parsed.data.expectedVersion, event);
}

/** The registration's opportunity is won or lost, or the partner withdraws it: protection is released. */
export async function closeRegistration(deps: RegistrationDependencies, input: unknown): Promise<RegistrationResult> {
  const parsed = parseInput(CloseRegistrationInputSchema, input);
  if (!parsed.success) return parsed;
  return applyEvent(deps, parsed.data.id, parsed.data.expectedVersion, parsed.data.outcome);
}
