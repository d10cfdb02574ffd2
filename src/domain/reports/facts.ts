import { emptyClockRuns, runsOf, stepClockRuns, type ClockRuns, type Run } from '../pipeline/clocks.js';
import { CLOCK_IDS, type ClockId } from '../pipeline/clock-settings.js';
import { emptyHistoryStep, historyFacts, stepHistory, type ApplicationStatus, type HistoryStep, type PreparedEvent } from '../pipeline/history.js';
import type { CandidateSource, LoggedSignal, LossReason } from '../pipeline/lists.js';

/**
 * What the reports read about one application: its row's fixed facts and its history (docs/reports.md says which
 * timestamp each figure takes). Events are prepared (oldest first, retractions folded out: prepareEpochEvents).
 */
export interface ReportApplication {
  id: string;
  roleId: string;
  specialization: string | null;
  source: CandidateSource;
  referrer: string | null;
  /** The user who answers the candidate for this role: the owner of the reply clock. */
  recruiterId: string | null;
  /** The stage the application is at now (its row), used when no event names a stage. */
  currentStage: string;
  events: readonly PreparedEvent[];
}

export interface StageVisit {
  stage: string;
  enteredAt: number;
  /** When it left the stage (a later stage, or the application closed); null while it is still there. */
  leftAt: number | null;
}

export interface ClockRunFact {
  clock: ClockId;
  run: Run;
}

export interface OfferFact {
  offerId: string;
  extendedAt: number;
  /** Hours from the last final interview before it to the extension; null when no final interview came first. */
  hoursAfterFinal: number | null;
  outcome: 'accepted' | 'declined' | 'open';
  resolvedAt: number | null;
}

export interface ApplicationFacts {
  app: ReportApplication;
  status: ApplicationStatus;
  /** First outreach or application received; the first event when neither was logged. Null for an empty history. */
  firstContactAt: number | null;
  /** UTC month of first contact, `YYYY-MM` (the cohort). */
  cohort: string | null;
  /** Every stage the history shows, in the order they were entered (a stage entered twice is visited twice). */
  visits: StageVisit[];
  interviewed: boolean;
  offers: OfferFact[];
  /** The first acceptance (offer accepted, or closed as hired). */
  hiredAt: number | null;
  /** The last close of the history when the application ends lost or withdrawn (a reopened one that ends active has none). */
  loss: { at: number; reason: LossReason | 'withdrew' | 'offer-declined'; stage: string; signals: LoggedSignal[] } | null;
  /** Every run of every clock the history started, in the order they started. */
  clockRuns: ClockRunFact[];
}

const monthOf = (t: number): string => new Date(t).toISOString().slice(0, 7);

/**
 * What a history alone says (no application row): the part of the facts that is stored, one row per application, in
 * `report_facts` (written with each event, rebuilt by `closer db rebuild-projections`). Plain JSON data.
 */
export type HistoryFacts = Omit<ApplicationFacts, 'app'>;

/**
 * One pass over an application's history. The clock runs come from the clocks' own fold (stepClockRuns), so a report
 * counts exactly the runs the Today list showed: every run object the fold ever held is kept, not only its last one.
 */
export function applicationFacts(app: ReportApplication): ApplicationFacts {
  return withApplication(app, historyReportFacts(app.events));
}

/**
 * The facts of a history joined to its application's row: a history that never names a stage is at the row's
 * current stage since its first contact.
 */
export function withApplication(app: ReportApplication, facts: HistoryFacts): ApplicationFacts {
  const visits = facts.visits.length === 0 && facts.firstContactAt !== null ? [{ stage: app.currentStage, enteredAt: facts.firstContactAt, leftAt: null }] : facts.visits;
  return { app, ...facts, visits };
}

/**
 * The report facts' fold over a history, stopped after some event: everything the next event needs and everything
 * the facts are made of. Plain JSON data, so `report_facts` stores it beside the facts (migration 025) and an append
 * of an event that sorts last steps it instead of reading the history again (docs/reports.md, "Speed"): when
 * `foldsInOrder(state, event)` (the read model's rule, fold.ts: not a retraction, not before the last folded event),
 * stepReportFacts(state, event) gives the fold of the whole history; any other event means folding it again. The
 * facts do not depend on clock or risk settings. The clock runs are the clocks' own fold (stepClockRuns); `links`
 * says, for each clock (in CLOCK_IDS order), which entry of `clockRuns` each of its current runs is (in runsOf order): that is how a run's
 * later stop or re-anchoring reaches the entry it was listed as, across a JSON round trip. (In memory an entry and
 * its current run may be one object; a round trip makes them two equal ones, and the next step joins them again.)
 */
export interface ReportFactsState {
  v: 1;
  history: HistoryStep;
  runs: ClockRuns;
  links: number[][];
  clockRuns: ClockRunFact[];
  visits: StageVisit[];
  /** In the order of their first extension. */
  offers: OfferFact[];
  signals: LoggedSignal[];
  lastFinalAt: number | null;
  interviewed: boolean;
  hiredAt: number | null;
  loss: ApplicationFacts['loss'];
  firstEventAt: number | null;
}

export function emptyReportFactsState(): ReportFactsState {
  return {
    v: 1,
    history: emptyHistoryStep(),
    runs: emptyClockRuns(),
    links: CLOCK_IDS.map(() => []),
    clockRuns: [],
    visits: [],
    offers: [],
    signals: [],
    lastFinalAt: null,
    interviewed: false,
    hiredAt: null,
    loss: null,
    firstEventAt: null,
  };
}

/** One event (prepared: oldest first, retractions folded out) applied to the state; mutates and returns it. */
export function stepReportFacts(state: ReportFactsState, e: PreparedEvent): ReportFactsState {
  const h = state.history;
  const visits = state.visits;
  state.firstEventAt ??= e.t;
  const wasActive = h.status === 'active' || h.status === 'accepted';
  // The runs the clocks hold before the event, with the entries they are listed as: the event may stop one and drop
  // it (a stage.idle run is stopped and replaced by every event), so each is copied to its entry after the step.
  const beforeRuns: Run[] = [];
  const beforeAt: number[] = [];
  for (let c = 0; c < CLOCK_IDS.length; c++) {
    const links = state.links[c]!;
    const runs = runsOf(state.runs, CLOCK_IDS[c]!);
    for (let i = 0; i < runs.length; i++) {
      beforeRuns.push(runs[i]!);
      beforeAt.push(links[i]!);
    }
  }
  stepHistory(h, e);
  stepClockRuns(state.runs, e);
  for (let i = 0; i < beforeRuns.length; i++) state.clockRuns[beforeAt[i]!]!.run = beforeRuns[i]!;
  for (let c = 0; c < CLOCK_IDS.length; c++) {
    const clock = CLOCK_IDS[c]!;
    const runs = runsOf(state.runs, clock);
    const links: number[] = [];
    for (const run of runs) {
      const k = beforeRuns.indexOf(run);
      let at: number;
      if (k >= 0) at = beforeAt[k]!;
      else {
        at = state.clockRuns.length;
        state.clockRuns.push({ clock, run });
      }
      links.push(at);
    }
    state.links[c] = links;
  }
  const enter = (stage: string, t: number) => {
    const open = visits[visits.length - 1];
    if (open && open.leftAt === null) {
      if (open.stage === stage) return;
      open.leftAt = t;
    }
    visits.push({ stage, enteredAt: t, leftAt: null });
  };
  const leave = (t: number) => {
    const open = visits[visits.length - 1];
    if (open && open.leftAt === null) open.leftAt = t;
  };
  switch (e.type) {
    case 'stage.changed':
      if (visits.length === 0) visits.push({ stage: e.data.from, enteredAt: h.firstContactAt ?? e.t, leftAt: null });
      enter(e.data.to, e.t);
      state.loss = null;
      break;
    case 'application.reopened':
      enter(e.data.stage, e.t);
      state.loss = null;
      break;
    case 'interview.completed':
      state.interviewed = true;
      if (e.data.final) state.lastFinalAt = e.t;
      break;
    case 'offer.extended':
      if (!state.offers.some((o) => o.offerId === e.data.offerId)) {
        const lastFinalAt = state.lastFinalAt;
        state.offers.push({ offerId: e.data.offerId, extendedAt: e.t, hoursAfterFinal: lastFinalAt === null ? null : (e.t - lastFinalAt) / 3_600_000, outcome: 'open', resolvedAt: null });
      }
      break;
    case 'offer.accepted':
    case 'offer.declined': {
      const offer = state.offers.find((o) => o.offerId === e.data.offerId);
      if (offer && offer.outcome === 'open') {
        offer.outcome = e.type === 'offer.accepted' ? 'accepted' : 'declined';
        offer.resolvedAt = e.t;
      }
      if (e.type === 'offer.accepted') state.hiredAt ??= e.t;
      break;
    }
    case 'signal.observed':
      if (!state.signals.includes(e.data.signal)) state.signals.push(e.data.signal);
      break;
    case 'candidate.withdrew':
      if (wasActive) state.loss = { at: e.t, reason: 'withdrew', stage: currentStageName(visits, historyFacts(h).stage), signals: [...state.signals] };
      leave(e.t);
      break;
    case 'application.closed':
      if (e.data.status === 'hired') state.hiredAt ??= e.t;
      else if (wasActive) {
        const declined = state.offers.some((o) => o.outcome === 'declined');
        const reason = e.data.lossReason ?? (declined ? 'offer-declined' : 'withdrew');
        state.loss = { at: e.t, reason, stage: currentStageName(visits, historyFacts(h).stage), signals: [...state.signals] };
      }
      leave(e.t);
      break;
  }
  return state;
}

/**
 * The facts a state stands for. They share their lists with the state (no copy: an append stores them at once), so
 * serialise or copy them before stepping the state further.
 */
export function reportFactsOf(state: ReportFactsState): HistoryFacts {
  const h = state.history;
  const firstContactAt = h.firstContactAt ?? state.firstEventAt;
  const closed = h.status === 'lost' || h.status === 'withdrawn';
  return {
    status: h.status,
    firstContactAt,
    cohort: firstContactAt === null ? null : monthOf(firstContactAt),
    visits: state.visits,
    interviewed: state.interviewed,
    offers: state.offers,
    hiredAt: closed ? null : state.hiredAt,
    loss: closed ? state.loss : null,
    clockRuns: state.clockRuns,
  };
}

/** The fold's state after a prepared history (oldest first, retractions folded out): the from-scratch fold. */
export function foldReportFacts(events: readonly PreparedEvent[]): ReportFactsState {
  const state = emptyReportFactsState();
  for (const e of events) stepReportFacts(state, e);
  return state;
}

/** The report facts of one prepared history (oldest first, retractions folded out). */
export function historyReportFacts(events: readonly PreparedEvent[]): HistoryFacts {
  return reportFactsOf(foldReportFacts(events));
}

function currentStageName(visits: readonly StageVisit[], fallback: string): string {
  return visits[visits.length - 1]?.stage ?? fallback;
}
