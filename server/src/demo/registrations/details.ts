import { currencyExponent, fromDayNumber, type Program, type RegistrationDetails } from '@conduit/core';
import { dealAmount } from '../deals/deal-shapes.js';
import { foldToAscii } from '../names/fold.js';
import { contactAt } from '../names/people.js';
import type { DemoRandom } from '../random.js';
import type { Assignment } from './assignment.js';
import { TEXTS } from './texts.js';

/** The smallest registered amount the program accepts, in major units of its currency. */
export function minimumMajorAmount(program: Program): number {
  const minimum = program.registration.minimumAmount;
  if (!minimum || minimum.currency !== program.currency) return 0;
  return minimum.amount / 10 ** currencyExponent(minimum.currency);
}

/**
 * What a partner fills in when it registers: the customer (name, web domain, country, subdivision and
 * postal code, as partners know them: not always all), a contact there, the amount (above the program's
 * minimum, larger for bigger customers and partners), the expected close date, the products and often a
 * description.
 */
export function registrationDetails(
  assignment: Assignment,
  program: Program,
  expectedCloseDay: number,
  random: DemoRandom,
): RegistrationDetails {
  const { customer, partner } = assignment;
  const emailDomain = customer.domain ?? `${foldToAscii(customer.name).split(' ')[0] ?? 'customer'}-corp.com`;
  const contact = contactAt(customer.city, emailDomain, random);
  const scale = (customer.account?.dealSize ?? 1) * partner.dealSize * 1.4;
  const amount = dealAmount(program.currency, scale, random, minimumMajorAmount(program) * 1.05);
  const postalCode = customer.account?.record.postalCode;
  const details: RegistrationDetails = {
    customer: {
      name: customer.name,
      ...(customer.domain !== undefined && random.chance(0.8) ? { domain: customer.domain } : {}),
      country: customer.city.country,
      ...(random.chance(0.8) ? { subdivision: customer.city.subdivision } : {}),
      ...(postalCode !== undefined && random.chance(0.75) ? { postalCode } : {}),
    },
    contact: {
      name: contact.name,
      email: contact.email,
      ...(random.chance(0.7) ? { phone: contact.phone } : {}),
    },
    amount,
    expectedCloseDate: fromDayNumber(expectedCloseDay),
    products: assignment.products,
    ...(random.chance(0.6) ? { description: random.pick(TEXTS.descriptions) } : {}),
  };
  return details;
}

/** A draft the partner has not finished: without the amount, the close date or the contact's e-mail at times. */
export function unfinished(details: RegistrationDetails, random: DemoRandom): RegistrationDetails {
  const { amount, expectedCloseDate, ...rest } = details;
  const { email, ...contact } = details.contact;
  return {
    ...rest,
    contact: random.chance(0.15) || email === undefined ? contact : { ...contact, email },
    ...(amount !== undefined && random.chance(0.7) ? { amount } : {}),
    ...(expectedCloseDate !== undefined && random.chance(0.7) ? { expectedCloseDate } : {}),
  };
}

/**
 * The details after the partner edits them: a draft completed (the amount, the close date and the
 * contact's e-mail address filled in, the amount sometimes revised), or a registration sent back for
 * information answered in its description.
 */
export function editedDetails(
  details: RegistrationDetails,
  complete: RegistrationDetails,
  answer: boolean,
  random: DemoRandom,
): RegistrationDetails {
  if (answer) {
    const text = random.pick(TEXTS.infoAnswers);
    return { ...details, description: details.description ? `${details.description} ${text}` : text };
  }
  const amount = complete.amount && {
    ...complete.amount,
    amount: random.chance(0.3)
      ? Math.round((complete.amount.amount * random.int(97, 115)) / 100_000) * 1_000
      : complete.amount.amount,
  };
  return {
    ...details,
    contact: { ...details.contact, ...(complete.contact.email ? { email: complete.contact.email } : {}) },
    ...(amount ? { amount } : {}),
    ...(complete.expectedCloseDate ? { expectedCloseDate: complete.expectedCloseDate } : {}),
  };
}
