import type { Account } from '../../entities/account.js';
import type { MatchVerdict } from '../../matching/compare/compare-companies.js';
import type { Program } from '../../program/schema/program.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import { isOpenRegistration, registrationEndedOn, type ConflictVerdict, type Registration } from '../registration.js';
import type { ConflictRecord } from './conflict-context.js';

/** What kind of record a registration's customer matched. */
export type ConflictKind =
  | 'competing_registration'
  | 'duplicate_registration'
  | 'direct_account'
  | 'direct_opportunity'
  | 'partner_account'
  | 'partner_opportunity';

/** How one match bears on the registration: its kind, its effect on the verdict and why. */
export interface MatchJudgement {
  kind: ConflictKind;
  effect: ConflictVerdict;
  reason: string;
  partnerId: string | null;
}

export interface JudgeInput {
  registration: Registration;
  /** When the registration was (or is being) submitted: its precedence instant. */
  submittedAt: string;
  match: MatchVerdict;
  record: ConflictRecord;
  program: Program;
  partnerTierRanks: Readonly<Record<string, number>>;
  today: CalendarDate;
}

function judgeRegistration(input: JudgeInput, other: Registration): MatchJudgement | undefined {
  const { registration, match, program, today } = input;
  const { conflicts } = program.registration;
  if (other.id === registration.id) return undefined;
  const partnerId = other.partnerId;
  if (other.partnerId === registration.partnerId) {
    if (isOpenRegistration(other)) {
      return match === 'same'
        ? {
            kind: 'duplicate_registration',
            effect: 'conflict',
            partnerId,
            reason: `The partner already holds open registration ${other.id} for this customer.`,
          }
        : {
            kind: 'duplicate_registration',
            effect: 'review',
            partnerId,
            reason: `The partner's open registration ${other.id} may be for the same customer.`,
          };
    }
    const closed = registrationEndedOn(other, program.fiscalCalendar.timeZone);
    if (closed === undefined || closed < addDays(today, -conflicts.duplicateLookbackDays)) return undefined;
    return {
      kind: 'duplicate_registration',
      effect: 'review',
      partnerId,
      reason: `The partner's registration ${other.id} for this customer ended ${other.status} on ${closed}, within the ${conflicts.duplicateLookbackDays}-day look-back.`,
    };
  }
  if (!isOpenRegistration(other)) return undefined;
  if (match === 'possible') {
    return {
      kind: 'competing_registration',
      effect: 'review',
      partnerId,
      reason: `Partner ${partnerId}'s registration ${other.id} may be for the same customer.`,
    };
  }
  const firstRegistered = (): MatchJudgement =>
    other.submittedAt < input.submittedAt
      ? {
          kind: 'competing_registration',
          effect: 'conflict',
          partnerId,
          reason: `Partner ${partnerId} registered this customer first (${other.id}, submitted ${other.submittedAt}): the first to register wins.`,
        }
      : {
          kind: 'competing_registration',
          effect: 'clear',
          partnerId,
          reason: `Partner ${partnerId} registered this customer later (${other.id}): this registration came first and wins.`,
        };
  switch (conflicts.precedence) {
    case 'first_registered':
      return firstRegistered();
    case 'manual_review':
      return {
        kind: 'competing_registration',
        effect: 'review',
        partnerId,
        reason: `Partner ${partnerId} also registered this customer (${other.id}); the program leaves precedence to a channel manager.`,
      };
    case 'highest_tier': {
      const mine = input.partnerTierRanks[registration.partnerId] ?? 0;
      const theirs = input.partnerTierRanks[partnerId] ?? 0;
      if (mine === theirs) return firstRegistered();
      return theirs > mine
        ? {
            kind: 'competing_registration',
            effect: 'conflict',
            partnerId,
            reason: `Partner ${partnerId} also registered this customer (${other.id}) and holds a higher tier (rank ${theirs} against ${mine}): the higher tier wins.`,
          }
        : {
            kind: 'competing_registration',
            effect: 'clear',
            partnerId,
            reason: `Partner ${partnerId} also registered this customer (${other.id}) but holds a lower tier (rank ${theirs} against ${mine}): this registration wins.`,
          };
    }
  }
}

function judgeAccount(
  input: JudgeInput,
  account: Account,
  kind: 'account' | 'opportunity',
  opportunityPartnerId: string | null,
): MatchJudgement | undefined {
  const { registration, match, program } = input;
  const directSales = program.registration.conflicts.directSales;
  const ownerPartner =
    kind === 'opportunity' ? opportunityPartnerId : account.owner.kind === 'partner' ? account.owner.partnerId : null;
  const what = kind === 'opportunity' ? 'an open opportunity' : 'an account';
  if (ownerPartner === registration.partnerId) return undefined;
  if (ownerPartner !== null) {
    return {
      kind: kind === 'opportunity' ? 'partner_opportunity' : 'partner_account',
      effect: 'review',
      partnerId: ownerPartner,
      reason: `The customer ${match === 'same' ? 'is' : 'may be'} ${what} of partner ${ownerPartner} (${account.name}).`,
    };
  }
  const effect: ConflictVerdict = match === 'same' ? directSales : 'review';
  return {
    kind: kind === 'opportunity' ? 'direct_opportunity' : 'direct_account',
    effect,
    partnerId: null,
    reason: `The customer ${match === 'same' ? 'is' : 'may be'} ${what} of direct sales (${account.name})${match === 'same' ? `: channel conflict, which the program treats as ${directSales === 'conflict' ? 'a conflict' : 'needing review'}` : ''}.`,
  };
}

/**
 * How a match bears on a registration under the program's conflict policy, or `undefined` when it does
 * not (the registration itself, the partner's own accounts and opportunities, old closed registrations).
 */
export function judgeMatch(input: JudgeInput): MatchJudgement | undefined {
  const { record } = input;
  switch (record.type) {
    case 'registration':
      return judgeRegistration(input, record.registration);
    case 'account':
      return judgeAccount(input, record.account, 'account', null);
    case 'opportunity':
      return judgeAccount(input, record.account, 'opportunity', record.opportunity.partnerId);
  }
}
