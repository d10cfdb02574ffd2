import { emptyClockRuns, runsOf, stepClockRuns, type Run } from '../pipeline/clocks.js';
import { CLOCK_IDS, type ClockId } from '../pipeline/clock-settings.js';
import { emptyHistoryStep, historyFacts, stepHistory, type ApplicationStatus, type PreparedEvent } from '../pipeline/history.js';
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

/** The report facts of one prepared history (oldest first, retractions folded out). */
export function historyReportFacts(events: readonly PreparedEvent[]): HistoryFacts {
  const h = emptyHistoryStep();
  const runs = emptyClockRuns();
  const seen = new Set<Run>();
  const clockRuns: ClockRunFact[] = [];
  const visits: StageVisit[] = [];
  const offers = new Map<string, OfferFact>();
  const signals: LoggedSignal[] = [];
  let lastFinalAt: number | null = null;
  let interviewed = false;
  let hiredAt: number | null = null;
  let loss: ApplicationFacts['loss'] = null;
  let firstEventAt: number | null = null;

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

  for (const e of events) {
    firstEventAt ??= e.t;
    const wasActive = h.status === 'active' || h.status === 'accepted';
    stepHistory(h, e);
    stepClockRuns(runs, e);
    for (const clock of CLOCK_IDS) {
      for (const run of runsOf(runs, clock)) {
        if (seen.has(run)) continue;
        seen.add(run);
        clockRuns.push({ clock, run });
      }
    }
    switch (e.type) {
      case 'stage.changed':
        if (visits.length === 0) visits.push({ stage: e.data.from, enteredAt: h.firstContactAt ?? e.t, leftAt: null });
        enter(e.data.to, e.t);
        loss = null;
        break;
      case 'application.reopened':
        enter(e.data.stage, e.t);
        loss = null;
        break;
      case 'interview.completed':
        interviewed = true;
        if (e.data.final) lastFinalAt = e.t;
        break;
      case 'offer.extended':
        if (!offers.has(e.data.offerId)) {
          offers.set(e.data.offerId, { offerId: e.data.offerId, extendedAt: e.t, hoursAfterFinal: lastFinalAt === null ? null : (e.t - lastFinalAt) / 3_600_000, outcome: 'open', resolvedAt: null });
        }
        break;
      case 'offer.accepted':
      case 'offer.declined': {
        const offer = offers.get(e.data.offerId);
        if (offer && offer.outcome === 'open') {
          offer.outcome = e.type === 'offer.accepted' ? 'accepted' : 'declined';
          offer.resolvedAt = e.t;
        }
        if (e.type === 'offer.accepted') hiredAt ??= e.t;
        break;
      }
      case 'signal.observed':
        if (!signals.includes(e.data.signal)) signals.push(e.data.signal);
        break;
      case 'candidate.withdrew':
        if (wasActive) loss = { at: e.t, reason: 'withdrew', stage: currentStageName(visits, historyFacts(h).stage), signals: [...signals] };
        leave(e.t);
        break;
      case 'application.closed':
        if (e.data.status === 'hired') hiredAt ??= e.t;
        else if (wasActive) {
          const declined = [...offers.values()].some((o) => o.outcome === 'declined');
          const reason = e.data.lossReason ?? (declined ? 'offer-declined' : 'withdrew');
          loss = { at: e.t, reason, stage: currentStageName(visits, historyFacts(h).stage), signals: [...signals] };
        }
        leave(e.t);
        break;
    }
  }
  const firstContactAt = h.firstContactAt ?? firstEventAt;
  return {
    status: h.status,
    firstContactAt,
    cohort: firstContactAt === null ? null : monthOf(firstContactAt),
    visits,
    interviewed,
    offers: [...offers.values()],
    hiredAt: h.status === 'lost' || h.status === 'withdrawn' ? null : hiredAt,
    loss: h.status === 'lost' || h.status === 'withdrawn' ? loss : null,
    clockRuns,
  };
}

function currentStageName(visits: readonly StageVisit[], fallback: string): string {
  return visits[visits.length - 1]?.stage ?? fallback;
}
