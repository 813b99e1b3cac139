import { details } from '../test-support/fixtures.js';
import { checkMinimumAmount } from './minimum-amount.js';

const minimum = { amount: 1_000_000, currency: 'USD' };

describe('minimum amount', () => {
  it('passes an amount at or above the minimum', () => {
    expect(checkMinimumAmount(details, minimum)).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "amount": {
        "amount": 2500000,
        "currency": "USD",
      },
      "minimum": {
        "amount": 1000000,
        "currency": "USD",
      },
    },
    "message": "The deal amount, 25,000.00 USD, meets the program's minimum of 10,000.00 USD.",
    "result": "pass",
    "rule": "minimum_amount",
  },
}
`);
    expect(
      checkMinimumAmount({ ...details, amount: { amount: 1_000_000, currency: 'USD' } }, minimum).step.result,
    ).toBe('pass');
  });

  it('refuses an amount below the minimum', () => {
    expect(checkMinimumAmount({ ...details, amount: { amount: 999_999, currency: 'USD' } }, minimum))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "below_minimum_amount",
      "message": "The deal amount, 9,999.99 USD, is below the program's minimum of 10,000.00 USD.",
      "path": [
        "details",
        "amount",
      ],
    },
  ],
  "step": {
    "facts": {
      "amount": {
        "amount": 999999,
        "currency": "USD",
      },
      "minimum": {
        "amount": 1000000,
        "currency": "USD",
      },
    },
    "message": "The deal amount, 9,999.99 USD, is below the program's minimum of 10,000.00 USD.",
    "result": "fail",
    "rule": "minimum_amount",
  },
}
`);
  });

  it('refuses an amount in another currency without converting it', () => {
    expect(checkMinimumAmount({ ...details, amount: { amount: 500_000_000, currency: 'EUR' } }, minimum).issues)
      .toMatchInlineSnapshot(`
[
  {
    "code": "currency_mismatch",
    "message": "The deal amount is in EUR, but the program's minimum is in USD; state the amount in USD.",
    "path": [
      "details",
      "amount",
      "currency",
    ],
  },
]
`);
  });

  it('does not apply without a minimum or without an amount', () => {
    expect(checkMinimumAmount(details, null).step).toMatchInlineSnapshot(`
{
  "facts": {
    "amount": {
      "amount": 2500000,
      "currency": "USD",
    },
    "minimum": null,
  },
  "message": "The program sets no minimum deal size.",
  "result": "skip",
  "rule": "minimum_amount",
}
`);
    const { amount: _amount, ...withoutAmount } = details;
    expect(checkMinimumAmount(withoutAmount, minimum).step).toMatchInlineSnapshot(`
{
  "facts": {
    "amount": null,
    "minimum": {
      "amount": 1000000,
      "currency": "USD",
    },
  },
  "message": "No deal amount is given, so the minimum of 10,000.00 USD is not checked.",
  "result": "skip",
  "rule": "minimum_amount",
}
`);
  });
});
