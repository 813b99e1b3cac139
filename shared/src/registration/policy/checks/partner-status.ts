import type { Partner } from '../../../entities/partner.js';
import { canRegisterDeals } from '../../../partner-lifecycle/guards/partner-gates.js';
import { issue } from '../../../result/issue.js';
import { failed, passed, type PolicyCheck } from '../policy-check.js';

/**
 * The partner may register deals, as the partner lifecycle's guard `canRegisterDeals` decides: it is
 * active, or onboarding where the program allows onboarding partners (`allowOnboardingPartners`).
 * Otherwise `partner_not_eligible`, with the guard's sentence.
 */
export function checkPartnerStatus(partner: Partner, allowOnboardingPartners: boolean): PolicyCheck {
  const facts = { partnerId: partner.id, status: partner.status, allowOnboardingPartners };
  const gate = canRegisterDeals(partner, { allowOnboarding: allowOnboardingPartners });
  if (gate.allowed) return passed('partner_status', gate.message, facts);
  return failed('partner_status', gate.message, facts, [issue(['partnerId'], 'partner_not_eligible', gate.message)]);
}
