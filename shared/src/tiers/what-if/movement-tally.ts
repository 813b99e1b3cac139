import type { Program } from '../../program/schema/program.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierProposal } from '../proposal/tier-proposal.js';
import type { PartnerTierMove, TierWhatIfReport } from './what-if-report.js';

const NO_TIER = '\u0000none';

/**
 * Accumulates proposals, one partner at a time, into a what-if report: the movement matrix and the
 * partners who would move (upgrades and downgrades; holds and no-change stay on the diagonal).
 *
 * @example
 * const tally = createTierMovementTally();
 * for (const proposal of proposals) tally.add(proposal);
 * tally.report(draft, '2026-11-24').matrix
 */
export interface TierMovementTally {
  add(proposal: TierProposal): void;
  report(program: Program, evaluatedOn: CalendarDate): TierWhatIfReport;
}

/** A new, empty movement tally. */
export function createTierMovementTally(): TierMovementTally {
  const cells = new Map<string, Map<string, number>>();
  const moves: PartnerTierMove[] = [];
  const seen = new Set<string>();
  let partners = 0;
  return {
    add(proposal) {
      partners += 1;
      const from = proposal.fromTierId ?? NO_TIER;
      const to = proposal.toTierId ?? NO_TIER;
      seen.add(from).add(to);
      let row = cells.get(from);
      if (!row) {
        row = new Map<string, number>();
        cells.set(from, row);
      }
      row.set(to, (row.get(to) ?? 0) + 1);
      if (proposal.kind === 'upgrade' || proposal.kind === 'downgrade') {
        moves.push({
          partnerId: proposal.partnerId,
          kind: proposal.kind,
          fromTierId: proposal.fromTierId,
          toTierId: proposal.toTierId,
          effectiveOn: proposal.effectiveOn,
          summary: proposal.trace.summary,
        });
      }
    },
    report(program, evaluatedOn) {
      const ranked = [...program.tiers].sort((a, b) => a.rank - b.rank).map((tier) => tier.id);
      const known = new Set(ranked);
      const others = [...seen].filter((id) => id !== NO_TIER && !known.has(id)).sort();
      const axis = [NO_TIER, ...ranked, ...others];
      return {
        programId: program.id,
        evaluatedOn,
        partners,
        matrix: {
          tierIds: axis.map((id) => (id === NO_TIER ? null : id)),
          counts: axis.map((from) => axis.map((to) => cells.get(from)?.get(to) ?? 0)),
        },
        moves: [...moves],
      };
    },
  };
}
