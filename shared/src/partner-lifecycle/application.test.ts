import { applyToProgram } from './application.js';
import { PartnerLifecycleEffectSchema } from './lifecycle-effect.js';
import { PartnerLifecycleSchema } from './record/partner-lifecycle.js';
import { accepted, at, demoProgram } from './test-support/fixtures.js';

describe('applying to the program', () => {
  const program = demoProgram();

  it('creates an applicant, sets the CRM status and tells the channel managers', () => {
    const { next, effects, trace } = accepted(
      applyToProgram(
        { partnerId: 'p-1', partnerName: 'Northwind Systems', submittedBy: 'contact-9' },
        { program, now: at('2026-11-02') },
      ),
    );

    expect(PartnerLifecycleSchema.parse(next)).toEqual(next);
    expect(next).toMatchInlineSnapshot(`
{
  "appliedAt": "2026-11-02T15:00:00.000Z",
  "history": [
    {
      "at": "2026-11-02T15:00:00.000Z",
      "by": {
        "kind": "user",
        "userId": "contact-9",
      },
      "reason": null,
      "status": "applicant",
    },
  ],
  "partnerId": "p-1",
  "partnerName": "Northwind Systems",
  "status": "applicant",
  "version": 0,
}
`);
    expect(effects.map((effect) => PartnerLifecycleEffectSchema.parse(effect))).toMatchInlineSnapshot(`
[
  {
    "partnerId": "p-1",
    "status": "applicant",
    "type": "set_partner_status",
  },
  {
    "message": "Northwind Systems (p-1) applied to Conduit Partner Network.",
    "notice": "application_received",
    "partnerId": "p-1",
    "recipient": "channel_manager",
    "type": "notify",
  },
]
`);
    expect(trace.summary).toMatchInlineSnapshot(`"Northwind Systems (p-1) applied to Conduit Partner Network."`);
  });

  it('refuses an application without a name, with the issue at its field', () => {
    const result = applyToProgram(
      { partnerId: 'p-1', partnerName: '  ', submittedBy: 'contact-9' },
      { program, now: at('2026-11-02') },
    );

    expect(!result.success && result.issues).toMatchInlineSnapshot(`
[
  {
    "code": "blank",
    "message": "partnerName must not be blank.",
    "path": [
      "partnerName",
    ],
  },
]
`);
  });
});
