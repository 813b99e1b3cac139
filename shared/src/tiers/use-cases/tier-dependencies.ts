import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { ProgramRepository } from '../../ports/program-repository.js';
import type { WriteExpectation } from '../../ports/repository.js';
import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { TierInputsSource } from '../ports/tier-inputs-source.js';
import type { TierProposalRepository } from '../ports/tier-proposal-repository.js';
import type { TierStandingRepository } from '../ports/tier-standing-repository.js';
import { initialTierStanding } from '../standing/initial-standing.js';
import type { TierStanding } from '../standing/tier-standing.js';

/** The ports the tier use cases work against; each surface provides its own implementations. */
export interface TierDependencies {
  programs: ProgramRepository;
  standings: TierStandingRepository;
  proposals: TierProposalRepository;
  inputs: TierInputsSource;
  clock: Clock;
  ids: IdGenerator;
}

/** The program in force and today's date in its time zone. */
export interface TierProgramToday {
  program: Program;
  today: CalendarDate;
}

/** Loads the program in force and works out today in its calendar; fails with `no_program` before the first publication. */
export async function tierProgramToday(
  deps: Pick<TierDependencies, 'programs' | 'clock'>,
): Promise<Result<TierProgramToday>> {
  const published = await deps.programs.current();
  if (!published)
    return fail([issue([], 'no_program', 'No partner program is published yet: publish one before evaluating tiers.')]);
  const program = published.program;
  return ok({ program, today: calendarDateIn(deps.clock.now(), program.fiscalCalendar.timeZone) });
}

/** How to save a record read as `version`: create it when it was never saved (version 0). */
export function expectationFor(version: number): WriteExpectation {
  return { expectedVersion: version === 0 ? null : version };
}

/**
 * A partner's stored standing, or one started from its record (tier and specializations, as the
 * inputs source gives them) when it has none yet; `undefined` for a partner the source does not know.
 */
export async function storedOrInitialStanding(
  deps: Pick<TierDependencies, 'standings' | 'inputs'>,
  partnerId: string,
  today: CalendarDate,
): Promise<TierStanding | undefined> {
  const stored = await deps.standings.get(partnerId);
  if (stored) return stored;
  for await (const page of deps.inputs.scan({ from: today, through: today, partnerIds: [partnerId] })) {
    const inputs = page.find((candidate) => candidate.partnerId === partnerId);
    if (inputs) return initialTierStanding(partnerId, inputs.tierId, inputs.specializationIds, today);
  }
  return undefined;
}

/** The issue for a partner id that no port knows. */
export function unknownPartner(partnerId: string): Issue {
  return issue(['partnerId'], 'unknown_partner', `There is no partner "${partnerId}".`);
}
