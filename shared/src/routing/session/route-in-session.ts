import type { LeadFacts, LeadFactsBuffer } from '../steps/lead-values.js';
import type { CompiledStep } from '../compile/compiled-step.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { narrowByStep, stepAdmits } from '../steps/narrow-by-step.js';
import { RoutingTraceBuilder } from '../trace/routing-trace-builder.js';
import { availableFor, receivingAtCapacity, unavailability } from './availability.js';
import { decide, offerTo, stickyPartner, UNAVAILABLE_WORDS, type RequiredEligibility } from './decide.js';
import type { RoutingSession } from './routing-session.js';

/** Required-step eligibility from the compiled masks: available, and admitted by every required step. */
export const compiledEligibility: RequiredEligibility = {
  admits(session, lead, existing, position) {
    if (unavailability(session, lead, existing, position) !== undefined) return false;
    for (const step of session.compiled.requiredSteps) {
      if (!stepAdmits(session, step, lead, position)) return false;
    }
    return true;
  },
  refusal(session, lead, existing, position) {
    const name = session.compiled.partners[position]!.name;
    const problem = unavailability(session, lead, existing, position);
    if (problem !== undefined) return `${name} ${UNAVAILABLE_WORDS[problem]}`;
    const failed = session.compiled.requiredSteps.find((step) => !stepAdmits(session, step, lead, position));
    return failed ? `${name} fails the required step "${failed.step.name}"` : `${name} may take the lead`;
  },
};

/** Whether a candidate set holds exactly one partner. */
function isSingle(candidates: PartnerBits): boolean {
  if (candidates.hi - candidates.lo !== 1) return false;
  const word = candidates.words[candidates.lo]!;
  return (word & (word - 1)) === 0;
}

/**
 * With one candidate left, an optional step either keeps it or is skipped, so only the required steps from
 * `from` up to `to` can change the outcome: the first that refuses the candidate, or `null`.
 */
function firstRequiredRefusing(
  session: RoutingSession,
  lead: LeadFacts,
  steps: readonly CompiledStep[],
  from: number,
  to: number,
  candidates: PartnerBits,
): CompiledStep | null {
  const position = (candidates.lo << 5) | (31 - Math.clz32(candidates.words[candidates.lo]!));
  for (let index = from; index < to; index++) {
    const step = steps[index]!;
    if (step.required && !stepAdmits(session, step, lead, position)) return step;
  }
  return null;
}

/**
 * Runs the program's steps over the available partners: each narrows them, a required step that leaves
 * nobody stops everything (`null`), an optional one that would is skipped. Without a trace, steps that
 * never narrow are skipped and the run stops once one candidate is left. Works in the session's two
 * candidate buffers, never in `start` itself.
 */
function runSteps(
  session: RoutingSession,
  lead: LeadFacts,
  start: PartnerBits,
  trace: RoutingTraceBuilder | null,
): PartnerBits | null {
  const { steps } = session.compiled;
  const to = steps.length;
  const first = session.candidates;
  const second = session.spare;
  let current = start;
  for (let index = 0; index < to; index++) {
    const step = steps[index]!;
    if (!trace) {
      if (step.neverNarrows) continue;
      if (isSingle(current))
        return firstRequiredRefusing(session, lead, steps, index, to, current) === null ? current : null;
    }
    const into = current === first ? second : first;
    const before = trace ? current.count() : 0;
    if (narrowByStep(session, step, lead, current, into)) {
      current = into;
      trace?.step(step, before, current.count(), 'pass');
    } else if (step.required) {
      trace?.step(step, before, 0, 'fail');
      return null;
    } else {
      trace?.step(step, before, 0, 'skip');
    }
  }
  return current;
}

/**
 * Routes one lead within a session: a lead already offered, accepted or queued is left as it is; a new or
 * re-routing lead goes through availability, then each step in order (a required step that leaves nobody
 * stops the search; an optional one that would is skipped), then the decision. Without traces, the steps
 * stop as soon as one candidate is left (the optional steps after it cannot change the outcome), the steps
 * that keep every partner able to receive leads are skipped, and the account's earlier partner is tried
 * before the steps when the program lists its required steps first.
 */
export function routeInSession(session: RoutingSession, lead: LeadFactsBuffer): LeadDistribution {
  session.lead = lead;
  const existing = session.distributions.size === 0 ? undefined : session.distributions.get(lead.id);
  const trace = session.traces ? new RoutingTraceBuilder(session, lead) : null;
  if (existing !== undefined && existing.status !== 'rerouting') {
    session.assignments.push(existing);
    if (trace) session.decisionTraces.push(trace.unchanged(existing));
    return existing;
  }
  if (lead.located) session.placeLead(lead.latitude, lead.longitude);
  else session.locateLead(undefined);
  const available = availableFor(session, lead, existing, session.candidates);
  if (trace) trace.availability(available.count(), receivingAtCapacity(session), session.excluded);
  if (available.isEmpty()) return decide(session, lead, existing, null, compiledEligibility, trace);
  const stickyFirst = !trace && session.compiled.requiredFirst;
  if (stickyFirst) {
    // An account's partner that may take the lead is chosen without running the steps: when the required
    // steps come first, it keeps every one of them from leaving nobody, so the steps could not change that.
    const sticky = stickyPartner(session, lead, existing, compiledEligibility, null);
    if (sticky >= 0) return offerTo(session, lead, existing, sticky, 'sticky', null);
  }
  const finalists = runSteps(session, lead, available, trace);
  return decide(session, lead, existing, finalists, compiledEligibility, trace, stickyFirst);
}
