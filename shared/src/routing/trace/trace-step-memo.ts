import type { TraceStep } from '../../trace/decision-trace.js';
import type { CompiledStep } from '../compile/compiled-step.js';
import type { RoutingSession } from '../session/routing-session.js';
import type { LeadFacts } from '../steps/lead-values.js';

/** Most trace steps a session keeps for reuse. */
const MEMO_LIMIT = 100_000;

/**
 * What a step's trace entry depends on besides its counts and result: the lead's value the step matched
 * on, or `null` when the entry cannot be shared (a distance step measures each lead's own distances).
 */
export function matchKey(session: RoutingSession, step: CompiledStep, lead: LeadFacts): string | null {
  const definition = step.step;
  switch (definition.kind) {
    case 'partner_status':
    case 'minimum_tier':
      return '';
    case 'specialization':
      return definition.specializationIds ? '' : (lead.specializationId ?? '');
    case 'territory': {
      const { country, subdivision } = lead;
      if (definition.match === 'subdivision' || subdivision === undefined) return subdivision ?? country ?? '';
      return country === undefined || subdivision.startsWith(country) ? subdivision : null;
    }
    case 'postal_prefix':
      return lead.postalCode ?? '';
    case 'distance':
      return session.hasLeadPosition ? null : '';
    case 'industry':
      return lead.industry ?? '';
    case 'language':
      return lead.language ?? '';
    case 'certification':
      return lead.product ?? '';
  }
}

const RESULT_INDEX = { pass: 0, skip: 1, fail: 2 } as const;

/**
 * Trace entries shared between leads: an entry is plain, frozen data, so leads whose step came out alike
 * (same step, result, counts and matched value) share one object instead of each keeping a copy. Keys are
 * numbers and the lead's own strings, so that looking an entry up allocates nothing.
 */
export class TraceStepMemo {
  private readonly byStepAndResult: Map<number, Map<string, TraceStep>>[] = [];
  private readonly availability = new Map<string, TraceStep>();
  private size = 0;

  constructor(private readonly partnerCount: number) {}

  /** The entries of one step, result and counts, by matched value. */
  stepSlot(position: number, result: 'pass' | 'skip' | 'fail', before: number, after: number): Map<string, TraceStep> {
    const index = position * 3 + RESULT_INDEX[result];
    let byCounts = this.byStepAndResult[index];
    if (!byCounts) {
      byCounts = new Map();
      this.byStepAndResult[index] = byCounts;
    }
    const counts = before * (this.partnerCount + 1) + after;
    let slot = byCounts.get(counts);
    if (!slot) {
      slot = new Map();
      byCounts.set(counts, slot);
    }
    return slot;
  }

  /** The availability entries, by counts written `available|atCapacity|excluded`. */
  availabilitySlot(): Map<string, TraceStep> {
    return this.availability;
  }

  /** Freezes an entry and keeps it for reuse (forgetting everything once the memo is full). */
  keep(slot: Map<string, TraceStep>, key: string, entry: TraceStep): TraceStep {
    if (this.size >= MEMO_LIMIT) {
      this.byStepAndResult.length = 0;
      this.availability.clear();
      this.size = 0;
    }
    Object.freeze(entry.facts);
    slot.set(key, Object.freeze(entry));
    this.size++;
    return entry;
  }
}
