import { partner, program, programWith } from '../test-support/fixtures.js';
import { checkRegistrationCap } from './registration-cap.js';

// Demo tier caps: Registered 5, Silver 15, Gold 40, Platinum none; the program sets no cap of its own.
describe('registration cap', () => {
  it('passes while the partner stays within its tier cap, this registration counted', () => {
    expect(checkRegistrationCap(partner({ tierId: 'registered' }), program(), 4)).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "afterSubmission": 5,
      "openRegistrations": 4,
      "programCap": null,
      "tierCap": 5,
      "tierId": "registered",
    },
    "message": "Northwind Systems holds 4 open registrations; with this one it has 5 of the 5 its Registered tier allows.",
    "result": "pass",
    "rule": "registration_cap",
  },
}
`);
  });

  it('refuses the registration that would exceed the tier cap', () => {
    expect(checkRegistrationCap(partner({ tierId: 'registered' }), program(), 5)).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "registration_cap_reached",
      "message": "Northwind Systems holds 5 open registrations, and its Registered tier allows 5 at once; this one would make 6.",
      "path": [
        "partnerId",
      ],
    },
  ],
  "step": {
    "facts": {
      "afterSubmission": 6,
      "openRegistrations": 5,
      "programCap": null,
      "tierCap": 5,
      "tierId": "registered",
    },
    "message": "Northwind Systems holds 5 open registrations, and its Registered tier allows 5 at once; this one would make 6.",
    "result": "fail",
    "rule": "registration_cap",
  },
}
`);
  });

  it('applies the program cap when it is lower than the tier cap', () => {
    const capped = programWith({ maxOpenPerPartner: 3 });
    expect(checkRegistrationCap(partner({ tierId: 'silver' }), capped, 3).issues).toMatchInlineSnapshot(`
[
  {
    "code": "registration_cap_reached",
    "message": "Northwind Systems holds 3 open registrations, and the program allows 3 at once; this one would make 4.",
    "path": [
      "partnerId",
    ],
  },
]
`);
    expect(checkRegistrationCap(partner({ tierId: 'silver' }), capped, 2).step.result).toBe('pass');
  });

  it('does not apply when neither the tier nor the program caps open registrations', () => {
    expect(checkRegistrationCap(partner({ tierId: 'platinum' }), program(), 500).step).toMatchInlineSnapshot(`
{
  "facts": {
    "afterSubmission": 501,
    "openRegistrations": 500,
    "programCap": null,
    "tierCap": null,
    "tierId": "platinum",
  },
  "message": "Northwind Systems holds 500 open registrations; no cap on open registrations applies.",
  "result": "skip",
  "rule": "registration_cap",
}
`);
    expect(checkRegistrationCap(partner({ tierId: null }), program(), 500).step.result).toBe('skip');
  });

  it('says so when the partner tier is not in the program, and applies the program cap alone', () => {
    const capped = programWith({ maxOpenPerPartner: 10 });
    expect(checkRegistrationCap(partner({ tierId: 'bronze' }), capped, 2).step.message).toMatchInlineSnapshot(
      `"Northwind Systems holds 2 open registrations; with this one it has 3 of the 10 the program allows (its tier "bronze" is not in the program, so no tier cap applies)."`,
    );
  });

  it('treats a count that is not a whole number of registrations as a bug', () => {
    expect(() => checkRegistrationCap(partner(), program(), -1)).toThrow('whole number');
    expect(() => checkRegistrationCap(partner(), program(), 1.5)).toThrow('whole number');
  });
});
