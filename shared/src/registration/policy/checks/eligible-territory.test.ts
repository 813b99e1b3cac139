import { checkEligibleTerritory } from './eligible-territory.js';

const acme = { name: 'Acme Corp' };

describe('eligible territory', () => {
  it('passes a customer in a listed country', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'DE' }, ['US', 'DE'])).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "country": "DE",
      "eligible": [
        "US",
        "DE",
      ],
      "subdivision": null,
    },
    "message": "The customer's territory, DE, is eligible.",
    "result": "pass",
    "rule": "eligible_territory",
  },
}
`);
  });

  it('passes a customer in a subdivision of a listed country', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'US', subdivision: 'US-CA' }, ['US', 'DE']).step)
      .toMatchInlineSnapshot(`
{
  "facts": {
    "country": "US",
    "eligible": [
      "US",
      "DE",
    ],
    "subdivision": "US-CA",
  },
  "message": "The customer's territory, US-CA, is eligible (US is listed).",
  "result": "pass",
  "rule": "eligible_territory",
}
`);
  });

  it('passes a customer in a listed subdivision, and finds the country from the subdivision', () => {
    expect(checkEligibleTerritory({ ...acme, subdivision: 'US-CA' }, ['US-CA', 'US-NY']).step).toMatchInlineSnapshot(`
{
  "facts": {
    "country": "US",
    "eligible": [
      "US-CA",
      "US-NY",
    ],
    "subdivision": "US-CA",
  },
  "message": "The customer's territory, US-CA, is eligible.",
  "result": "pass",
  "rule": "eligible_territory",
}
`);
  });

  it('refuses a customer in an unlisted subdivision of a country only partly listed', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'US', subdivision: 'US-TX' }, ['US-CA', 'US-NY']))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "territory_not_eligible",
      "message": "The customer's territory, US-TX, is not eligible; the program accepts US-CA and US-NY.",
      "path": [
        "details",
        "customer",
        "subdivision",
      ],
    },
  ],
  "step": {
    "facts": {
      "country": "US",
      "eligible": [
        "US-CA",
        "US-NY",
      ],
      "subdivision": "US-TX",
    },
    "message": "The customer's territory, US-TX, is not eligible; the program accepts US-CA and US-NY.",
    "result": "fail",
    "rule": "eligible_territory",
  },
}
`);
  });

  it('asks for the state or region when only parts of the country are listed', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'US' }, ['US-CA', 'US-NY']).issues).toMatchInlineSnapshot(`
[
  {
    "code": "territory_not_eligible",
    "message": "Only parts of US are eligible (US-CA and US-NY); give the customer's state or region.",
    "path": [
      "details",
      "customer",
      "subdivision",
    ],
  },
]
`);
  });

  it('refuses a customer in an unlisted country', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'JP' }, ['US', 'DE']).issues).toMatchInlineSnapshot(`
[
  {
    "code": "territory_not_eligible",
    "message": "The customer's territory, JP, is not eligible; the program accepts US and DE.",
    "path": [
      "details",
      "customer",
      "country",
    ],
  },
]
`);
  });

  it('refuses a subdivision outside the customer country', () => {
    expect(checkEligibleTerritory({ ...acme, country: 'DE', subdivision: 'US-CA' }, ['US', 'DE']).issues)
      .toMatchInlineSnapshot(`
[
  {
    "code": "territory_mismatch",
    "message": "The customer's state or region, US-CA, is not in its country, DE.",
    "path": [
      "details",
      "customer",
      "subdivision",
    ],
  },
]
`);
  });

  it('passes every customer when every territory is eligible, and does not apply without a country', () => {
    expect(checkEligibleTerritory(acme, 'all').step.result).toBe('pass');
    expect(checkEligibleTerritory(acme, ['US']).step).toMatchInlineSnapshot(`
{
  "facts": {
    "country": null,
    "eligible": [
      "US",
    ],
    "subdivision": null,
  },
  "message": "The customer's country is not given, so its territory is not checked.",
  "result": "skip",
  "rule": "eligible_territory",
}
`);
  });
});
