import type { RegistrationField } from '../../../program/schema/registration-policy.js';
import { details } from '../test-support/fixtures.js';
import { checkRequiredFields, REGISTRATION_FIELDS } from './required-fields.js';

const ALL = Object.keys(REGISTRATION_FIELDS) as RegistrationField[];

describe('required fields', () => {
  it('passes when every required field is filled in', () => {
    expect(checkRequiredFields(details, ALL)).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "missing": [],
      "required": [
        "customerName",
        "customerDomain",
        "customerCountry",
        "customerSubdivision",
        "customerPostalCode",
        "contactName",
        "contactEmail",
        "contactPhone",
        "amount",
        "expectedCloseDate",
        "products",
        "description",
      ],
    },
    "message": "All 12 fields the program requires are filled in.",
    "result": "pass",
    "rule": "required_fields",
  },
}
`);
  });

  it('names each missing field at its path, blank text counting as missing', () => {
    const sparse = {
      customer: { name: 'Acme Corp', domain: '  ' },
      contact: { email: 'jane@acme.com' },
      products: [],
    };
    expect(checkRequiredFields(sparse, ALL)).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "required_field_missing",
      "message": "The customer's web domain is required by the program.",
      "path": [
        "details",
        "customer",
        "domain",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The customer's country is required by the program.",
      "path": [
        "details",
        "customer",
        "country",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The customer's state or region is required by the program.",
      "path": [
        "details",
        "customer",
        "subdivision",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The customer's postal code is required by the program.",
      "path": [
        "details",
        "customer",
        "postalCode",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The contact's name is required by the program.",
      "path": [
        "details",
        "contact",
        "name",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The contact's phone number is required by the program.",
      "path": [
        "details",
        "contact",
        "phone",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The deal amount is required by the program.",
      "path": [
        "details",
        "amount",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "The expected close date is required by the program.",
      "path": [
        "details",
        "expectedCloseDate",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "At least one product is required by the program.",
      "path": [
        "details",
        "products",
      ],
    },
    {
      "code": "required_field_missing",
      "message": "A description is required by the program.",
      "path": [
        "details",
        "description",
      ],
    },
  ],
  "step": {
    "facts": {
      "missing": [
        "customerDomain",
        "customerCountry",
        "customerSubdivision",
        "customerPostalCode",
        "contactName",
        "contactPhone",
        "amount",
        "expectedCloseDate",
        "products",
        "description",
      ],
      "required": [
        "customerName",
        "customerDomain",
        "customerCountry",
        "customerSubdivision",
        "customerPostalCode",
        "contactName",
        "contactEmail",
        "contactPhone",
        "amount",
        "expectedCloseDate",
        "products",
        "description",
      ],
    },
    "message": "10 of the 12 required fields are missing: the customer's web domain, the customer's country, the customer's state or region, the customer's postal code, the contact's name, the contact's phone number, the deal amount, the expected close date, at least one product and a description.",
    "result": "fail",
    "rule": "required_fields",
  },
}
`);
  });

  it('asks only for what the program requires', () => {
    const sparse = { customer: { name: 'Acme Corp' }, contact: {}, products: ['platform'] };
    expect(checkRequiredFields(sparse, ['customerName', 'products']).step.result).toBe('pass');
    expect(checkRequiredFields(sparse, ['customerCountry']).issues).toMatchInlineSnapshot(`
[
  {
    "code": "required_field_missing",
    "message": "The customer's country is required by the program.",
    "path": [
      "details",
      "customer",
      "country",
    ],
  },
]
`);
  });

  it('does not apply when the program requires nothing', () => {
    expect(checkRequiredFields(details, []).step).toMatchInlineSnapshot(`
{
  "facts": {
    "missing": [],
    "required": [],
  },
  "message": "The program requires no fields.",
  "result": "skip",
  "rule": "required_fields",
}
`);
  });
});
