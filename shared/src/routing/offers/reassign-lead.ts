import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { decisionTrace, traceStep, type DecisionTrace, type TraceStep } from '../../trace/decision-trace.js';
import { compileRouting } from '../compile/compile-routing.js';
import type { ConflictOfInterest } from '../session/conflicts-of-interest.js';
import { unavailability } from '../session/availability.js';
import { RoutingSession } from '../session/routing-session.js';
import {
  offerIdOf,
  type DistributionEvent,
  type LeadDistribution,
  type ManualNote,
  type OfferedLead,
} from '../state/lead-distribution.js';
import type { RoutingState } from '../state/routing-state.js';
import { stepAdmits } from '../steps/narrow-by-step.js';
import type { RoutingEffect } from './routing-effect.js';

/** The decision a manual reassignment's trace records. */
export const MANUAL_DECISION = 'routing.manual_assignment';

/** What reassigning a lead by hand returns. */
export interface ReassignLeadOutput {
  assignment: OfferedLead;
  state: RoutingState;
  trace: DecisionTrace;
  effects: RoutingEffect[];
}

const REFUSALS = {
  not_receiving: ['partner_not_receiving', 'is not in a status that receives leads'],
  at_capacity: ['partner_at_capacity', 'has reached a capacity cap'],
  excluded: ['partner_excluded', 'declined this lead, let its offer expire or has a conflict of interest'],
} as const;

function closedChapter(existing: LeadDistribution, at: string, manual: ManualNote): DistributionEvent | undefined {
  switch (existing.status) {
    case 'offered':
    case 'accepted':
      return {
        kind: 'withdrawn',
        partnerId: existing.partnerId,
        attempt: existing.attempts,
        via: existing.via,
        offeredAt: existing.offeredAt,
        dueAt: existing.dueAt,
        acceptedAt: existing.status === 'accepted' ? existing.acceptedAt : null,
        at,
        manual,
      };
    case 'queued':
      return {
        kind: 'dequeued',
        queueId: existing.queueId,
        reason: existing.reason,
        queuedAt: existing.queuedAt,
        at,
        manual,
      };
    case 'rerouting':
      return undefined;
  }
}

/**
 * A person offers a lead to a partner of their choice, recorded with who and why. The partner must be able
 * to take leads (receiving status, under every cap, not excluded from this lead); the program's steps are
 * not applied, but the trace records which required steps the partner passes. An open or accepted offer to
 * another partner is withdrawn, a queued lead leaves its queue; the new offer counts as an attempt, under
 * the usual SLA.
 *
 * @example
 * reassignLead({ program, partners, lead, state, now, partnerId: 'p-9', manual: { by: 'user-3', reason: 'Named account' } })
 */
export function reassignLead(input: {
  program: Program;
  partners: readonly Partner[];
  lead: Lead;
  /** The lead's distribution so far, when it was routed before. */
  distribution?: LeadDistribution;
  state: RoutingState;
  now: Date;
  partnerId: string;
  manual: ManualNote;
  conflicts?: readonly ConflictOfInterest[];
}): Result<ReassignLeadOutput> {
  const { lead, partnerId, manual } = input;
  const issues: Issue[] = [];
  if (manual.reason.trim() === '') {
    issues.push(
      issue(['manual', 'reason'], 'blank', 'Say why the lead is reassigned by hand: the reason is recorded.'),
    );
  }
  const compiled = compileRouting(input.program, input.partners);
  const position = compiled.positionOf.get(partnerId);
  if (position === undefined) {
    issues.push(issue(['partnerId'], 'unknown_partner', `Partner ${partnerId} is not among the partners leads go to.`));
  }
  const existing = input.distribution;
  if ((existing?.status === 'offered' || existing?.status === 'accepted') && existing.partnerId === partnerId) {
    const how = existing.status === 'offered' ? 'offered to' : 'accepted by';
    issues.push(issue(['partnerId'], 'already_assigned', `Lead ${lead.id} is already ${how} ${partnerId}.`));
  }
  if (issues.length > 0 || position === undefined) return fail(issues);
  const session = new RoutingSession(compiled, input.state, input.now, {
    traces: true,
    conflicts: input.conflicts ?? [],
  });
  const name = compiled.partners[position]!.name;
  const problem = unavailability(session, lead, existing, position);
  if (problem !== undefined) {
    const [code, words] = REFUSALS[problem];
    return fail([issue(['partnerId'], code, `${name} cannot take lead ${lead.id}: it ${words}.`)]);
  }

  const attempts = (existing?.attempts ?? 0) + 1;
  const chapter = existing === undefined ? undefined : closedChapter(existing, session.nowIso, manual);
  const history = existing === undefined ? [] : chapter ? [...existing.history, chapter] : existing.history;
  const record: OfferedLead = {
    status: 'offered',
    leadId: lead.id,
    accountId: lead.accountId ?? null,
    attempts,
    partnerId,
    via: 'manual',
    manual: { by: manual.by, reason: manual.reason },
    offeredAt: session.nowIso,
    dueAt: session.dueAtIso,
    history,
  };
  session.countLead(position);
  if (lead.accountId !== undefined && compiled.program.routing.sticky.enabled) session.stick(lead.accountId, position);

  const effects: RoutingEffect[] = [];
  if (existing?.status === 'offered' || existing?.status === 'accepted') {
    effects.push({
      kind: 'withdraw_offer',
      leadId: lead.id,
      offerId: offerIdOf(lead.id, existing.attempts),
      partnerId: existing.partnerId,
      reason: 'reassigned',
    });
  }
  effects.push({
    kind: 'send_offer',
    leadId: lead.id,
    offerId: offerIdOf(lead.id, attempts),
    partnerId,
    dueAt: record.dueAt,
  });

  session.locateLead(lead.location);
  const steps: TraceStep[] = [
    traceStep('manual', 'info', `${manual.by} reassigned the lead by hand: ${manual.reason}`, {
      by: manual.by,
      reason: manual.reason,
      previousStatus: existing?.status ?? null,
    }),
    traceStep(
      'availability',
      'pass',
      `${name} can take leads: it is ${compiled.partners[position]!.status}, under every cap and not excluded from this lead.`,
      {
        partnerId,
      },
    ),
    ...compiled.requiredSteps.map((step) => {
      const passes = stepAdmits(session, step, lead, position);
      return traceStep(
        step.step.kind,
        'info',
        `${name} ${passes ? 'passes' : 'does not pass'} the required step "${step.step.name}"${passes ? '' : ', which a person may override'}.`,
        { step: step.step.id, passes },
      );
    }),
  ];
  const trace = decisionTrace(
    MANUAL_DECISION,
    { type: 'lead', id: lead.id },
    'offered',
    `Offered to ${name} (attempt ${attempts}) by hand: ${manual.reason}`,
    steps,
  );
  return ok({ assignment: record, state: session.close(), trace, effects });
}
