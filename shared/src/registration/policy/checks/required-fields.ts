import type { RegistrationField } from '../../../program/schema/registration-policy.js';
import { issue, type IssuePath } from '../../../result/issue.js';
import type { RegistrationDetails } from '../../registration.js';
import { count, failed, joinAnd, passed, skipped, type PolicyCheck } from '../policy-check.js';

interface FieldDescription {
  path: IssuePath;
  /** The field as a sentence names it. */
  label: string;
  isFilled: (details: RegistrationDetails) => boolean;
}

const filled = (text: string | undefined) => text !== undefined && text.trim() !== '';

/** Where each field a policy can require lives in a registration, and how a message names it. */
export const REGISTRATION_FIELDS: Readonly<Record<RegistrationField, FieldDescription>> = {
  customerName: {
    path: ['details', 'customer', 'name'],
    label: "the customer's name",
    isFilled: (details) => filled(details.customer.name),
  },
  customerDomain: {
    path: ['details', 'customer', 'domain'],
    label: "the customer's web domain",
    isFilled: (details) => filled(details.customer.domain),
  },
  customerCountry: {
    path: ['details', 'customer', 'country'],
    label: "the customer's country",
    isFilled: (details) => filled(details.customer.country),
  },
  customerSubdivision: {
    path: ['details', 'customer', 'subdivision'],
    label: "the customer's state or region",
    isFilled: (details) => filled(details.customer.subdivision),
  },
  customerPostalCode: {
    path: ['details', 'customer', 'postalCode'],
    label: "the customer's postal code",
    isFilled: (details) => filled(details.customer.postalCode),
  },
  contactName: {
    path: ['details', 'contact', 'name'],
    label: "the contact's name",
    isFilled: (details) => filled(details.contact.name),
  },
  contactEmail: {
    path: ['details', 'contact', 'email'],
    label: "the contact's e-mail address",
    isFilled: (details) => filled(details.contact.email),
  },
  contactPhone: {
    path: ['details', 'contact', 'phone'],
    label: "the contact's phone number",
    isFilled: (details) => filled(details.contact.phone),
  },
  amount: {
    path: ['details', 'amount'],
    label: 'the deal amount',
    isFilled: (details) => details.amount !== undefined,
  },
  expectedCloseDate: {
    path: ['details', 'expectedCloseDate'],
    label: 'the expected close date',
    isFilled: (details) => details.expectedCloseDate !== undefined,
  },
  products: {
    path: ['details', 'products'],
    label: 'at least one product',
    isFilled: (details) => details.products.length > 0,
  },
  description: {
    path: ['details', 'description'],
    label: 'a description',
    isFilled: (details) => filled(details.description),
  },
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The fields the program requires (`registration.requiredFields`) are filled in; blank text counts as
 * missing. Each missing field is an issue `required_field_missing` at its path in the registration, e.g.
 * `['details', 'customer', 'country']`.
 */
export function checkRequiredFields(details: RegistrationDetails, required: readonly RegistrationField[]): PolicyCheck {
  const missing = required.filter((field) => !REGISTRATION_FIELDS[field].isFilled(details));
  const facts = { required: [...required], missing };
  if (required.length === 0) return skipped('required_fields', 'The program requires no fields.', facts);
  if (missing.length === 0) {
    return passed(
      'required_fields',
      `All ${count(required.length, 'field')} the program requires are filled in.`,
      facts,
    );
  }
  const labels = missing.map((field) => REGISTRATION_FIELDS[field].label);
  return failed(
    'required_fields',
    `${missing.length} of the ${count(required.length, 'required field')} ${missing.length === 1 ? 'is' : 'are'} missing: ${joinAnd(labels)}.`,
    facts,
    missing.map((field) =>
      issue(
        REGISTRATION_FIELDS[field].path,
        'required_field_missing',
        `${capitalized(REGISTRATION_FIELDS[field].label)} is required by the program.`,
      ),
    ),
  );
}
