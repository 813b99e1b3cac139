import type { Program } from '../../program/schema/program.js';
import { buildAliasTable, NO_ALIASES, type AliasTable } from '../company.js';

/** The scores from which a match is `same` (conflict without review) or `possible` (needs review). */
export interface MatchThresholds {
  same: number;
  possible: number;
}

/** How companies are compared: thresholds, aliases and the domain-ownership rule of the program. */
export interface MatchOptions {
  thresholds: MatchThresholds;
  aliases: AliasTable;
  /** Whether `acme.com` and `acme.co.uk` count as one owner. */
  sameOwnerAcrossPublicSuffixes: boolean;
}

/** The thresholds of the demo program, for comparisons made without a program. */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { same: 0.9, possible: 0.62 };

/** Options with no program: default thresholds, no aliases, domains compared exactly. */
export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  thresholds: DEFAULT_MATCH_THRESHOLDS,
  aliases: NO_ALIASES,
  sameOwnerAcrossPublicSuffixes: false,
};

/** The match options a program sets in `registration.conflicts` and `registration.companyAliases`. */
export function matchOptionsFromProgram(program: Program): MatchOptions {
  const { conflicts, companyAliases } = program.registration;
  return {
    thresholds: conflicts.matchThresholds,
    aliases: buildAliasTable(companyAliases),
    sameOwnerAcrossPublicSuffixes: conflicts.sameOwnerAcrossPublicSuffixes,
  };
}
