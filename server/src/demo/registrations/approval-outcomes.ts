import { fromDayNumber, type Account, type Deal, type Registration } from '@conduit/core';
import { accountRecord } from '../accounts/accounts.js';
import { dealName } from '../deals/deal-shapes.js';
import type { DemoRandom } from '../random.js';
import type { Assignment } from './assignment.js';
import { TEXTS } from './texts.js';

/** Why a channel manager rejects a registration: the conflict it is in, direct sales, a duplicate, or the deal itself. */
export function rejectionReason(assignment: Assignment, registration: Registration, random: DemoRandom): string {
  const verdict = 'conflict' in registration ? registration.conflict.verdict : 'clear';
  switch (assignment.customerKind) {
    case 'duplicate':
      return random.pick(TEXTS.rejectedDuplicate);
    case 'competing':
      return random.pick(TEXTS.rejectedForConflict);
    case 'direct_account':
      return random.pick(verdict === 'clear' ? TEXTS.rejectedOther : TEXTS.rejectedForDirectSales);
    default:
      return random.pick(verdict === 'conflict' ? TEXTS.rejectedForConflict : TEXTS.rejectedOther);
  }
}

/** The account a prospect becomes once its registration is approved: owned by the registering partner. */
export function openAccount(assignment: Assignment, id: string, random: DemoRandom): Account {
  const { customer, partner } = assignment;
  return accountRecord(
    id,
    customer,
    customer.city,
    customer.industry,
    { kind: 'partner', partnerId: partner.record.id },
    random,
  );
}

/**
 * The opportunity an approved registration brings, as the CRM holds it at the end of the demo: sourced
 * by the partner, linked to the registration, won or lost on the planned day (a won deal's final amount
 * a little off the registered one) or still open.
 */
export function opportunityOf(
  assignment: Assignment,
  registration: Registration,
  id: string,
  account: Account,
  createdAt: string,
  random: DemoRandom,
): Deal {
  const planned = assignment.plan.deal!;
  const registered = registration.details.amount!;
  const amount =
    planned.stage === 'won'
      ? { ...registered, amount: Math.round((registered.amount * random.int(85, 115)) / 100_000) * 1_000 }
      : registered;
  const common = {
    id,
    name: dealName(account.name, registration.details.products, random),
    accountId: account.id,
    amount,
    products: registration.details.products,
    createdAt,
    partnerId: assignment.partner.record.id,
    partnerRole: 'sourced' as const,
    registrationId: registration.id,
    version: 0,
  };
  const day = fromDayNumber(planned.day);
  if (planned.stage === 'open') return { ...common, expectedCloseDate: day, stage: 'open' };
  const expected = registration.details.expectedCloseDate;
  return {
    ...common,
    ...(expected === undefined ? {} : { expectedCloseDate: expected }),
    stage: planned.stage,
    closedOn: day,
  };
}
