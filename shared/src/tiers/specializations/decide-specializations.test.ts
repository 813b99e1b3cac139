import { evaluatePartnerTier } from '../evaluation/evaluate-partner-tier.js';
import {
  certification,
  demoInputsFor,
  demoProgram,
  demoProgramJson,
  parsedProgram,
  standingAt,
} from '../test-support/fixtures.js';

const TODAY = '2026-11-24';
const demo = demoProgram();
const security = (graceSince: string | null) => ({ specializationId: 'security', since: '2025-01-01', graceSince });

describe('specializations', () => {
  it('end a grace period when their criteria hold again', () => {
    const inputs = {
      ...demoInputsFor('p', 'silver'),
      certifications: [certification('sales-professional'), certification('security-engineer')],
    };
    const proposal = evaluatePartnerTier(
      demo,
      standingAt('p', 'silver', { specializations: [security('2026-09-01')] }),
      inputs,
      TODAY,
    );
    expect(proposal.plan.specializations).toEqual({ award: [], remove: [], startGrace: [], endGrace: ['security'] });
    expect(proposal.action).toBe('apply_automatically');
  });

  it('are removed at once, without grace, when the tier falls below their minimum', () => {
    // Cloud Migration needs Silver; the partner is downgraded to Registered at once under this policy.
    const program = demoProgram({
      tierPolicy: {
        downgrades: { effective: 'immediately', approval: 'automatic', step: 'one_rank' },
        gracePeriods: 0,
      },
    });
    const inputs = {
      ...demoInputsFor('p', 'registered'),
      certifications: [certification('cloud-architect'), certification('cloud-architect')],
    };
    const held = [{ specializationId: 'cloud-migration', since: '2025-01-01', graceSince: null }];
    const proposal = evaluatePartnerTier(program, standingAt('p', 'silver', { specializations: held }), inputs, TODAY);
    expect([proposal.kind, proposal.toTierId, proposal.plan.specializations.remove]).toEqual([
      'downgrade',
      'registered',
      ['cloud-migration'],
    ]);
    expect(
      proposal.trace.steps.find(
        (step) => step.rule === 'specialization' && step.facts.specializationId === 'cloud-migration',
      )?.message,
    ).toBe('Loses Cloud Migration, which requires at least Silver.');
  });

  it('use their own grace periods over the policy default', () => {
    const json = demoProgramJson();
    json.specializations = (json.specializations ?? []).map((specialization) =>
      specialization.id === 'security' ? { ...specialization, gracePeriods: 3 } : specialization,
    );
    const standing = standingAt('p', 'silver', { specializations: [security('2026-05-01')] });
    const proposal = evaluatePartnerTier(parsedProgram(json), standing, demoInputsFor('p', 'silver'), TODAY);
    expect(proposal.plan.specializations.remove).toEqual([]);
    expect(
      evaluatePartnerTier(demo, standing, demoInputsFor('p', 'silver'), TODAY).plan.specializations.remove,
    ).toEqual(['security']);
  });

  it('held but no longer in the program are removed', () => {
    const standing = standingAt('p', 'silver', {
      specializations: [{ specializationId: 'retired', since: '2025-01-01', graceSince: null }],
    });
    const proposal = evaluatePartnerTier(demo, standing, demoInputsFor('p', 'silver'), TODAY);
    expect(proposal.plan.specializations.remove).toEqual(['retired']);
    expect(proposal.trace.summary).toBe('Keep Silver: it meets its criteria; removes "retired".');
  });
});
