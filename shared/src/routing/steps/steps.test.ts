import { routeLead } from '../route-leads.js';
import { emptyRoutingState } from '../state/routing-state.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { referenceFinalists } from '../test-support/reference-eligibility.js';
import { bareLead, throughStep } from '../test-support/step-world.js';

describe('routing steps', () => {
  describe('partner_status', () => {
    it('keeps active partners, and onboarding ones only where the program allows them', () => {
      const activeOnly = throughStep(step('partner_status', true, { allow: ['active'] }), bareLead('l1'));
      const withOnboarding = throughStep(
        step('partner_status', true, { allow: ['active', 'onboarding'] }),
        bareLead('l1'),
      );

      expect(activeOnly.kept).toEqual(['munich', 'berlin', 'paris']);
      expect(withOnboarding.kept).toEqual(['munich', 'berlin', 'paris', 'hamburg']);
      expect(withOnboarding.line.message).toMatchInlineSnapshot(
        `"partner-status (status active or onboarding): 4 of 4 partners remain."`,
      );
    });

    it('can prefer onboarding partners where allowed; without a step allowing them they never receive leads', () => {
      const onboardingFirst = throughStep(step('partner_status', false, { allow: ['onboarding'] }), bareLead('l1'), {
        onboarding: true,
      });
      const noStatusStep = throughStep(
        step('territory', true, { match: 'country' }),
        bareLead('l2', { country: 'DE' }),
      );

      expect(onboardingFirst.kept).toEqual(['hamburg']);
      expect(noStatusStep.kept).toEqual(['berlin']);
      expect(noStatusStep.trace.steps[0]!.message).toMatchInlineSnapshot(
        `"3 of 4 partners can take this lead: 1 is not active."`,
      );
    });
  });

  describe('territory', () => {
    const country = step('territory', true, { match: 'country' });
    const subdivision = step('territory', true, { match: 'subdivision' });

    it('matches the country with partners covering all of it or the lead’s own subdivision', () => {
      const inBavaria = throughStep(country, bareLead('l1', { country: 'DE', subdivision: 'DE-BY' }));
      const inBerlin = throughStep(country, bareLead('l2', { country: 'DE', subdivision: 'DE-BE' }));
      const subdivisionOnly = throughStep(country, bareLead('l3', { subdivision: 'FR-IDF' }));

      expect(inBavaria.kept).toEqual(['munich', 'berlin']);
      expect(inBerlin.kept).toEqual(['berlin']);
      expect(subdivisionOnly.kept).toEqual(['paris']);
      expect(inBavaria.line.message).toMatchInlineSnapshot(
        `"territory (DE, or all of DE-BY): 2 of 3 partners remain."`,
      );
    });

    it('matches the subdivision with partners covering that subdivision', () => {
      const inBavaria = throughStep(subdivision, bareLead('l1', { country: 'DE', subdivision: 'DE-BY' }));

      expect(inBavaria.kept).toEqual(['munich']);
      expect(inBavaria.line).toMatchInlineSnapshot(`
{
  "facts": {
    "after": 1,
    "before": 3,
    "matchedOn": "DE-BY",
    "required": true,
    "step": "territory",
  },
  "message": "territory (DE-BY): 1 of 3 partners remain.",
  "result": "pass",
  "rule": "territory",
}
`);
    });

    it('leaves nobody when the lead has no territory, which a required step turns into the queue', () => {
      const nowhere = throughStep(country, bareLead('l1'));

      expect(nowhere.line.result).toBe('fail');
      expect(nowhere.trace.outcome).toBe('queued');
      expect(nowhere.line.message).toMatchInlineSnapshot(
        `"territory (the lead has no country): none of the 3 partners qualifies, and the step is required."`,
      );
      expect(nowhere.trace.summary).toMatchInlineSnapshot(
        `"Queued in "Channel desk": no partner passed the required step "territory"."`,
      );
    });
  });

  describe('postal_prefix', () => {
    const postal = step('postal_prefix', false, {});

    it('keeps partners with a prefix that starts the postal code, ignoring case, spaces and hyphens', () => {
      expect(throughStep(postal, bareLead('l1', { postalCode: '80331' })).kept).toEqual(['munich']);
      expect(throughStep(postal, bareLead('l2', { postalCode: '1 0-115' })).kept).toEqual(['berlin']);
      expect(throughStep(postal, bareLead('l3', { postalCode: '75001' })).line.message).toMatchInlineSnapshot(
        `"postal-prefix (postal code 75001): 1 of 3 partners remain."`,
      );
    });

    it('is skipped, when optional, if no prefix starts the code', () => {
      const unknown = throughStep(postal, bareLead('l1', { postalCode: '99999' }));

      expect(unknown.line.result).toBe('skip');
      expect(unknown.kept).toEqual(['munich', 'berlin', 'paris']);
      expect(unknown.line.message).toMatchInlineSnapshot(
        `"postal-prefix (postal code 99999): none of the 3 partners qualifies, so this optional step is skipped."`,
      );
    });
  });

  describe('distance', () => {
    const nearby = step('distance', false, { initialRadiusKm: 50, growthFactor: 2, maxRadiusKm: 400 });

    it('keeps the partners within the initial radius when someone is there', () => {
      const nearMunich = throughStep(nearby, bareLead('l1', { location: { lat: 48.2, lon: 11.6 } }));

      expect(nearMunich.kept).toEqual(['munich']);
      expect(nearMunich.line).toMatchInlineSnapshot(`
{
  "facts": {
    "after": 1,
    "before": 3,
    "matchedOn": 50,
    "required": false,
    "step": "distance",
  },
  "message": "distance (within 50 km; nearest at 7.2 km): 1 of 3 partners remain.",
  "result": "pass",
  "rule": "distance",
}
`);
    });

    it('widens the radius by the growth factor until someone is within it', () => {
      const inNuremberg = throughStep(nearby, bareLead('l1', { location: { lat: 49.45, lon: 11.08 } }));

      expect(inNuremberg.kept).toEqual(['munich']);
      expect(inNuremberg.line.facts.matchedOn).toBe(200);
      expect(inNuremberg.line.message).toMatchInlineSnapshot(
        `"distance (within 200 km, widened from 50 km; nearest at 150.4 km): 1 of 3 partners remain."`,
      );
    });

    it('gives up at the maximum radius, and without a location', () => {
      const inLisbon = throughStep(nearby, bareLead('l1', { location: { lat: 38.72, lon: -9.14 } }));
      const unlocated = throughStep(nearby, bareLead('l2'));

      expect(inLisbon.line.result).toBe('skip');
      expect(inLisbon.line.message).toMatchInlineSnapshot(
        `"distance (nobody within 400 km): none of the 3 partners qualifies, so this optional step is skipped."`,
      );
      expect(unlocated.line.message).toMatchInlineSnapshot(
        `"distance (the lead has no location): none of the 3 partners qualifies, so this optional step is skipped."`,
      );
    });
  });

  describe('industry, language and specialization', () => {
    it('match the lead’s own value', () => {
      expect(throughStep(step('industry', true, {}), bareLead('l1', { industry: 'finance' })).kept).toEqual(['berlin']);
      expect(throughStep(step('language', true, {}), bareLead('l1', { language: 'en' })).kept).toEqual(['berlin']);
      expect(
        throughStep(step('specialization', true, {}), bareLead('l1', { specializationId: 'security' })).kept,
      ).toEqual(['munich']);
    });

    it('match a fixed list of specializations whatever the lead', () => {
      const listed = throughStep(
        step('specialization', true, { specializationIds: ['security', 'cloud-migration'] }),
        bareLead('l1'),
      );

      expect(listed.kept).toEqual(['munich', 'berlin']);
      expect(listed.line.message).toMatchInlineSnapshot(
        `"specialization (specialization security or cloud-migration): 2 of 3 partners remain."`,
      );
    });
  });

  describe('minimum_tier', () => {
    it('keeps partners at or above the tier by rank', () => {
      const silverUp = throughStep(step('minimum_tier', true, { tierId: 'silver' }), bareLead('l1'), {
        onboarding: true,
      });

      expect(silverUp.kept).toEqual(['munich', 'berlin', 'hamburg']);
      expect(silverUp.line.message).toMatchInlineSnapshot(
        `"minimum-tier (tier Silver or above): 3 of 4 partners remain."`,
      );
    });
  });

  describe('certification', () => {
    it('keeps partners holding a valid certification for the product, a product-less one counting for all', () => {
      const anyType = throughStep(step('certification', true, {}), bareLead('l1', { product: 'edr' }), {
        onboarding: true,
      });

      expect(anyType.kept).toEqual(['munich', 'berlin']);
      expect(anyType.line.message).toMatchInlineSnapshot(`"certification (product edr): 2 of 4 partners remain."`);
    });

    it('asks for the certification type when the step names one', () => {
      const sales = throughStep(
        step('certification', true, { certificationType: 'sales' }),
        bareLead('l1', { product: 'edr' }),
      );

      expect(sales.kept).toEqual(['berlin']);
      expect(sales.line.message).toMatchInlineSnapshot(
        `"certification (product edr, sales certification): 1 of 3 partners remain."`,
      );
    });

    it('ignores certifications not yet earned or past their expiry date, and leads without a product', () => {
      const siem = throughStep(step('certification', false, {}), bareLead('l1', { product: 'siem' }));
      const noProduct = throughStep(step('certification', false, {}), bareLead('l2'));

      expect(siem.kept).toEqual(['berlin']);
      expect(noProduct.line.result).toBe('skip');
      expect(noProduct.line.message).toMatchInlineSnapshot(
        `"certification (the lead has no product): none of the 3 partners qualifies, so this optional step is skipped."`,
      );
    });
  });
});

describe('distance among many candidates', () => {
  it('searches the kdbush index and keeps exactly the partners a scan of every distance keeps', () => {
    // 600 partners around Munich: above 256 candidates the step walks the index nearest first.
    const many = Array.from({ length: 600 }, (_, index) =>
      partner(`p${String(index).padStart(3, '0')}`, {
        location: { lat: 47 + ((index * 37) % 300) / 100, lon: 10 + ((index * 53) % 400) / 100 },
      }),
    );
    const nearby = step('distance', true, { initialRadiusKm: 2, growthFactor: 1.5, maxRadiusKm: 300 });
    const program = programWith({ ...PLAIN_ROUTING, steps: [nearby], selection: { kind: 'nearest' } });

    for (const [index, location] of [
      { lat: 48.137, lon: 11.575 },
      { lat: 49.9, lon: 13.9 },
      { lat: 46.5, lon: 9.5 },
    ].entries()) {
      const routed = lead(`l${index}`, { location });
      const { trace } = routeLead({ program, partners: many, lead: routed, state: emptyRoutingState(), now: NOW });
      const expected = referenceFinalists(program, many, routed, '2026-11-24')!;

      expect(trace.steps[1]!.facts.after).toBe(expected.length);
      expect(trace.steps.find((found) => found.rule === 'finalists')!.facts.count).toBe(expected.length);
    }
  });
});
