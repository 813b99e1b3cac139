import type { Partner, PartnerStatus } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';

/** What a guard decides whether a partner may do. */
export type PartnerActivity = 'register_deals' | 'receive_leads' | 'request_mdf';

const ACTIVITY_WORDS: Readonly<Record<PartnerActivity, string>> = {
  register_deals: 'register deals',
  receive_leads: 'receive leads',
  request_mdf: 'request market development funds',
};

/** Whether partners still onboarding may take part, besides active ones (which always may). */
export interface GateOptions {
  allowOnboarding: boolean;
}

/**
 * A guard's verdict: whether the partner may take part in the activity, and why, in a sentence the
 * calling workflow can put in its own trace step or issue.
 */
export interface PartnerGate {
  allowed: boolean;
  activity: PartnerActivity;
  status: PartnerStatus;
  message: string;
}

/** The partner fields a guard reads: its name for the sentence and its lifecycle status. */
export type GatedPartner = Pick<Partner, 'name' | 'status'>;

function gate(activity: PartnerActivity, partner: GatedPartner, { allowOnboarding }: GateOptions): PartnerGate {
  const doing = ACTIVITY_WORDS[activity];
  const verdict = (allowed: boolean, message: string): PartnerGate => ({
    allowed,
    activity,
    status: partner.status,
    message,
  });
  switch (partner.status) {
    case 'active':
      return verdict(true, `${partner.name} is an active partner.`);
    case 'onboarding':
      return allowOnboarding
        ? verdict(true, `${partner.name} is still onboarding, and the program lets onboarding partners ${doing}.`)
        : verdict(false, `${partner.name} is still onboarding, and the program lets only active partners ${doing}.`);
    case 'applicant':
    case 'approved':
    case 'rejected':
    case 'suspended':
    case 'offboarded':
      return verdict(
        false,
        `${partner.name} is ${partner.status}; only active partners${allowOnboarding ? ' and onboarding ones' : ''} ${doing}.`,
      );
  }
}

/**
 * Whether a partner may register deals: an active partner always may, an onboarding one where the
 * program allows it (`registration.allowOnboardingPartners`, see `registrationGateOf`), no other.
 *
 * @example canRegisterDeals(partner, registrationGateOf(program)).allowed // false for a suspended partner
 */
export function canRegisterDeals(partner: GatedPartner, options: GateOptions): PartnerGate {
  return gate('register_deals', partner, options);
}

/**
 * Whether a partner may receive leads: an active partner always may, an onboarding one where a routing
 * `partner_status` step allows onboarding partners (see `leadGateOf`), no other.
 *
 * @example canReceiveLeads(partner, leadGateOf(program)).allowed
 */
export function canReceiveLeads(partner: GatedPartner, options: GateOptions): PartnerGate {
  return gate('receive_leads', partner, options);
}

/** Whether a partner may request (and be allocated) market development funds: only active partners. */
export function canRequestMdf(partner: GatedPartner): PartnerGate {
  return gate('request_mdf', partner, { allowOnboarding: false });
}

/** What the registration policy says of onboarding partners. */
export function registrationGateOf(program: Program): GateOptions {
  return { allowOnboarding: program.registration.allowOnboardingPartners };
}

/** What the routing policy says of onboarding partners: whether any `partner_status` step admits them. */
export function leadGateOf(program: Program): GateOptions {
  return {
    allowOnboarding: program.routing.steps.some(
      (step) => step.kind === 'partner_status' && step.allow.includes('onboarding'),
    ),
  };
}

/**
 * Whether a partner belongs to the channel: approved and not yet gone (approved, onboarding, active or
 * suspended). Channel analytics counts these in the tier distribution.
 */
export function isChannelMember(status: PartnerStatus): boolean {
  return status === 'approved' || status === 'onboarding' || status === 'active' || status === 'suspended';
}
