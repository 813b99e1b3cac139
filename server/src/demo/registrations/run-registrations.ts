import {
  calendarDateIn,
  checkConflicts,
  checkRegistrationPolicy,
  fromDayNumber,
  isOpenRegistration,
  traceStep,
  transitionRegistration,
  type Account,
  type DecisionTrace,
  type Deal,
  type Program,
  type Registration,
  type RegistrationDetails,
  type RegistrationEvent,
} from '@conduit/core';
import { MINUTES_PER_DAY, type LocalMoment, type LocalTime } from '../demo-calendar.js';
import type { DemoAuditEntry } from '../audit-entry.js';
import type { DemoRandom } from '../random.js';
import { openAccount, opportunityOf, rejectionReason } from './approval-outcomes.js';
import type { Assignment } from './assignment.js';
import { ConflictView, type DealOverTime } from './conflict-view.js';
import { editedDetails, registrationDetails, unfinished } from './details.js';
import type { PlannedStep } from './plan-types.js';
import { TEXTS } from './texts.js';

/** The ids the registrations' records take, fixed before the run so that they follow creation order. */
export interface RegistrationIds {
  registration: readonly string[];
  /** The id of the opportunity each approved registration brings, by registration index. */
  deal: ReadonlyMap<number, string>;
  /** The id of the account a prospect becomes once its registration is approved, by registration index. */
  account: ReadonlyMap<number, string>;
}

/** What running the registrations produced: their final states, and the CRM records and decisions on the way. */
export interface RegistrationRun {
  registrations: Registration[];
  deals: Deal[];
  accounts: Account[];
  audit: DemoAuditEntry[];
}

/** The people who act on registrations: the partner's portal user and the regional channel manager. */
function partnerUser(assignment: Assignment): string {
  return `${assignment.partner.record.id}.portal`;
}
function channelManager(assignment: Assignment, index: number): string {
  return `cm-${assignment.partner.region.id}-${(index % 2) + 1}`;
}

/**
 * Runs every planned registration through the core's pure transition (`transitionRegistration`), all of
 * them interleaved in time order with the clock moving to each step, so that each decision sees the
 * world as it was then: at each submission the program's policy check (`checkRegistrationPolicy`, with
 * the partner's open registrations at that moment) and the conflict check (`checkConflicts` against the
 * registrations, account and open opportunities of the same customer at that moment); at approval the
 * conflict check again, recorded first as the review use case does, with an override when it still finds
 * a conflict. An approval creates the opportunity (and, for a prospect, its account) and links it; the
 * CRM later closes it won or lost on the planned day. A refused event is a bug of the plan: it throws.
 */
export function runRegistrations(
  program: Program,
  assignments: readonly Assignment[],
  ids: RegistrationIds,
  baseDeals: readonly DealOverTime[],
  time: LocalTime,
  random: DemoRandom,
): RegistrationRun {
  const current: (Registration | undefined)[] = assignments.map(() => undefined);
  const complete: RegistrationDetails[] = [];
  const ranks = Object.fromEntries(program.tiers.map((tier) => [tier.id, tier.rank]));
  const partnerTierRanks: Record<string, number> = {};
  for (const { partner } of assignments) {
    if (partner.record.tierId !== null) partnerTierRanks[partner.record.id] = ranks[partner.record.tierId] ?? 0;
  }
  const view = new ConflictView(baseDeals, current, partnerTierRanks);
  for (const { customer } of assignments) {
    if (customer.account) view.addAccount(customer.key, customer.account.record);
  }
  const openByPartner = new Map<string, Set<number>>();
  const run: RegistrationRun = { registrations: [], deals: [], accounts: [], audit: [] };

  const agenda = assignments
    .flatMap((assignment, index) => assignment.plan.steps.map((step, order) => ({ step, index, order })))
    .sort((a, b) => a.step.at - b.step.at || a.index - b.index || a.order - b.order);

  const apply = (index: number, event: RegistrationEvent, at: LocalMoment): Registration => {
    const registration = current[index]!;
    const result = transitionRegistration(registration, event, { program, now: time.instant(at) });
    if (!result.success) {
      throw new Error(
        `Demo registration ${registration.id} (${assignments[index]!.plan.outcome}) refused ${event.type}: ${result.issues[0]!.message}`,
      );
    }
    current[index] = result.data.next;
    const open = openByPartner.get(registration.partnerId) ?? new Set<number>();
    if (isOpenRegistration(result.data.next)) open.add(index);
    else open.delete(index);
    openByPartner.set(registration.partnerId, open);
    return result.data.next;
  };

  const conflictCheck = (index: number, at: LocalMoment) => {
    const assignment = assignments[index]!;
    const context = view.contextFor(assignment.customer.key, index, at);
    return checkConflicts(current[index]!, context, { program, now: time.instant(at) });
  };

  for (const { step, index } of agenda) {
    const assignment = assignments[index]!;
    const reviewer = channelManager(assignment, index);
    const at = step.at;
    const instant = time.iso(at);
    switch (step.kind) {
      case 'create': {
        const plan = assignment.plan;
        const createdDay = Math.floor(at / MINUTES_PER_DAY);
        const expectedDay = plan.deal
          ? Math.max(createdDay + 14, plan.deal.day + random.int(-20, 10))
          : createdDay + random.int(30, 150);
        complete[index] = registrationDetails(assignment, program, expectedDay, random);
        const startsUnfinished = plan.steps.some(
          (other) => other.kind === 'edit' && other.at < firstSubmitOf(plan.steps),
        );
        current[index] = {
          id: ids.registration[index]!,
          partnerId: assignment.partner.record.id,
          details: startsUnfinished || plan.outcome === 'draft' ? unfinished(complete[index], random) : complete[index],
          opportunityId: null,
          createdAt: instant,
          version: 0,
          status: 'draft',
        };
        view.claim(assignment.customer.key, index);
        break;
      }
      case 'edit': {
        const registration = current[index]!;
        const answer = registration.status === 'info_requested';
        apply(
          index,
          { type: 'update_details', details: editedDetails(registration.details, complete[index]!, answer, random) },
          at,
        );
        break;
      }
      case 'submit': {
        const registration = current[index]!;
        const today = calendarDateIn(time.instant(at), program.fiscalCalendar.timeZone);
        const open = [...(openByPartner.get(registration.partnerId) ?? [])].filter((other) => other !== index).length;
        const policy = checkRegistrationPolicy({
          registration,
          program,
          partner: assignment.partner.record,
          openRegistrations: open,
          today,
        });
        if (!policy.passed) {
          throw new Error(`Demo registration ${registration.id} fails the policy: ${policy.issues[0]!.message}`);
        }
        const conflicts = conflictCheck(index, at);
        apply(
          index,
          {
            type: 'submit',
            conflict: { verdict: conflicts.verdict, checkedAt: instant, matches: conflicts.matches.length },
          },
          at,
        );
        run.audit.push(
          { at: instant, actor: partnerUser(assignment), trace: policy.trace },
          { at: instant, actor: partnerUser(assignment), trace: conflicts.trace },
        );
        break;
      }
      case 'start_review':
        apply(index, { type: 'start_review', reviewerId: reviewer }, at);
        break;
      case 'request_info':
        apply(index, { type: 'request_info', by: reviewer, request: random.pick(TEXTS.infoRequests) }, at);
        break;
      case 'approve': {
        const conflicts = conflictCheck(index, at);
        apply(
          index,
          {
            type: 'recheck_conflict',
            conflict: { verdict: conflicts.verdict, checkedAt: instant, matches: conflicts.matches.length },
          },
          at,
        );
        const reason = conflicts.verdict === 'conflict' ? random.pick(TEXTS.overrideReasons) : undefined;
        apply(
          index,
          { type: 'approve', by: reviewer, ...(reason === undefined ? {} : { overrideConflict: { reason } }) },
          at,
        );
        const trace: DecisionTrace =
          reason === undefined
            ? conflicts.trace
            : {
                ...conflicts.trace,
                steps: [
                  ...conflicts.trace.steps,
                  traceStep('conflict_override', 'info', `${reviewer} approved over the conflict: ${reason}`, {
                    by: reviewer,
                    reason,
                  }),
                ],
              };
        run.audit.push({ at: instant, actor: reviewer, trace });
        break;
      }
      case 'reject':
        apply(
          index,
          { type: 'reject', by: reviewer, reason: rejectionReason(assignment, current[index]!, random) },
          at,
        );
        break;
      case 'link_opportunity': {
        const account = assignment.customer.account?.record ?? openAccount(assignment, ids.account.get(index)!, random);
        if (!assignment.customer.account) {
          view.addAccount(assignment.customer.key, account);
          run.accounts.push(account);
        }
        const deal = opportunityOf(assignment, current[index]!, ids.deal.get(index)!, account, instant, random);
        view.addDeal({ deal, createdAt: at });
        run.deals.push(deal);
        apply(index, { type: 'link_opportunity', opportunityId: deal.id }, at);
        break;
      }
      case 'request_extension':
        apply(index, { type: 'request_extension', reason: random.pick(TEXTS.extensionReasons) }, at);
        break;
      case 'grant_extension':
        apply(index, { type: 'grant_extension', by: reviewer }, at);
        break;
      case 'deny_extension':
        apply(index, { type: 'deny_extension', by: reviewer, reason: random.pick(TEXTS.extensionDenials) }, at);
        break;
      case 'mark_won':
        apply(index, { type: 'mark_won', closedOn: fromDayNumber(step.closedOn!) }, at);
        break;
      case 'mark_lost':
        apply(
          index,
          {
            type: 'mark_lost',
            closedOn: fromDayNumber(step.closedOn!),
            ...(random.chance(0.8) ? { reason: random.pick(TEXTS.lostReasons) } : {}),
          },
          at,
        );
        break;
      case 'expire':
        apply(index, { type: 'expire' }, at);
        break;
      case 'withdraw':
        apply(
          index,
          { type: 'withdraw', ...(random.chance(0.7) ? { reason: random.pick(TEXTS.withdrawReasons) } : {}) },
          at,
        );
        break;
    }
  }
  run.registrations = current.map((registration) => registration!);
  return run;
}

function firstSubmitOf(steps: readonly PlannedStep[]): LocalMoment {
  return steps.find((step) => step.kind === 'submit')?.at ?? Number.POSITIVE_INFINITY;
}
