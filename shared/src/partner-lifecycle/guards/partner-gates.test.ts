import type { PartnerStatus } from '../../entities/partner.js';
import { demoProgram } from '../test-support/fixtures.js';
import {
  canReceiveLeads,
  canRegisterDeals,
  canRequestMdf,
  isChannelMember,
  leadGateOf,
  registrationGateOf,
} from './partner-gates.js';

const STATUSES: PartnerStatus[] = [
  'applicant',
  'approved',
  'rejected',
  'onboarding',
  'active',
  'suspended',
  'offboarded',
];
const partner = (status: PartnerStatus) => ({ name: 'Northwind Systems', status });

describe('the lifecycle guards the other workflows call', () => {
  it('let active partners take part always, onboarding ones only where the program allows, no one else', () => {
    const table = STATUSES.map((status) => [
      status,
      canRegisterDeals(partner(status), { allowOnboarding: false }).allowed,
      canRegisterDeals(partner(status), { allowOnboarding: true }).allowed,
      canReceiveLeads(partner(status), { allowOnboarding: false }).allowed,
      canReceiveLeads(partner(status), { allowOnboarding: true }).allowed,
      canRequestMdf(partner(status)).allowed,
    ]);

    expect(table).toEqual([
      ['applicant', false, false, false, false, false],
      ['approved', false, false, false, false, false],
      ['rejected', false, false, false, false, false],
      ['onboarding', false, true, false, true, false],
      ['active', true, true, true, true, true],
      ['suspended', false, false, false, false, false],
      ['offboarded', false, false, false, false, false],
    ]);
  });

  it('explain each verdict in a sentence naming the activity', () => {
    expect([
      canRegisterDeals(partner('active'), { allowOnboarding: false }).message,
      canReceiveLeads(partner('onboarding'), { allowOnboarding: true }).message,
      canReceiveLeads(partner('onboarding'), { allowOnboarding: false }).message,
      canRegisterDeals(partner('suspended'), { allowOnboarding: true }).message,
      canRequestMdf(partner('approved')).message,
    ]).toMatchInlineSnapshot(`
[
  "Northwind Systems is an active partner.",
  "Northwind Systems is still onboarding, and the program lets onboarding partners receive leads.",
  "Northwind Systems is still onboarding, and the program lets only active partners receive leads.",
  "Northwind Systems is suspended; only active partners and onboarding ones register deals.",
  "Northwind Systems is approved; only active partners request market development funds.",
]
`);
  });

  it('read what the program says of onboarding partners, per workflow', () => {
    const demo = demoProgram();
    const permissive = demoProgram((input) => {
      input.registration.allowOnboardingPartners = true;
      input.routing.steps[0].allow = ['active', 'onboarding'];
    });

    expect([registrationGateOf(demo), leadGateOf(demo)]).toEqual([
      { allowOnboarding: false },
      { allowOnboarding: false },
    ]);
    expect([registrationGateOf(permissive), leadGateOf(permissive)]).toEqual([
      { allowOnboarding: true },
      { allowOnboarding: true },
    ]);
  });

  it('count approved, onboarding, active and suspended partners as channel members', () => {
    expect(STATUSES.filter(isChannelMember)).toEqual(['approved', 'onboarding', 'active', 'suspended']);
  });
});
