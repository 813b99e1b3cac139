import type { LeadFacts } from '../steps/lead-values.js';
import { traceStep, type DecisionTrace, type JsonValue, type TraceStep } from '../../trace/decision-trace.js';
import type { CompiledStep } from '../compile/compiled-step.js';
import { NEUTRAL_PERFORMANCE } from '../compile/compiled-routing.js';
import type { PartnerBits } from '../compile/partner-bits.js';
import { kmOfHaversine } from '../compile/partner-locations.js';
import type { RoutingSession } from '../session/routing-session.js';
import { LeadFit } from '../selection/fit.js';
import type { LeadDistribution, QueueReason } from '../state/lead-distribution.js';
import type { StickyEntry } from '../state/routing-state.js';
import { CAPACITY_PERIODS, type CapacityPeriod } from '../periods/capacity-periods.js';
import { describeMatch } from './describe-step.js';
import { matchKey } from './trace-step-memo.js';
import { periodWords, rankingOf, strategyName } from './strategy-words.js';
import { alternatives, count, enumeration, kilometres } from './words.js';

/** How many finalists a trace lists by name. */
const FINALISTS_SHOWN = 5;

/** The decision a routing trace explains. */
export const ROUTING_DECISION = 'routing.assignment';

function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Collects the steps of one lead's routing trace as the pipeline runs, then builds the trace. */
export class RoutingTraceBuilder {
  private readonly steps: TraceStep[] = [];
  private finalistCount = 0;
  private blockedBy: CompiledStep | null = null;

  constructor(
    private readonly session: RoutingSession,
    private readonly lead: LeadFacts,
  ) {}

  private nameOf(position: number): string {
    return this.session.compiled.partners[position]!.name;
  }

  availability(available: number, atCapacity: number, excluded: number): void {
    const reached = this.session.capsReached;
    const memo = this.session.traceSteps;
    const slot = memo.availabilitySlot();
    const key = `${available}|${atCapacity}|${excluded}|${CAPACITY_PERIODS.map((period) => reached[period]).join('|')}`;
    this.steps.push(
      slot.get(key) ?? memo.keep(slot, key, this.availabilityStep(available, atCapacity, excluded, reached)),
    );
  }

  private availabilityStep(
    available: number,
    atCapacity: number,
    excluded: number,
    reached: Record<CapacityPeriod, number>,
  ): TraceStep {
    const { compiled } = this.session;
    const total = compiled.partnerCount;
    const receiving = compiled.receivingStatus.count();
    const reasons: string[] = [];
    const notReceiving = total - receiving;
    if (notReceiving > 0) {
      reasons.push(
        `${notReceiving} ${notReceiving === 1 ? 'is' : 'are'} not ${alternatives(compiled.receivingStatuses)}`,
      );
    }
    if (atCapacity > 0) {
      const { periods } = this.session;
      const which = CAPACITY_PERIODS.filter((period) => reached[period] > 0).map(
        (period) => `${reached[period]} at the ${period} cap${period === 'day' ? '' : ` for ${periods[period].label}`}`,
      );
      reasons.push(`${atCapacity} ${atCapacity === 1 ? 'is' : 'are'} at capacity (${which.join(', ')})`);
    }
    if (excluded > 0) {
      reasons.push(
        `${excluded} ${excluded === 1 ? 'is' : 'are'} excluded from this lead (declined it, let it expire or have a conflict of interest)`,
      );
    }
    const message =
      `${available} of ${count(total, 'partner')} can take this lead` +
      (reasons.length > 0 ? `: ${enumeration(reasons)}.` : '.');
    return traceStep('availability', available > 0 ? 'pass' : 'fail', message, {
      partners: total,
      receivingStatus: receiving,
      atCapacity,
      capsReached: { ...reached },
      excluded,
      available,
    });
  }

  step(step: CompiledStep, before: number, after: number, result: 'pass' | 'skip' | 'fail'): void {
    if (result === 'fail') this.blockedBy = step;
    const key = matchKey(this.session, step, this.lead);
    if (key === null) {
      this.steps.push(this.stepEntry(step, before, after, result));
      return;
    }
    const memo = this.session.traceSteps;
    const slot = memo.stepSlot(step.position, result, before, after);
    this.steps.push(slot.get(key) ?? memo.keep(slot, key, this.stepEntry(step, before, after, result)));
  }

  private stepEntry(step: CompiledStep, before: number, after: number, result: 'pass' | 'skip' | 'fail'): TraceStep {
    const match = describeMatch(this.session, step, this.lead);
    const { name, id, kind, required } = step.step;
    const message =
      result === 'pass'
        ? `${name} (${match.words}): ${after} of ${count(before, 'partner')} remain.`
        : `${name} (${match.words}): none of the ${count(before, 'partner')} qualifies, ${
            result === 'skip' ? 'so this optional step is skipped' : 'and the step is required'
          }.`;
    return traceStep(kind, result, message, { step: id, required, before, after, matchedOn: match.value });
  }

  sticky(entry: StickyEntry, fresh: boolean, position: number | undefined, eligible: boolean, reason: string): void {
    const accountId = this.lead.accountId!;
    const name = position === undefined ? entry.partnerId : this.nameOf(position);
    const lookbackDays = this.session.compiled.program.routing.sticky.lookbackDays;
    const facts = { accountId, partnerId: entry.partnerId, on: entry.on, lookbackDays };
    const went = `Account ${accountId} last went to ${name} on ${entry.on}`;
    if (!fresh) {
      this.steps.push(
        traceStep('sticky', 'skip', `${went}, more than ${lookbackDays} days ago: the lead is routed afresh.`, facts),
      );
    } else if (eligible) {
      this.steps.push(
        traceStep(
          'sticky',
          'pass',
          `${went}; ${name} can still take leads and passes every required step, so the lead goes back to it.`,
          facts,
        ),
      );
    } else {
      this.steps.push(traceStep('sticky', 'fail', `${went}, but ${reason}: the lead is routed afresh.`, facts));
    }
  }

  finalists(finalists: PartnerBits): void {
    const { session } = this;
    const strategy = session.compiled.program.routing.selection;
    const ranking = rankingOf(strategy);
    const positions = finalists.positions();
    this.finalistCount = positions.length;
    const shown = [...positions]
      .sort((a, b) => {
        const difference = ranking.higherFirst
          ? session.score[b]! - session.score[a]!
          : session.score[a]! - session.score[b]!;
        return difference !== 0 && !Number.isNaN(difference)
          ? difference
          : session.compiled.tieRank[a]! - session.compiled.tieRank[b]!;
      })
      .slice(0, FINALISTS_SHOWN);
    const scoreOf = (position: number): number | null => {
      const value = session.score[position]!;
      if (!Number.isFinite(value)) return null;
      return strategy.kind === 'nearest' ? rounded(kmOfHaversine(value)) : rounded(value);
    };
    const words = shown.map((position) => {
      const value = scoreOf(position);
      const shownValue = value === null ? 'unknown' : strategy.kind === 'nearest' ? kilometres(value) : String(value);
      return `${this.nameOf(position)} (${shownValue})`;
    });
    const more = positions.length - shown.length;
    const list = more > 0 ? `${words.join(', ')} and ${more} more` : enumeration(words);
    const top: JsonValue[] = shown.map((position) => ({
      partnerId: session.compiled.partners[position]!.id,
      score: scoreOf(position),
    }));
    this.steps.push(
      traceStep('finalists', 'info', `${count(positions.length, 'finalist')}, by ${ranking.by}: ${list}.`, {
        count: positions.length,
        rankedBy: ranking.by,
        top,
      }),
    );
  }

  selection(chosen: number, finalists: PartnerBits): void {
    const { session, lead } = this;
    const strategy = session.compiled.program.routing.selection;
    const name = this.nameOf(chosen);
    const value = session.score[chosen]!;
    const tied = finalists.positions().filter((position) => position !== chosen && session.score[position] === value);
    const tie =
      tied.length > 0 && strategy.kind !== 'weighted_random'
        ? ` It tied with ${count(tied.length, 'other finalist')}; fewer leads today, then the smaller id, decided.`
        : '';
    const facts: Record<string, JsonValue> = {
      strategy: strategy.kind,
      partnerId: session.compiled.partners[chosen]!.id,
    };
    let message: string;
    switch (strategy.kind) {
      case 'weighted_round_robin': {
        const total = finalists
          .positions()
          .reduce((sum, position) => sum + session.compiled.routingWeight[position]!, 0);
        facts.currentWeight = value;
        facts.totalWeight = total;
        message = `Smooth weighted round robin chose ${name}: its current weight ${value} was the highest, and the finalists' total weight ${total} is taken off it.`;
        break;
      }
      case 'least_loaded':
        facts.leads = value;
        message = `Least loaded chose ${name}: ${count(value, 'lead')} ${periodWords(strategy.period)}, the fewest.`;
        break;
      case 'best_score': {
        const partner = session.compiled.partners[chosen]!;
        const maxWeight = Math.max(1, ...session.compiled.program.tiers.map((tier) => tier.benefits.routingWeight));
        const performance = partner.performanceScore ?? NEUTRAL_PERFORMANCE;
        const tierWeight = rounded(session.compiled.routingWeight[chosen]! / maxWeight);
        const fit = rounded(new LeadFit(session, lead).of(chosen));
        Object.assign(facts, { score: rounded(value), performance, tierWeight, fit });
        message = `Best score chose ${name}: ${rounded(value)} from performance ${performance}, tier weight ${tierWeight} and fit ${fit}.`;
        break;
      }
      case 'nearest':
        facts.distanceKm = Number.isFinite(value) ? rounded(kmOfHaversine(value)) : null;
        message = Number.isFinite(value)
          ? `Nearest partner chose ${name}, ${kilometres(kmOfHaversine(value))} from the lead.`
          : `Nearest partner chose ${name}: no distance is known, so the tie-break decided.`;
        break;
      case 'weighted_random': {
        const total = finalists
          .positions()
          .reduce((sum, position) => sum + session.compiled.routingWeight[position]!, 0);
        facts.draw = rounded(session.lastDraw);
        facts.weight = value;
        facts.totalWeight = total;
        message = `The seeded draw ${rounded(session.lastDraw)} chose ${name}, which holds ${value} of the finalists' total weight ${total}.`;
        break;
      }
    }
    this.steps.push(traceStep('selection', 'pass', message + tie, facts));
  }

  fallback(message: string, facts: Record<string, JsonValue>, result: 'pass' | 'fail'): void {
    this.steps.push(traceStep('fallback', result, message, facts));
  }

  /** Why nobody qualified: the required step that left nobody, or availability. */
  private why(): string {
    return this.blockedBy
      ? `no partner passed the required step "${this.blockedBy.step.name}"`
      : 'no partner was available';
  }

  /** The trace of a lead that was offered to a partner. */
  offered(record: Extract<LeadDistribution, { status: 'offered' }>, position: number): DecisionTrace {
    const name = this.nameOf(position);
    const attempt = `(attempt ${record.attempts})`;
    let summary: string;
    switch (record.via) {
      case 'strategy':
        summary = `Offered to ${name} ${attempt} by ${strategyName(this.session.compiled.program.routing.selection)} among ${count(this.finalistCount, 'finalist')}.`;
        break;
      case 'sticky':
        summary = `Offered to ${name} ${attempt}, the partner account ${record.accountId!} last went to.`;
        break;
      case 'fallback':
        summary = `Offered to the default partner ${name} ${attempt}: ${this.why()}.`;
        break;
      case 'manual':
        summary = `Offered to ${name} ${attempt} by hand.`;
        break;
    }
    return this.build('offered', summary);
  }

  /** The trace of a lead sent to a person. */
  queued(queueName: string | null, reason: QueueReason): DecisionTrace {
    const where = queueName === null ? 'Left for a person' : `Queued in "${queueName}"`;
    const why = reason === 'fallback_unavailable' ? `${this.why()} and the default partner cannot take it` : this.why();
    return this.build('queued', `${where}: ${why}.`);
  }

  /** The trace of a lead routing leaves as it is. */
  unchanged(record: LeadDistribution): DecisionTrace {
    const { partners, positionOf } = this.session.compiled;
    const nameOf = (id: string) => {
      const position = positionOf.get(id);
      return position === undefined ? id : partners[position]!.name;
    };
    let where: string;
    switch (record.status) {
      case 'offered':
        where = `already offered to ${nameOf(record.partnerId)} (attempt ${record.attempts})`;
        break;
      case 'accepted':
        where = `already accepted by ${nameOf(record.partnerId)}`;
        break;
      case 'queued':
        where = 'already waiting for a person';
        break;
      case 'rerouting':
        where = 'waiting to be routed again';
        break;
    }
    this.steps.push(traceStep('already_routed', 'info', `The lead is ${where}.`, { status: record.status }));
    return this.build('unchanged', `Left as it is: the lead is ${where}.`);
  }

  private build(outcome: string, summary: string): DecisionTrace {
    return {
      decision: ROUTING_DECISION,
      subject: { type: 'lead', id: this.lead.id },
      outcome,
      summary,
      steps: this.steps,
    };
  }
}
