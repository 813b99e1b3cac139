import type { Lead } from '../entities/lead.js';
import type { Partner } from '../entities/partner.js';
import type { Program } from '../program/schema/program.js';
import type { DecisionTrace } from '../trace/decision-trace.js';
import { compileRouting } from './compile/compile-routing.js';
import type { ConflictOfInterest } from './session/conflicts-of-interest.js';
import { routeInSession } from './session/route-in-session.js';
import { LeadFactsBlock } from './steps/lead-values.js';
import { RoutingSession } from './session/routing-session.js';
import type { LeadDistribution } from './state/lead-distribution.js';
import type { RoutingState } from './state/routing-state.js';

/** What routing reads: the program, the partners, the leads, the state from the last call and the time. */
export interface RouteLeadsInput {
  program: Program;
  /** The partners that may receive leads (others may be left out: they never receive any). */
  partners: readonly Partner[];
  /**
   * The leads to route, in the order they are routed; each at most once per call. Plain data, as parsed or
   * written as literals: routing reads a lead's enumerable fields.
   */
  leads: readonly Lead[];
  /**
   * The distribution so far of each lead that was routed before (its current offer and earlier ones),
   * as returned by earlier calls: a lead already offered, accepted or queued is left as it is, and a lead
   * whose offer was declined or expired is routed again without the partners that declined it or let it
   * expire. Leads without one are new.
   */
  distributions?: readonly LeadDistribution[];
  state: RoutingState;
  now: Date;
  /** Partners excluded from a lead or an account for a conflict of interest. */
  conflicts?: readonly ConflictOfInterest[];
  /**
   * Whether to explain every lead with a decision trace (default `true`). Bulk jobs that keep no audit may
   * turn it off: `traces` then comes back empty and routing runs several times faster.
   */
  traces?: boolean;
}

/** What routing returns: each lead's distribution, the state to persist, and each lead's trace. */
export interface RouteLeadsOutput {
  /** Per lead, in input order: its offer, its queue entry, or its unchanged distribution. Persist each. */
  assignments: LeadDistribution[];
  state: RoutingState;
  /** Per lead, in input order, when traces are on. */
  traces: DecisionTrace[];
}

/**
 * Routes leads to partners, in order, threading the state from one lead to the next: each new lead (or one
 * whose offer was declined or expired) passes the program's steps and goes to the partner the selection
 * strategy chooses, the account's earlier partner (sticky), the default partner or a queue. Partners not
 * active (or onboarding where allowed), at a cap, that declined the lead or are in a conflict of interest
 * never receive it. Pure and deterministic: equal inputs give equal outputs. The program's routing section is
 * compiled once per (program, partners) pair and reused.
 *
 * @example
 * const { assignments, state, traces } = routeLeads({ program, partners, leads, distributions, state, now });
 * // persist `state` and each of `assignments`; send the offers; keep `traces` in the audit log
 */
export function routeLeads(input: RouteLeadsInput): RouteLeadsOutput {
  const compiled = compileRouting(input.program, input.partners);
  const session = new RoutingSession(
    compiled,
    input.state,
    input.now,
    { traces: input.traces ?? true, conflicts: input.conflicts ?? [] },
    input.distributions,
  );
  const { leads } = input;
  const block = new LeadFactsBlock(compiled.stickyEnabled);
  let next = 0;
  while (next < leads.length) {
    next = block.read(leads, next);
    for (let index = 0; index < block.size; index++) routeInSession(session, block.facts[index]!);
  }
  return { assignments: session.assignments, state: session.close(), traces: session.decisionTraces };
}

/** One lead's routing: its distribution, the new state and the trace. */
export interface RouteLeadOutput {
  assignment: LeadDistribution;
  state: RoutingState;
  trace: DecisionTrace;
}

/** What routing one lead reads. */
export type RouteLeadInput = Omit<RouteLeadsInput, 'leads' | 'distributions' | 'traces'> & {
  lead: Lead;
  /** The lead's distribution so far, when it was routed before. */
  distribution?: LeadDistribution;
};

/**
 * Routes one lead (see `routeLeads`), always with its trace.
 *
 * @example const { assignment, trace } = routeLead({ program, partners, lead, state, now });
 */
export function routeLead(input: RouteLeadInput): RouteLeadOutput {
  const { lead, distribution, ...rest } = input;
  const result = routeLeads({
    ...rest,
    leads: [lead],
    distributions: distribution === undefined ? [] : [distribution],
    traces: true,
  });
  return { assignment: result.assignments[0]!, state: result.state, trace: result.traces[0]! };
}
