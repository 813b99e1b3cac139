import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { CertificationMasks, ProductMasks } from '../compile/certification-masks.js';
import type { CompiledRouting } from '../compile/compiled-routing.js';
import { differenceInto, PartnerBits } from '../compile/partner-bits.js';
import { RADIANS_PER_DEGREE, type LeadPosition } from '../compile/partner-locations.js';
import { offerDueAt } from '../offers/offer-due.js';
import { currentPeriods, type CAPACITY_PERIODS, type CurrentPeriods } from '../periods/capacity-periods.js';
import { seedHash } from '../selection/seeded-draw.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { copyRecord, isEmptyRecord, ownValue, setOwn } from '../state/own-record.js';
import type { PartnerLoad, RoutingState, StickyEntry } from '../state/routing-state.js';
import { LeadFactsBuffer } from '../steps/lead-values.js';
import { TraceStepMemo } from '../trace/trace-step-memo.js';
import { ConflictIndex, type ConflictOfInterest } from './conflicts-of-interest.js';
import { StickyToday } from './sticky-today.js';
import { stringHash } from './string-numbers.js';

/** How a routing call runs. */
export interface SessionOptions {
  /** Build a decision trace for every lead (on by default; bulk jobs that keep no audit may turn it off). */
  traces: boolean;
  conflicts: readonly ConflictOfInterest[];
}

/**
 * One routing call's working memory: the state unpacked into typed arrays (loads per period, who is at
 * capacity, round-robin weights) and copies of the records it adds to, so that routing many leads costs no
 * more than the leads themselves. `close()` packs it back into plain JSON state.
 */
export class RoutingSession {
  readonly now: Date;
  readonly nowIso: string;
  readonly dueAtIso: string;
  readonly today: CalendarDate;
  /** Sticky entries older than this day no longer count. */
  readonly stickySince: CalendarDate;
  readonly periods: CurrentPeriods;
  readonly certifications: CertificationMasks;
  /** Per step position, the certification masks of a certification step's type. */
  readonly certificationsOfStep: (ProductMasks | undefined)[];
  readonly conflicts: ConflictIndex;
  readonly traces: boolean;
  readonly seed: number;

  readonly loadDay: Int32Array;
  readonly loadWeek: Int32Array;
  readonly loadMonth: Int32Array;
  readonly loadQuarter: Int32Array;
  /** Partners at or over a cap in any period. */
  readonly atCapacity: PartnerBits;
  /** Partners in a receiving status and under every cap: where every lead's search starts. Read only. */
  readonly open: PartnerBits;
  /** How many partners in a receiving status have reached the cap of each period (for traces). */
  readonly capsReached = { day: 0, week: 0, month: 0, quarter: 0 };
  /** Smooth weighted round robin's current weights. */
  readonly currentWeight: Float64Array;
  /** Per-finalist figures the strategy ranked on, read by traces. */
  readonly score: Float64Array;
  /** Haversines computed by a distance step, by position. */
  readonly haversine: Float64Array;
  /** Candidate sets, swapped step by step. */
  candidates: PartnerBits;
  spare: PartnerBits;
  /** The facts of the lead being routed (set by `routeInSession`). */
  lead = new LeadFactsBuffer();
  /** Whether the current lead has a location (see `leadPosition`). */
  hasLeadPosition = false;
  /** The current lead's location; `cosLat` is worked out when first needed (`positionPrepared`). */
  private readonly preparedPosition: LeadPosition = { lat: 0, lon: 0, cosLat: 1 };
  private positionPrepared = false;
  /** What the last distance step found: the index of the radius used (-1: none) and the nearest haversine. */
  reachRadius = -1;
  nearestHaversine = Number.NaN;
  /** The last weighted-random draw, for the trace. */
  lastDraw = 0;
  /** How many otherwise available partners the current lead excludes (declined, expired, conflicts). */
  excluded = 0;

  /** The distributions passed in, by lead. */
  readonly distributions: ReadonlyMap<string, LeadDistribution>;
  /** This call's sticky entries: the position of the partner each account's lead went to today. */
  private readonly stickyToday = new StickyToday();
  /** Whether the state passed in holds no sticky entry (found out when first needed). */
  private noStoredSticky: boolean | undefined = undefined;
  /** Each routed lead's distribution, in the order routed. */
  readonly assignments: LeadDistribution[] = [];
  /** Each routed lead's trace, when traces are on. */
  readonly decisionTraces: DecisionTrace[] = [];
  /** Trace entries shared between this call's leads. */
  readonly traceSteps: TraceStepMemo;
  private readonly loadsTouched: Uint8Array;
  private weightsTouched = false;
  private readonly stickyEntryCache: (StickyEntry | undefined)[];

  constructor(
    readonly compiled: CompiledRouting,
    private readonly state: RoutingState,
    now: Date,
    options: SessionOptions,
    distributions: readonly LeadDistribution[] = [],
  ) {
    const { program } = compiled;
    const count = compiled.partnerCount;
    this.now = new Date(now.getTime());
    this.nowIso = this.now.toISOString();
    this.dueAtIso = offerDueAt(this.now, program.routing.offers, program.fiscalCalendar.timeZone).toISOString();
    this.today = calendarDateIn(this.now, program.fiscalCalendar.timeZone);
    this.stickySince = addDays(this.today, -program.routing.sticky.lookbackDays);
    this.periods = currentPeriods(this.today, program.routing.capacity, program.fiscalCalendar);
    this.certifications = compiled.certificationsOn(this.today);
    this.certificationsOfStep = compiled.steps.map((step) =>
      step.step.kind === 'certification' ? this.certifications.ofType(step.certificationType) : undefined,
    );
    this.conflicts = new ConflictIndex(options.conflicts, compiled.positionOf);
    this.traces = options.traces;
    this.traceSteps = new TraceStepMemo(compiled.partnerCount);
    this.seed = program.routing.selection.kind === 'weighted_random' ? seedHash(program.routing.selection.seed) : 0;

    this.loadDay = new Int32Array(count);
    this.loadWeek = new Int32Array(count);
    this.loadMonth = new Int32Array(count);
    this.loadQuarter = new Int32Array(count);
    this.atCapacity = new PartnerBits(compiled.wordCount);
    this.currentWeight = new Float64Array(count);
    this.score = new Float64Array(count);
    this.haversine = new Float64Array(count);
    this.candidates = new PartnerBits(compiled.wordCount);
    this.spare = new PartnerBits(compiled.wordCount);
    this.loadsTouched = new Uint8Array(count);
    this.stickyEntryCache = new Array<StickyEntry | undefined>(count);

    compiled.partners.forEach((partner, position) => {
      const load = ownValue(state.loads, partner.id);
      if (load) {
        this.loadDay[position] = this.countIn(load, 'day');
        this.loadWeek[position] = this.countIn(load, 'week');
        this.loadMonth[position] = this.countIn(load, 'month');
        this.loadQuarter[position] = this.countIn(load, 'quarter');
        if (this.overCapacity(position)) this.atCapacity.add(position);
      }
      this.currentWeight[position] = ownValue(state.roundRobin, partner.id) ?? 0;
    });
    this.distributions = new Map(distributions.map((record) => [record.leadId, record]));
    this.open = new PartnerBits(compiled.wordCount);
    differenceInto(this.open, compiled.receivingStatus, this.atCapacity);
    for (const position of this.atCapacity.positions()) {
      if (!compiled.receivingStatus.has(position)) continue;
      const { caps } = compiled;
      if (this.loadDay[position]! >= caps.day[position]!) this.capsReached.day++;
      if (this.loadWeek[position]! >= caps.week[position]!) this.capsReached.week++;
      if (this.loadMonth[position]! >= caps.month[position]!) this.capsReached.month++;
      if (this.loadQuarter[position]! >= caps.quarter[position]!) this.capsReached.quarter++;
    }
  }

  private countIn(load: PartnerLoad, period: (typeof CAPACITY_PERIODS)[number]): number {
    return load[period].start === this.periods[period].start ? load[period].count : 0;
  }

  /** Prepares the session for a lead's distances. */
  locateLead(location: { lat: number; lon: number } | undefined): void {
    if (location) this.placeLead(location.lat, location.lon);
    else this.hasLeadPosition = false;
  }

  /** Prepares the session for the distances of a lead at a latitude and longitude. */
  placeLead(lat: number, lon: number): void {
    this.preparedPosition.lat = lat;
    this.preparedPosition.lon = lon;
    this.hasLeadPosition = true;
    this.positionPrepared = false;
  }

  /**
   * The current lead's location prepared for distances (meaningful when `hasLeadPosition`). The cosine of
   * its latitude is worked out on first use: most leads find their partner before any distance is measured.
   */
  get leadPosition(): LeadPosition {
    const position = this.preparedPosition;
    if (!this.positionPrepared) {
      position.cosLat = Math.cos(position.lat * RADIANS_PER_DEGREE);
      this.positionPrepared = true;
    }
    return position;
  }

  /** Whether a partner has reached a cap in some period. */
  overCapacity(position: number): boolean {
    const { caps } = this.compiled;
    return (
      this.loadDay[position]! >= caps.day[position]! ||
      this.loadWeek[position]! >= caps.week[position]! ||
      this.loadMonth[position]! >= caps.month[position]! ||
      this.loadQuarter[position]! >= caps.quarter[position]!
    );
  }

  /** Counts a lead offered to a partner in every period, and marks it at capacity when it reaches a cap. */
  countLead(position: number): void {
    const { caps } = this.compiled;
    if (++this.loadDay[position]! === caps.day[position]) this.capsReached.day++;
    if (++this.loadWeek[position]! === caps.week[position]) this.capsReached.week++;
    if (++this.loadMonth[position]! === caps.month[position]) this.capsReached.month++;
    if (++this.loadQuarter[position]! === caps.quarter[position]) this.capsReached.quarter++;
    this.loadsTouched[position] = 1;
    if (this.overCapacity(position) && !this.atCapacity.has(position)) {
      this.atCapacity.add(position);
      this.open.delete(position);
      this.open.trim();
    }
  }

  /** Notes that round-robin weights changed, so that `close()` writes them back. */
  touchWeights(): void {
    this.weightsTouched = true;
  }

  /** The account's sticky entry, if any: this call's, else the state's. */
  stickyEntry(accountId: string): StickyEntry | undefined {
    const position = this.stickyToday.positionOf(accountId, this.accountHash(accountId));
    return position < 0 ? this.storedSticky(accountId) : this.entryToday(position);
  }

  /**
   * The position of the partner the account's lead went to within the sticky lookback, or -1 (none, too
   * old, or a partner not routed to in this call): `stickyEntry` without building anything, for routing
   * without traces.
   */
  stickyPosition(accountId: string): number {
    const today = this.stickyToday.positionOf(accountId, this.accountHash(accountId));
    if (today >= 0) return today;
    const entry = this.storedSticky(accountId);
    if (entry === undefined || entry.on < this.stickySince) return -1;
    return this.compiled.positionOf.get(entry.partnerId) ?? -1;
  }

  /** The account's sticky entry in the state passed in, if any. */
  private storedSticky(accountId: string): StickyEntry | undefined {
    // Looking a string up among an object's keys files it among the engine's unique strings, which costs more
    // than finding nothing: with no stored entry (a first call, or a state without accounts) nothing is looked up.
    this.noStoredSticky ??= isEmptyRecord(this.state.sticky);
    return this.noStoredSticky ? undefined : ownValue(this.state.sticky, accountId);
  }

  /** Records that an account's lead went to a partner today. */
  stick(accountId: string, position: number): void {
    this.stickyToday.set(accountId, this.accountHash(accountId), position);
  }

  /** The `stringHash` of an account id: the current lead's was usually worked out with its facts. */
  private accountHash(accountId: string): number {
    const { lead } = this;
    return accountId === lead.accountId && lead.accountHash !== null ? lead.accountHash : stringHash(accountId);
  }

  /** The sticky entry of a lead given today to the partner at `position` (one object per partner). */
  private entryToday(position: number): StickyEntry {
    let entry = this.stickyEntryCache[position];
    if (!entry) {
      entry = { partnerId: this.compiled.partners[position]!.id, on: this.today };
      this.stickyEntryCache[position] = entry;
    }
    return entry;
  }

  /** The state after this call: the input state with this call's changes. */
  close(): RoutingState {
    const { partners } = this.compiled;
    let roundRobin = this.state.roundRobin;
    if (this.weightsTouched) {
      roundRobin = copyRecord(roundRobin);
      // One form for one meaning: a zero weight is never stored (absent reads as zero).
      partners.forEach((partner, position) => {
        const weight = this.currentWeight[position]!;
        if (weight !== 0) setOwn(roundRobin, partner.id, weight);
        else if (Object.hasOwn(roundRobin, partner.id)) delete roundRobin[partner.id];
      });
    }
    let loads = this.state.loads;
    if (this.loadsTouched.includes(1)) {
      loads = copyRecord(loads);
      const { day, week, month, quarter } = this.periods;
      this.loadsTouched.forEach((touched, position) => {
        if (!touched) return;
        setOwn(loads, partners[position]!.id, {
          day: { start: day.start, count: this.loadDay[position]! },
          week: { start: week.start, count: this.loadWeek[position]! },
          month: { start: month.start, count: this.loadMonth[position]! },
          quarter: { start: quarter.start, count: this.loadQuarter[position]! },
        });
      });
    }
    let sticky = this.state.sticky;
    if (this.stickyToday.size > 0) {
      // Entries older than the lookback can never send a lead anywhere again: they are dropped here, so
      // the state does not grow with every account ever routed.
      sticky = {};
      for (const [account, entry] of Object.entries(this.state.sticky)) {
        if (entry.on >= this.stickySince) setOwn(sticky, account, entry);
      }
      this.stickyToday.forEach((account, position) => setOwn(sticky, account, this.entryToday(position)));
    }
    return { roundRobin, loads, sticky };
  }
}
