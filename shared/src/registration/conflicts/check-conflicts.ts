import type { Program } from '../../program/schema/program.js';
import {
  decisionTrace,
  traceStep,
  type DecisionTrace,
  type JsonValue,
  type TraceStep,
} from '../../trace/decision-trace.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { ConflictVerdict, Registration } from '../registration.js';
import {
  customerCompany,
  prepareConflictContext,
  type ConflictContext,
  type ConflictRecord,
  type PreparedConflictContext,
} from './conflict-context.js';
import { judgeMatch, type ConflictKind } from './judge-match.js';

/** One record the registration's customer matched, and what it means for the registration. */
export interface ConflictMatch {
  kind: ConflictKind;
  record: { type: ConflictRecord['type']; id: string };
  partnerId: string | null;
  score: number;
  match: 'same' | 'possible';
  effect: ConflictVerdict;
  reason: string;
  evidence: TraceStep[];
}

/** The conflict check's result: the verdict, every match behind it and the decision trace. */
export interface ConflictCheck {
  verdict: ConflictVerdict;
  matches: ConflictMatch[];
  trace: DecisionTrace;
}

const SEVERITY: Readonly<Record<ConflictVerdict, number>> = { clear: 0, review: 1, conflict: 2 };
const SEARCH_LIMIT = 50;

function isPrepared(context: ConflictContext | PreparedConflictContext): context is PreparedConflictContext {
  return 'index' in context;
}

function recordId(record: ConflictRecord): string {
  switch (record.type) {
    case 'registration':
      return record.registration.id;
    case 'account':
      return record.account.id;
    case 'opportunity':
      return record.opportunity.id;
  }
}

function evidenceFacts(evidence: readonly TraceStep[]): JsonValue {
  return evidence.map((step) => ({ rule: step.rule, result: step.result, message: step.message }));
}

function summaryOf(verdict: ConflictVerdict, matches: readonly ConflictMatch[], customer: string): string {
  const deciding = matches.filter((match) => match.effect === verdict);
  switch (verdict) {
    case 'clear':
      return matches.length === 0
        ? `Clear: no registration, account or opportunity matches "${customer}".`
        : `Clear: ${matches.length} match${matches.length === 1 ? '' : 'es'} for "${customer}", none standing in the way.`;
    case 'review':
      return `Needs review: ${deciding.length} record${deciding.length === 1 ? '' : 's'} may be "${customer}" (${deciding[0]!.reason})`;
    case 'conflict':
      return `Conflict: ${deciding[0]!.reason}`;
  }
}

/**
 * Checks a registration's customer against other partners' open registrations (precedence rule of the
 * program: first to register, highest tier or manual review), the partner's own registrations
 * (duplicates), and the accounts and open opportunities of direct sales (channel conflict). The verdict is
 * the most severe effect of any match: `clear`, `review` or `conflict`, with the evidence of every match in
 * the trace. Run it at submission and again at review.
 *
 * @example
 * const check = checkConflicts(registration, { registrations, accounts, opportunities }, { program, now });
 * check.verdict // 'conflict'
 * check.trace.summary // 'Conflict: Partner p-7 registered this customer first (…)'
 */
export function checkConflicts(
  registration: Registration,
  context: ConflictContext | PreparedConflictContext,
  { program, now }: { program: Program; now: Date },
): ConflictCheck {
  const prepared = isPrepared(context) ? context : prepareConflictContext(context, program);
  const customer = customerCompany(registration.details.customer, registration.details.contact.email);
  const submittedAt = 'submittedAt' in registration ? registration.submittedAt : now.toISOString();
  const today = calendarDateIn(now, program.fiscalCalendar.timeZone);
  const hits = prepared.index.search(customer, { limit: SEARCH_LIMIT, minScore: prepared.options.thresholds.possible });

  const matches: ConflictMatch[] = [];
  for (const hit of hits) {
    const record = prepared.records.get(hit.id);
    if (!record || hit.verdict === 'different') continue;
    const judgement = judgeMatch({
      registration,
      submittedAt,
      match: hit.verdict,
      record,
      program,
      partnerTierRanks: prepared.partnerTierRanks,
      today,
    });
    if (!judgement) continue;
    matches.push({
      ...judgement,
      record: { type: record.type, id: recordId(record) },
      score: hit.score,
      match: hit.verdict,
      evidence: hit.evidence,
    });
  }
  matches.sort((a, b) => SEVERITY[b.effect] - SEVERITY[a.effect] || b.score - a.score);
  const verdict = matches.reduce<ConflictVerdict>(
    (worst, match) => (SEVERITY[match.effect] > SEVERITY[worst] ? match.effect : worst),
    'clear',
  );

  const steps = matches.map((match) =>
    traceStep(
      match.kind,
      match.effect === 'conflict' ? 'fail' : match.effect === 'review' ? 'info' : 'pass',
      match.reason,
      {
        record: `${match.record.type}:${match.record.id}`,
        partnerId: match.partnerId,
        score: match.score,
        match: match.match,
        effect: match.effect,
        evidence: evidenceFacts(match.evidence),
      },
    ),
  );
  steps.push(
    traceStep(
      'precedence_rule',
      'info',
      `The program's precedence rule is ${program.registration.conflicts.precedence.replace('_', ' ')}.`,
      {
        precedence: program.registration.conflicts.precedence,
        directSales: program.registration.conflicts.directSales,
        thresholds: { ...prepared.options.thresholds },
      },
    ),
  );
  return {
    verdict,
    matches,
    trace: decisionTrace(
      'registration.conflict',
      { type: 'registration', id: registration.id },
      verdict,
      summaryOf(verdict, matches, customer.name),
      steps,
    ),
  };
}
