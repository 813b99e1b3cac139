import {
  applyForPartnership,
  changePartnerLifecycle,
  flagOverdueOnboardingMilestones,
  isChannelMember,
  type Clock,
  type Issue,
  type LifecycleChangeRequest,
  type LifecycleOutcome,
  type OverdueMilestonesRun,
  type Partner,
  type PartnerApplication,
  type PartnerLifecycleDependencies,
  type Result,
} from '@conduit/core';
import { programInForce } from '../http/no-program.js';
import { applyPartnerStatusEffects } from '../store/lifecycles/index.js';
import type { TenantStore } from '../store/tenant-store.js';

/** What a lifecycle mutation runs with: the tenant's store, the time and who asks (for the audit log). */
export interface LifecycleScope {
  store: TenantStore;
  clock: Clock;
  actor: string | null;
}

/** A lifecycle decision once performed: the core's outcome and the partner record as it now stands. */
export interface PerformedLifecycleOutcome extends LifecycleOutcome {
  partner: Partner;
}

/** The lifecycle use cases' ports over a tenant's store (or a transaction's), with the program in force. */
export function lifecycleDependencies(store: TenantStore, clock: Clock): PartnerLifecycleDependencies {
  return { lifecycles: store.lifecycles, program: () => programInForce(store), clock };
}

class RolledBack extends Error {
  constructor(readonly issues: Issue[]) {
    super('The lifecycle decision was refused and rolled back.');
  }
}

/**
 * Runs one lifecycle decision in one transaction with everything it implies: the lifecycle saved with the
 * version read, its `set_partner_status` effect written on the partner's record, and its trace in the
 * audit log (at the clock's time, on behalf of the actor). A refusal writes nothing.
 */
async function performed(
  { store, clock, actor }: LifecycleScope,
  decide: (deps: PartnerLifecycleDependencies, store: TenantStore) => Promise<Result<LifecycleOutcome>>,
): Promise<Result<PerformedLifecycleOutcome>> {
  try {
    return await store.transaction(async (transaction) => {
      const outcome = await decide(lifecycleDependencies(transaction, clock), transaction);
      if (!outcome.success) throw new RolledBack(outcome.issues);
      const { lifecycle, effects, trace } = outcome.data;
      const written = await applyPartnerStatusEffects(transaction.partners, effects, () => lifecycle.partnerName);
      await transaction.audit.record([trace], clock.now(), actor);
      const partner = written.get(lifecycle.partnerId) ?? (await transaction.partners.get(lifecycle.partnerId));
      if (!partner) throw new Error(`The partner record ${lifecycle.partnerId} of a lifecycle is missing.`);
      return { success: true as const, data: { ...outcome.data, partner } };
    });
  } catch (error) {
    if (error instanceof RolledBack) return { success: false, issues: error.issues };
    throw error;
  }
}

/**
 * A partner's record already in the channel (approved, onboarding, active or suspended) while it has no
 * lifecycle: its status came from the CRM, and an application would send it back to `applicant`.
 */
function inChannelWithoutLifecycle(partner: Partner): Issue {
  return {
    path: ['partnerId'],
    code: 'partner_in_channel',
    message: `Partner ${partner.id} (${partner.name}) is already ${partner.status} in the CRM without a lifecycle: an application would make it an applicant again. Only a new partner, an applicant, or a rejected or offboarded one can apply.`,
  };
}

/**
 * Records a company's application (`applyForPartnership`): a new lifecycle in `applicant`, the partner's
 * record set to `applicant` (created, named as in the application, when the CRM has not handed it over
 * yet), and the decision in the audit log.
 */
export function applyToProgramHere(
  scope: LifecycleScope,
  application: PartnerApplication,
): Promise<Result<PerformedLifecycleOutcome>> {
  return performed(scope, async (deps, store) => {
    if (!(await store.lifecycles.get(application.partnerId))) {
      const partner = await store.partners.get(application.partnerId);
      if (partner && isChannelMember(partner.status))
        return { success: false, issues: [inChannelWithoutLifecycle(partner)] };
    }
    return applyForPartnership(deps, application);
  });
}

/** Moves a partner along its lifecycle (`changePartnerLifecycle`) and performs what follows (see `performed`). */
export function changeLifecycleHere(
  scope: LifecycleScope,
  request: LifecycleChangeRequest,
): Promise<Result<PerformedLifecycleOutcome>> {
  return performed(scope, (deps) => changePartnerLifecycle(deps, request));
}

/**
 * The overdue-milestone run (`flagOverdueOnboardingMilestones`) in one transaction: every lifecycle with
 * milestones newly overdue is saved with them reported, and each report goes to the audit log. A lifecycle
 * changed meanwhile is listed in `failed` and left for the next run.
 */
export async function flagOverdueMilestonesHere({
  store,
  clock,
  actor,
}: LifecycleScope): Promise<OverdueMilestonesRun> {
  return store.transaction(async (transaction) => {
    const run = await flagOverdueOnboardingMilestones(lifecycleDependencies(transaction, clock));
    const names = new Map(run.flagged.map((outcome) => [outcome.lifecycle.partnerId, outcome.lifecycle.partnerName]));
    await applyPartnerStatusEffects(
      transaction.partners,
      run.flagged.flatMap((outcome) => outcome.effects),
      (partnerId) => names.get(partnerId) ?? partnerId,
    );
    await transaction.audit.record(
      run.flagged.map((outcome) => outcome.trace),
      clock.now(),
      actor,
    );
    return run;
  });
}
