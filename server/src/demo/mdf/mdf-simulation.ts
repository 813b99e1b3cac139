import type {
  Deal,
  IdGenerator,
  MdfAccrualSources,
  MdfAllocationSources,
  MdfContext,
  MdfOutcome,
  Program,
} from '@conduit/core';
import { momentOf, nextWeekday, type DemoWindow, type LocalMoment, type LocalTime } from '../demo-calendar.js';
import type { DemoPartner } from '../partners/partners.js';
import type { DemoRandom } from '../random.js';
import type { DemoAuditEntry } from '../audit-entry.js';
import { Agenda } from './agenda.js';
import { dealsAsOf, partnersAsOf } from './crm-as-of.js';
import { RecordingMdfStore } from './recording-mdf-store.js';

/** What the MDF history is made from: the program, the window, the channel's partners and its deals. */
export interface MdfSimulationInput {
  program: Program;
  window: DemoWindow;
  time: LocalTime;
  partners: readonly DemoPartner[];
  deals: readonly Deal[];
  random: DemoRandom;
}

/** Ids `mdf-request-0001`, … counted per kind. */
function paddedIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(kind) {
      const count = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, count);
      return `${kind}-${String(count).padStart(4, '0')}`;
    },
  };
}

/**
 * The world the demo's MDF history happens in: the core's MDF use cases over a recording store, a clock
 * that moves to each thing done, the agenda of what happens when, and the decisions' traces for the
 * audit log. Nothing scheduled after the reference instant happens.
 */
export class MdfSimulation {
  readonly store = new RecordingMdfStore();
  readonly agenda = new Agenda();
  readonly audit: DemoAuditEntry[] = [];
  readonly context: MdfContext & MdfAllocationSources & MdfAccrualSources;
  readonly partnersById: ReadonlyMap<string, DemoPartner>;
  /** Each partner's won deals (as the CRM holds them at the end), for linking to requests. */
  readonly wonDealsByPartner: ReadonlyMap<string, readonly Deal[]>;
  moment: LocalMoment;
  private documents = 0;

  constructor(readonly input: MdfSimulationInput) {
    this.moment = momentOf(input.window.startNumber, 0);
    const clock = { now: () => input.time.instant(this.moment) };
    this.partnersById = new Map(input.partners.map((partner) => [partner.record.id, partner]));
    const won = new Map<string, Deal[]>();
    for (const deal of input.deals) {
      if (deal.stage === 'won' && deal.partnerId !== null)
        won.set(deal.partnerId, [...(won.get(deal.partnerId) ?? []), deal]);
    }
    this.wonDealsByPartner = won;
    this.context = {
      store: this.store,
      program: input.program,
      clock,
      ids: paddedIds(),
      rates: { asOf: input.window.today, rates: [] },
      partners: partnersAsOf(input.partners.map((partner) => partner.record)),
      deals: dealsAsOf(input.deals, input.program, clock),
    };
  }

  get random(): DemoRandom {
    return this.input.random;
  }

  get program(): Program {
    return this.input.program;
  }

  /** The current day (a day number). */
  get today(): number {
    return Math.floor(this.moment / 1440);
  }

  /** Does `run` at a working moment on `day` (the next weekday if it is not one). */
  onWorkday(day: number, run: () => Promise<void>, hour = 9): void {
    this.agenda.at(momentOf(nextWeekday(day), hour, this.random.int(0, 8 * 60 - 1)), run);
  }

  /** Does `run` when the nightly jobs run (05:00) on `day`. */
  nightly(day: number, run: () => Promise<void>): void {
    this.agenda.at(momentOf(day, 5, this.random.int(0, 40)), run);
  }

  /** The number of the next document a partner uploads. */
  nextDocument(): number {
    this.documents += 1;
    return this.documents;
  }

  /** Keeps a decision's trace for the audit log when it succeeded; says whether it did. */
  recorded<T>(outcome: MdfOutcome<T>, actor: string): outcome is Extract<MdfOutcome<T>, { success: true }> {
    if (outcome.success) this.audit.push({ at: this.input.time.iso(this.moment), actor, trace: outcome.trace });
    return outcome.success;
  }

  /** Runs the agenda up to the reference instant. */
  async run(): Promise<void> {
    await this.agenda.runUntil(this.input.window.nowMoment, (at) => {
      this.moment = at;
    });
  }
}
