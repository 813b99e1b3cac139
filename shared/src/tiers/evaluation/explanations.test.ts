import type { DecisionTrace } from '../../trace/decision-trace.js';
import {
  certification,
  certifications,
  demoInputsFor,
  demoProgram,
  inputsOf,
  standingAt,
  wonDeal,
} from '../test-support/fixtures.js';
import { evaluatePartnerTier } from './evaluate-partner-tier.js';

const TODAY = '2026-11-24';
const demo = demoProgram();

/** A trace as a reader sees it: the summary, then each step's result, rule and sentence. */
function render(trace: DecisionTrace): string[] {
  return [trace.summary, ...trace.steps.map((step) => `${step.result} ${step.rule}: ${step.message}`)];
}

/** The tier part of a trace: without the specialization steps, which have their own test. */
function tierPart(trace: DecisionTrace): string[] {
  return render({ ...trace, steps: trace.steps.filter((step) => !step.rule.startsWith('specialization')) });
}

describe('explanations of tier proposals', () => {
  it('a Silver partner short of Gold: criteria met and unmet, actual against required, and the gap in words and numbers', () => {
    const inputs = inputsOf('p', {
      wonDeals: [
        wonDeal('p', '2026-03-02', 300_000),
        wonDeal('p', '2026-09-30', 158_000),
        wonDeal('p', '2025-11-24', 90_000),
      ],
      certifications: certifications('sales-professional', 2),
    });
    const proposal = evaluatePartnerTier(demo, standingAt('p', 'silver'), inputs, TODAY);
    expect(tierPart(proposal.trace)).toMatchInlineSnapshot(`
[
  "Keep Silver: it meets its criteria.",
  "fail tier_qualification: Does not qualify for Gold: meets none of its 3 conditions.",
  "fail tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 458,000.00 USD, 42,000.00 USD short.",
  "fail tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 2, 1 short.",
  "fail tier_criteria_group: Gold asks for any one of 2 conditions: 0 are met.",
  "fail tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 0, 1 short.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass tier_qualification: Qualifies for Silver: meets all 2 of its conditions.",
  "pass tier_criterion: Silver requires at least 100,000.00 USD of partner-sourced won revenue over the last 12 months: has 458,000.00 USD, which meets it.",
  "pass tier_criterion: Silver requires at least 1 unexpired certification of type "sales-professional": has 2, which meets it.",
  "pass movement: Meets the criteria of its current tier, Silver.",
  "info tier_gap: To reach Gold: 42,000.00 USD more partner-sourced won revenue over the last 12 months, 1 more unexpired certification of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months.",
]
`);
    expect(proposal.trace.steps.find((step) => step.rule === 'tier_gap')?.facts).toMatchInlineSnapshot(`
{
  "tierId": "gold",
  "toKeep": false,
  "unmet": [
    {
      "actual": {
        "amount": 45800000,
        "currency": "USD",
      },
      "criterion": "won_revenue",
      "met": false,
      "required": {
        "amount": 50000000,
        "currency": "USD",
      },
      "requirement": "at least 500,000.00 USD of partner-sourced won revenue over the last 12 months",
      "shortBy": {
        "amount": 4200000,
        "currency": "USD",
      },
      "window": {
        "from": "2025-11-25",
        "through": "2026-11-24",
      },
    },
    {
      "actual": 2,
      "criterion": "certifications",
      "met": false,
      "required": 3,
      "requirement": "at least 3 unexpired certifications of type "sales-professional"",
      "shortBy": 1,
      "window": null,
    },
    {
      "actual": 0,
      "criterion": "certifications",
      "met": false,
      "required": 1,
      "requirement": "at least 1 unexpired certification of type "technical-specialist"",
      "shortBy": 1,
      "window": null,
    },
    {
      "actual": 0,
      "criterion": "approved_registrations",
      "met": false,
      "required": 12,
      "requirement": "at least 12 approved deal registrations over the last 12 months",
      "shortBy": 12,
      "window": {
        "from": "2025-11-25",
        "through": "2026-11-24",
      },
    },
  ],
  "words": "42,000.00 USD more partner-sourced won revenue over the last 12 months, 1 more unexpired certification of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months",
}
`);
  });

  it('an upgrade', () => {
    const proposal = evaluatePartnerTier(demo, standingAt('p', 'registered'), demoInputsFor('p', 'gold'), TODAY);
    expect(tierPart(proposal.trace)).toMatchInlineSnapshot(`
[
  "Upgrade from Registered to Gold on 2026-11-24: it meets the criteria of Gold.",
  "fail tier_qualification: Does not qualify for Platinum: meets none of its 4 conditions.",
  "fail tier_criterion: Platinum requires at least 2,000,000.00 USD of partner-sourced won revenue over the last 12 months: has 500,000.00 USD, 1,500,000.00 USD short.",
  "fail tier_criterion: Platinum requires at least 6 unexpired certifications of type "sales-professional": has 3, 3 short.",
  "fail tier_criterion: Platinum requires at least 2 unexpired certifications of type "technical-specialist": has 1, 1 short.",
  "fail tier_criterion: Platinum requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has no scores yet.",
  "pass tier_qualification: Qualifies for Gold: meets all 3 of its conditions.",
  "pass tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 500,000.00 USD, which meets it.",
  "pass tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 3, which meets it.",
  "pass tier_criteria_group: Gold asks for any one of 2 conditions: 1 is met.",
  "pass tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 1, which meets it.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass movement: Qualifies for Gold, above its current tier (Registered): upgrade.",
  "info effective_date: Upgrades take effect immediately: on 2026-11-24.",
  "info approval: Upgrades are approved automatically.",
  "info tier_gap: To reach Platinum: 1,500,000.00 USD more partner-sourced won revenue over the last 12 months, 3 more unexpired certifications of type "sales-professional", 1 more unexpired certification of type "technical-specialist" and customer satisfaction scores averaging at least 85 in the last completed fiscal quarter (none yet).",
]
`);
  });

  it('a hold in grace', () => {
    const proposal = evaluatePartnerTier(
      demo,
      standingAt('p', 'gold', { graceSince: '2026-08-15' }),
      demoInputsFor('p', 'silver'),
      TODAY,
    );
    expect(tierPart(proposal.trace)).toMatchInlineSnapshot(`
[
  "Hold Gold in grace (evaluation period 2 of 2): it qualifies for Silver.",
  "fail tier_qualification: Does not qualify for Gold: meets none of its 3 conditions.",
  "fail tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 400,000.00 USD short.",
  "fail tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 1, 2 short.",
  "fail tier_criteria_group: Gold asks for any one of 2 conditions: 0 are met.",
  "fail tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 0, 1 short.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass tier_qualification: Qualifies for Silver: meets all 2 of its conditions.",
  "pass tier_criterion: Silver requires at least 100,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, which meets it.",
  "pass tier_criterion: Silver requires at least 1 unexpired certification of type "sales-professional": has 1, which meets it.",
  "info grace_period: Below Gold since 2026-08-15: evaluation period 2 of 2 of its grace period, so it keeps Gold.",
  "info tier_gap: To keep Gold: 400,000.00 USD more partner-sourced won revenue over the last 12 months, 2 more unexpired certifications of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months.",
]
`);
  });

  it('a downgrade once grace is over', () => {
    const proposal = evaluatePartnerTier(
      demo,
      standingAt('p', 'platinum', { graceSince: '2026-05-10' }),
      demoInputsFor('p', 'silver'),
      TODAY,
    );
    expect(tierPart(proposal.trace)).toMatchInlineSnapshot(`
[
  "Downgrade from Platinum to Gold on 2027-02-01: it has been below Platinum for longer than its grace period of 2 evaluation periods and qualifies for Silver.",
  "fail tier_qualification: Does not qualify for Platinum: meets none of its 4 conditions.",
  "fail tier_criterion: Platinum requires at least 2,000,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 1,900,000.00 USD short.",
  "fail tier_criterion: Platinum requires at least 6 unexpired certifications of type "sales-professional": has 1, 5 short.",
  "fail tier_criterion: Platinum requires at least 2 unexpired certifications of type "technical-specialist": has 0, 2 short.",
  "fail tier_criterion: Platinum requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has no scores yet.",
  "fail tier_qualification: Does not qualify for Gold: meets none of its 3 conditions.",
  "fail tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 400,000.00 USD short.",
  "fail tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 1, 2 short.",
  "fail tier_criteria_group: Gold asks for any one of 2 conditions: 0 are met.",
  "fail tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 0, 1 short.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass tier_qualification: Qualifies for Silver: meets all 2 of its conditions.",
  "pass tier_criterion: Silver requires at least 100,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, which meets it.",
  "pass tier_criterion: Silver requires at least 1 unexpired certification of type "sales-professional": has 1, which meets it.",
  "fail grace_period: Below Platinum since 2026-05-10, for 3 evaluation periods: longer than its grace period of 2 evaluation periods.",
  "info downgrade_step: Downgrades go one rank at a time: from Platinum to Gold.",
  "info effective_date: Downgrades take effect at the start of the next evaluation period: on 2027-02-01.",
  "info approval: Downgrades wait for a channel manager's approval.",
  "info tier_gap: To keep Gold: 400,000.00 USD more partner-sourced won revenue over the last 12 months, 2 more unexpired certifications of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months.",
]
`);
  });

  it('a downgrade on probation', () => {
    const standing = standingAt('p', 'gold', { reachedBy: 'upgrade', since: '2026-11-01' });
    const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'silver'), TODAY);
    expect(tierPart(proposal.trace)).toMatchInlineSnapshot(`
[
  "Downgrade from Gold to Silver on 2027-02-01: it fell short of Gold during its probation and qualifies for Silver.",
  "fail tier_qualification: Does not qualify for Gold: meets none of its 3 conditions.",
  "fail tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 400,000.00 USD short.",
  "fail tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 1, 2 short.",
  "fail tier_criteria_group: Gold asks for any one of 2 conditions: 0 are met.",
  "fail tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 0, 1 short.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass tier_qualification: Qualifies for Silver: meets all 2 of its conditions.",
  "pass tier_criterion: Silver requires at least 100,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, which meets it.",
  "pass tier_criterion: Silver requires at least 1 unexpired certification of type "sales-professional": has 1, which meets it.",
  "fail probation: On probation since its upgrade to Gold on 2026-11-01, for 1 more evaluation period: no grace period applies, and it qualifies for Silver.",
  "info downgrade_step: Downgrades go one rank at a time: from Gold to Silver.",
  "info effective_date: Downgrades take effect at the start of the next evaluation period: on 2027-02-01.",
  "info approval: Downgrades wait for a channel manager's approval.",
  "info tier_gap: To reach Gold: 400,000.00 USD more partner-sourced won revenue over the last 12 months, 2 more unexpired certifications of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months.",
]
`);
  });

  it('an override in force, and an expired one', () => {
    const override = {
      setOn: '2026-10-01',
      expiresOn: '2027-01-01',
      reason: 'Launch partner for the new region',
      by: 'u-7',
    };
    const inForce = evaluatePartnerTier(
      demo,
      standingAt('p', 'platinum', { override }),
      demoInputsFor('p', 'platinum'),
      TODAY,
    );
    const expired = evaluatePartnerTier(
      demo,
      standingAt('p', 'platinum', { override: { ...override, expiresOn: '2026-11-01' } }),
      demoInputsFor('p', 'silver'),
      TODAY,
    );
    expect(tierPart(inForce.trace)).toMatchInlineSnapshot(`
[
  "Keep Platinum, set by override until 2027-01-01.",
  "pass tier_qualification: Qualifies for Platinum: meets all 4 of its conditions.",
  "pass tier_criterion: Platinum requires at least 2,000,000.00 USD of partner-sourced won revenue over the last 12 months: has 2,000,000.00 USD, which meets it.",
  "pass tier_criterion: Platinum requires at least 6 unexpired certifications of type "sales-professional": has 6, which meets it.",
  "pass tier_criterion: Platinum requires at least 2 unexpired certifications of type "technical-specialist": has 2, which meets it.",
  "pass tier_criterion: Platinum requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has an average of 90, which meets it.",
  "info override: Platinum was set by u-7 on 2026-10-01 until 2027-01-01 ("Launch partner for the new region"): no move is proposed while the override is in force.",
  "info tier_gap: Platinum is the highest tier: there is no tier above it.",
]
`);
    expect(tierPart(expired.trace)).toMatchInlineSnapshot(`
[
  "Downgrade from Platinum to Silver on 2026-11-24: the override expired on 2026-11-01 and it qualifies for Silver.",
  "fail tier_qualification: Does not qualify for Platinum: meets none of its 4 conditions.",
  "fail tier_criterion: Platinum requires at least 2,000,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 1,900,000.00 USD short.",
  "fail tier_criterion: Platinum requires at least 6 unexpired certifications of type "sales-professional": has 1, 5 short.",
  "fail tier_criterion: Platinum requires at least 2 unexpired certifications of type "technical-specialist": has 0, 2 short.",
  "fail tier_criterion: Platinum requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has no scores yet.",
  "fail tier_qualification: Does not qualify for Gold: meets none of its 3 conditions.",
  "fail tier_criterion: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, 400,000.00 USD short.",
  "fail tier_criterion: Gold requires at least 3 unexpired certifications of type "sales-professional": has 1, 2 short.",
  "fail tier_criteria_group: Gold asks for any one of 2 conditions: 0 are met.",
  "fail tier_criterion: Gold requires at least 1 unexpired certification of type "technical-specialist": has 0, 1 short.",
  "fail tier_criterion: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
  "pass tier_qualification: Qualifies for Silver: meets all 2 of its conditions.",
  "pass tier_criterion: Silver requires at least 100,000.00 USD of partner-sourced won revenue over the last 12 months: has 100,000.00 USD, which meets it.",
  "pass tier_criterion: Silver requires at least 1 unexpired certification of type "sales-professional": has 1, which meets it.",
  "info override: The override to Platinum expired on 2026-11-01: the partner returns to the tier it qualifies for, Silver, at once and without grace or probation.",
  "info approval: Downgrades wait for a channel manager's approval.",
  "info tier_gap: To reach Gold: 400,000.00 USD more partner-sourced won revenue over the last 12 months, 2 more unexpired certifications of type "sales-professional" and either 1 more unexpired certification of type "technical-specialist" or 12 more approved deal registrations over the last 12 months.",
]
`);
  });

  it('revenue in another currency, left out and reported', () => {
    const inputs = demoInputsFor('p', 'silver');
    inputs.wonDeals.push(
      wonDeal('p', '2026-06-02', 600_000, { currency: 'EUR' }),
      wonDeal('p', '2026-06-03', 1_000, { currency: 'EUR' }),
    );
    const proposal = evaluatePartnerTier(demo, standingAt('p', 'silver'), inputs, TODAY);
    expect(render(proposal.trace).slice(0, 2)).toMatchInlineSnapshot(`
[
  "Keep Silver: it meets its criteria.",
  "fail data_issue: 2 won deals in EUR were left out of won revenue: the program counts revenue in USD and does not convert currencies.",
]
`);
  });

  it('specializations: awarded, refused below their minimum tier, kept in grace, lost', () => {
    const inputs = inputsOf('p', {
      certifications: [
        certification('cloud-architect'),
        certification('cloud-architect'),
        certification('analyst', '2025-01-15', null, 'insights'),
        certification('analyst', '2025-01-15', null, 'insights'),
      ],
      wonDeals: [
        wonDeal('p', '2026-01-10', 1_000),
        wonDeal('p', '2026-02-10', 1_000),
        wonDeal('p', '2026-03-10', 1_000),
      ],
    });
    const held = [{ specializationId: 'security', since: '2025-06-01', graceSince: null }];
    const registered = evaluatePartnerTier(
      demo,
      standingAt('p', 'registered', { specializations: held }),
      inputs,
      TODAY,
    );
    const lapsed = [{ specializationId: 'security', since: '2025-06-01', graceSince: '2026-08-03' }];
    const silver = evaluatePartnerTier(
      demo,
      standingAt('p', 'silver', { specializations: lapsed }),
      demoInputsFor('p', 'silver'),
      TODAY,
    );
    const steps = (trace: DecisionTrace) =>
      trace.steps.filter((step) => step.rule === 'specialization').map((step) => `${step.result}: ${step.message}`);
    expect([registered.trace.summary, ...steps(registered.trace)]).toMatchInlineSnapshot(`
[
  "Keep Registered: it meets its criteria; awards Data & Analytics.",
  "fail: Meets the criteria of Cloud Migration, which requires at least Silver: not awarded.",
  "info: Keeps Security in grace (evaluation period 1 of 1): its only condition is unmet.",
  "pass: Awarded Data & Analytics: meets 1 of its 2 alternative conditions.",
]
`);
    expect([silver.trace.summary, ...steps(silver.trace)]).toMatchInlineSnapshot(`
[
  "Keep Silver: it meets its criteria; removes Security.",
  "fail: Does not qualify for Cloud Migration: meets none of its 2 conditions.",
  "fail: Loses Security: below its criteria for 2 evaluation periods, longer than its grace period of 1.",
  "fail: Does not qualify for Data & Analytics: meets none of its 2 alternative conditions.",
]
`);
    expect(registered.plan.specializations).toEqual({
      award: ['data-analytics'],
      remove: [],
      startGrace: ['security'],
      endGrace: [],
    });
    expect(silver.plan.specializations).toEqual({ award: [], remove: ['security'], startGrace: [], endGrace: [] });
  });
});
