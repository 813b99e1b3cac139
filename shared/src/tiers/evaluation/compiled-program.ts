import type { Program } from '../../program/schema/program.js';
import type { Specialization, Tier } from '../../program/schema/tiers.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { compileCriteria, type GroupNode } from '../criteria/criteria-node.js';
import type { CriteriaOwner } from '../criteria/criteria-steps.js';
import { MeasureCatalog } from '../metrics/measure.js';
import { toDayNumber, type DayNumber } from '../../time/day-number.js';
import { tierEvaluationPeriods, type TierEvaluationPeriods } from '../time/evaluation-periods.js';

/** A tier with its criteria compiled, and its level: 1 for the lowest rank, counting up (0 is no tier). */
export interface CompiledTier {
  tier: Tier;
  level: number;
  owner: CriteriaOwner;
  criteria: GroupNode;
}

/** A specialization with its criteria compiled and the level of its minimum tier (0 when it has none). */
export interface CompiledSpecialization {
  specialization: Specialization;
  owner: CriteriaOwner;
  criteria: GroupNode;
  minimumLevel: number;
}

/** A program prepared for evaluations on one date: windows resolved, criteria bound to measures. */
export interface CompiledProgram {
  program: Program;
  asOf: CalendarDate;
  asOfDay: DayNumber;
  periods: TierEvaluationPeriods;
  catalog: MeasureCatalog;
  /** Tiers from the lowest rank up; `tiers[level - 1]` is the tier of a level. */
  tiers: readonly CompiledTier[];
  levelOf: ReadonlyMap<string, number>;
  specializations: readonly CompiledSpecialization[];
  /** The earliest day any window reads: data before it cannot change an evaluation on `asOf`. */
  dataFrom: CalendarDate;
}

/** Compiles a validated program for evaluations on `asOf` (a day of the program's calendar). */
export function compileProgram(program: Program, asOf: CalendarDate): CompiledProgram {
  const catalog = new MeasureCatalog(asOf, program.fiscalCalendar);
  const ordered = [...program.tiers].sort((a, b) => a.rank - b.rank);
  const tiers = ordered.map((tier, index): CompiledTier => ({
    tier,
    level: index + 1,
    owner: { kind: 'tier', id: tier.id, name: tier.name },
    criteria: compileCriteria(tier.criteria, catalog),
  }));
  const levelOf = new Map(tiers.map((compiled) => [compiled.tier.id, compiled.level]));
  const specializations = program.specializations.map((specialization): CompiledSpecialization => ({
    specialization,
    owner: { kind: 'specialization', id: specialization.id, name: specialization.name },
    criteria: compileCriteria(specialization.criteria, catalog),
    minimumLevel: specialization.minimumTierId === undefined ? 0 : (levelOf.get(specialization.minimumTierId) ?? 0),
  }));
  let dataFrom = asOf;
  for (const measure of catalog.measures) {
    if ('range' in measure && measure.range && measure.range.from < dataFrom) dataFrom = measure.range.from;
  }
  return {
    program,
    asOf,
    asOfDay: toDayNumber(asOf),
    periods: tierEvaluationPeriods(program.fiscalCalendar, program.tierPolicy.evaluationPeriod),
    catalog,
    tiers,
    levelOf,
    specializations,
    dataFrom,
  };
}

/** The display name of a level: the tier's name, or "no tier" for level 0. */
export function levelName(compiled: CompiledProgram, level: number): string {
  return level === 0 ? 'no tier' : (compiled.tiers[level - 1]?.tier.name ?? 'no tier');
}

/** The tier id of a level, `null` for level 0. */
export function levelTierId(compiled: CompiledProgram, level: number): string | null {
  return level === 0 ? null : (compiled.tiers[level - 1]?.tier.id ?? null);
}
