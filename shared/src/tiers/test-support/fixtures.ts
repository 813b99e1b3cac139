import type { Certification } from '../../entities/partner.js';
import { parseProgram } from '../../program/parse-program.js';
import type { Program, ProgramInput } from '../../program/schema/program.js';
import type { TierPolicy } from '../../program/schema/tiers.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierWonDeal } from '../inputs/won-deal.js';
import type {
  HeldSpecialization,
  ScheduledTierChange,
  TierOverride,
  TierPlacement,
  TierStanding,
} from '../standing/tier-standing.js';

/** Parses a program input, throwing with its issues when it is invalid (a broken fixture). */
export function parsedProgram(input: unknown): Program {
  const parsed = parseProgram(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.data;
}

/** The repository's demo program: Registered, Silver, Gold, Platinum; quarterly, fiscal year from February. */
export function demoProgram(changes: { tierPolicy?: Partial<TierPolicy> } = {}): Program {
  const input = demoProgramInput() as ProgramInput & Record<string, unknown>;
  input.tierPolicy = { ...input.tierPolicy, ...changes.tierPolicy };
  return parsedProgram(input);
}

/** A program input to change freely in a test, then parse with `parsedProgram`. */
export function demoProgramJson(): ProgramInput {
  return demoProgramInput() as ProgramInput;
}

let dealCount = 0;

/** A won deal of a partner: USD and sourced unless said otherwise. */
export function wonDeal(
  partnerId: string,
  closedOn: string,
  dollars: number,
  options: { role?: 'sourced' | 'influenced'; currency?: string } = {},
): TierWonDeal {
  dealCount += 1;
  return {
    id: `deal-${dealCount}`,
    partnerId,
    partnerRole: options.role ?? 'sourced',
    closedOn,
    amount: { amount: Math.round(dollars * 100), currency: options.currency ?? 'USD' },
  };
}

/** A certification, earned on a day and expiring on another (`null`: never). */
export function certification(
  type: string,
  earnedOn = '2025-01-15',
  expiresOn: string | null = null,
  product?: string,
): Certification {
  return { type, earnedOn, expiresOn, ...(product === undefined ? {} : { product }) };
}

/** A partner's inputs with nothing in them but what is given. */
export function inputsOf(
  partnerId: string,
  parts: Partial<Omit<PartnerTierInputs, 'partnerId'>> = {},
): PartnerTierInputs {
  return {
    partnerId,
    tierId: null,
    specializationIds: [],
    certifications: [],
    wonDeals: [],
    approvedRegistrations: [],
    satisfactionScores: [],
    customMetrics: [],
    ...parts,
  };
}

/** `count` certifications of a type. */
export function certifications(type: string, count: number): Certification[] {
  return Array.from({ length: count }, () => certification(type));
}

/**
 * The inputs of a partner who meets a demo tier exactly on 2026-11-24 (trailing twelve months from
 * 2025-11-25): Registered (nothing), Silver, Gold or Platinum.
 */
export function demoInputsFor(
  partnerId: string,
  tierId: 'registered' | 'silver' | 'gold' | 'platinum',
): PartnerTierInputs {
  switch (tierId) {
    case 'registered':
      return inputsOf(partnerId);
    case 'silver':
      return inputsOf(partnerId, {
        wonDeals: [wonDeal(partnerId, '2026-06-01', 100_000)],
        certifications: certifications('sales-professional', 1),
      });
    case 'gold':
      return inputsOf(partnerId, {
        wonDeals: [wonDeal(partnerId, '2026-06-01', 500_000)],
        certifications: [...certifications('sales-professional', 3), certification('technical-specialist')],
      });
    case 'platinum':
      return inputsOf(partnerId, {
        wonDeals: [wonDeal(partnerId, '2026-06-01', 2_000_000)],
        certifications: [...certifications('sales-professional', 6), ...certifications('technical-specialist', 2)],
        // The last completed fiscal quarter on 2026-11-24 is FY2027 Q3: 2026-08-01 to 2026-10-31.
        satisfactionScores: [{ partnerId, date: '2026-09-15', value: 90 }],
      });
  }
}

/** A standing at a tier, `tiered` unless a grace or an override is given; version 1 (saved once). */
export function standingAt(
  partnerId: string,
  tierId: string | null,
  options: {
    since?: string;
    reachedBy?: TierPlacement['reachedBy'];
    decidedOn?: string;
    graceSince?: string;
    override?: Omit<TierOverride, 'tierId'>;
    scheduled?: ScheduledTierChange;
    specializations?: HeldSpecialization[];
    version?: number;
  } = {},
): TierStanding {
  const shared = {
    partnerId,
    version: options.version ?? 1,
    specializations: options.specializations ?? [],
    history: [],
  };
  if (tierId === null)
    return {
      ...shared,
      status: 'untiered',
      tier: null,
      grace: null,
      override: null,
      scheduled: options.scheduled ?? null,
    };
  const since = options.since ?? '2025-02-01';
  const tier = { tierId, since, reachedBy: options.reachedBy ?? 'initial', decidedOn: options.decidedOn ?? since };
  if (options.override)
    return {
      ...shared,
      status: 'overridden',
      tier,
      grace: null,
      override: { tierId, ...options.override },
      scheduled: null,
    };
  if (options.graceSince) {
    return {
      ...shared,
      status: 'in_grace',
      tier,
      grace: { since: options.graceSince },
      override: null,
      scheduled: options.scheduled ?? null,
    };
  }
  return { ...shared, status: 'tiered', tier, grace: null, override: null, scheduled: options.scheduled ?? null };
}
