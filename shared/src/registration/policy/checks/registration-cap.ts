import type { Partner } from '../../../entities/partner.js';
import type { Program } from '../../../program/schema/program.js';
import { issue } from '../../../result/issue.js';
import { count, failed, passed, skipped, type PolicyCheck } from '../policy-check.js';

interface Cap {
  limit: number;
  /** Whose cap it is: the partner's tier, or the program. */
  kind: 'tier' | 'program';
  /** Whose cap it is, as a sentence names it. */
  source: string;
}

/** The caps on a partner's open registrations: its tier's `registrationCap` and the program's `maxOpenPerPartner`. */
function capsOf(partner: Partner, program: Program): { caps: Cap[]; note: string } {
  const caps: Cap[] = [];
  let note = '';
  if (partner.tierId !== null) {
    const tier = program.tiers.find((candidate) => candidate.id === partner.tierId);
    if (tier === undefined) {
      note = ` (its tier "${partner.tierId}" is not in the program, so no tier cap applies)`;
    } else if (tier.benefits.registrationCap !== null) {
      caps.push({ limit: tier.benefits.registrationCap, kind: 'tier', source: `its ${tier.name} tier` });
    }
  }
  const programCap = program.registration.maxOpenPerPartner;
  if (programCap !== null) caps.push({ limit: programCap, kind: 'program', source: 'the program' });
  return { caps, note };
}

/**
 * The partner stays within its caps on open registrations once this one is submitted: its tier's
 * `benefits.registrationCap` (tier found by `partner.tierId`; `null` means none) and the program's
 * `maxOpenPerPartner`. `openRegistrations` is how many the partner already holds besides this one; this
 * one counts as one more. Over the lower cap is `registration_cap_reached`.
 */
export function checkRegistrationCap(partner: Partner, program: Program, openRegistrations: number): PolicyCheck {
  if (!Number.isSafeInteger(openRegistrations) || openRegistrations < 0) {
    throw new Error('openRegistrations must be a whole number of registrations, 0 or more.');
  }
  const { caps, note } = capsOf(partner, program);
  const after = openRegistrations + 1;
  const binding = caps.reduce<Cap | undefined>(
    (lowest, cap) => (lowest && lowest.limit <= cap.limit ? lowest : cap),
    undefined,
  );
  const facts = {
    openRegistrations,
    afterSubmission: after,
    tierId: partner.tierId,
    tierCap: caps.find((cap) => cap.kind === 'tier')?.limit ?? null,
    programCap: caps.find((cap) => cap.kind === 'program')?.limit ?? null,
  };
  const holds = `${partner.name} holds ${count(openRegistrations, 'open registration')}`;
  if (binding === undefined) {
    return skipped('registration_cap', `${holds}; no cap on open registrations applies${note}.`, facts);
  }
  if (after > binding.limit) {
    const message = `${holds}, and ${binding.source} allows ${binding.limit} at once; this one would make ${after}.`;
    return failed('registration_cap', `${message}${note}`, facts, [
      issue(['partnerId'], 'registration_cap_reached', `${message}${note}`),
    ]);
  }
  return passed(
    'registration_cap',
    `${holds}; with this one it has ${after} of the ${binding.limit} ${binding.source} allows${note}.`,
    facts,
  );
}
