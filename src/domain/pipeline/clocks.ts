import { businessHoursBetween } from './business-hours.js';
import { CLOCK_IDS, DEFAULT_CLOCK_SETTINGS, effectiveTarget, type ClockId, type ClockSettings, type EffectiveTarget } from './clock-settings.js';
import type { TimedEvent } from './events.js';
import { REOPENING_EVENTS, TERMINAL_EVENTS, prepareEvents, type PreparedEvent } from './history.js';
import { HOUR_MS, toEpochMs, toIso } from './time.js';

export type ClockState = 'ok' | 'warning' | 'critical' | 'stopped';

/** What a clock is about when an application has several of its kind. */
export interface ClockSubject {
  interviewId?: string;
  interviewerId?: string;
  offerId?: string;
  approverIds?: string[];
}

export interface Clock {
  id: ClockId;
  state: ClockState;
  /** Hours run up to now, or up to the stop event; working hours when `basis` is 'business'. */
  elapsedHours: number;
  /** The warning time (the target), in the same unit as elapsedHours. */
  targetHours: number;
  criticalHours: number;
  basis: 'calendar' | 'business';
  /** Hours in one day of this basis (24, or the length of a working day): turns hours into days for people. */
  dayHours: number;
  startedAt: string;
  stoppedAt?: string;
  /** Set on stopped clocks: whether the stop came after the warning time. */
  endedLate?: boolean;
  subject?: ClockSubject;
  /**
   * reply.to-candidate started by an application through the job board that nobody has answered, moved on or
   * closed yet: Today lists it at once as a new applicant (isNewApplicant), not only once it is late.
   */
  newApplicant?: true;
}

export interface Run {
  start: number;
  stop?: number;
  subject?: ClockSubject;
  /** The reply run of an inbound application not yet answered nor moved on (Clock.newApplicant). */
  newApplicant?: true;
}

/** Events after which an inbound applicant is no longer new: the team moved them on (a reply or a close stops the run). */
const MOVES_ON: ReadonlySet<string> = new Set(['stage.changed', 'interview.scheduled', 'interview.completed']);

/**
 * The clocks' part of the fold over a history: each clock's current run, plus what the next event needs to know
 * (whether the application is active, scorecards submitted before their interview was logged). Plain data, so a
 * read model can store it as JSON and resume the fold from it (projection.ts).
 */
export interface ClockRuns {
  active: boolean;
  cycle?: Run;
  afterFinal?: Run;
  /** By offer id, in the order of the latest request. */
  approvals: Array<[string, Run]>;
  reply?: Run;
  /** By interview and interviewer ("interviewId\u0000interviewerId"), in the order they started. */
  scorecards: Array<[string, Run]>;
  idle?: Run;
  submittedEarly: string[];
}

const running = (run: Run | undefined): run is Run => run !== undefined && run.stop === undefined;

function stopRun(run: Run | undefined, t: number): void {
  if (running(run)) run.stop = t;
}

export function emptyClockRuns(): ClockRuns {
  return { active: true, approvals: [], scorecards: [], submittedEarly: [] };
}

const entry = (list: Array<[string, Run]>, key: string): Run | undefined => list.find(([k]) => k === key)?.[1];

/**
 * One step of the fold over the events, oldest first, keeping each clock's current run (mutates `runs`). Rules
 * beyond the spec table (docs/pipeline.md): closing events stop every clock; clocks only start while the
 * application is active; reopening resumes cycle.total from first contact;
 * a later final interview re-anchors offer.after-final; an approval clock also stops when its offer is extended
 * or superseded by another offer; a re-logged interview does not restart its scorecards; an `application.received`
 * with `source: 'inbound'` (the candidate wrote to us through the job board) starts reply.to-candidate like a
 * candidate message that asks something (while active, when no reply run is running), and marks the run a new
 * applicant until a stage change or an interview moves them on (a reply or a close stops the run).
 */
export function stepClockRuns(runs: ClockRuns, e: PreparedEvent): void {
  const t = e.t;
  stopRun(runs.idle, t);
  if (runs.reply?.newApplicant && MOVES_ON.has(e.type)) delete runs.reply.newApplicant;
  if (REOPENING_EVENTS.has(e.type) && !runs.active) {
    runs.active = true;
    // Reopened, the application is no longer closed: the cycle clock runs on from first contact, so
    // "days since first contact" stays the days since first contact. The other clocks need new start events.
    if (runs.cycle) delete runs.cycle.stop;
  }
  if (TERMINAL_EVENTS.has(e.type) && runs.active) {
    runs.active = false;
    stopRun(runs.cycle, t);
    stopRun(runs.afterFinal, t);
    stopRun(runs.reply, t);
    for (const [, run] of runs.approvals) stopRun(run, t);
    for (const [, run] of runs.scorecards) stopRun(run, t);
  }
  const active = runs.active;
  switch (e.type) {
    case 'outreach.sent':
      if (!runs.cycle && active) runs.cycle = { start: t };
      break;
    case 'application.received':
      if (!runs.cycle && active) runs.cycle = { start: t };
      // An inbound application: the candidate wrote to us and waits for an answer, as after a message that asks something.
      if (active && e.data.source === 'inbound' && !running(runs.reply)) runs.reply = { start: t, newApplicant: true };
      break;
    case 'interview.completed':
      if (!active) break;
      if (e.data.final) {
        if (running(runs.afterFinal)) runs.afterFinal.start = t;
        else runs.afterFinal = { start: t };
      }
      for (const interviewerId of e.data.interviewerIds ?? []) {
        const key = `${e.data.interviewId}\u0000${interviewerId}`;
        if (entry(runs.scorecards, key)) continue;
        const subject = { interviewId: e.data.interviewId, interviewerId };
        runs.scorecards.push([key, runs.submittedEarly.includes(key) ? { start: t, stop: t, subject } : { start: t, subject }]);
      }
      break;
    case 'scorecard.submitted': {
      const key = `${e.data.interviewId}\u0000${e.data.interviewerId}`;
      const run = entry(runs.scorecards, key);
      if (run) stopRun(run, t);
      else if (!runs.submittedEarly.includes(key)) runs.submittedEarly.push(key);
      break;
    }
    case 'offer.approval-requested': {
      if (!active) break;
      for (const [offerId, run] of runs.approvals) if (offerId !== e.data.offerId) stopRun(run, t);
      const current = entry(runs.approvals, e.data.offerId);
      if (!running(current)) {
        const subject: ClockSubject = { offerId: e.data.offerId };
        if (e.data.approverIds) subject.approverIds = [...e.data.approverIds];
        // re-insert so listing order follows the latest request
        runs.approvals = runs.approvals.filter(([k]) => k !== e.data.offerId);
        runs.approvals.push([e.data.offerId, { start: t, subject }]);
      }
      break;
    }
    case 'offer.approved':
    case 'offer.rejected':
      stopRun(entry(runs.approvals, e.data.offerId), t);
      break;
    case 'offer.extended':
      stopRun(runs.afterFinal, t);
      for (const [, run] of runs.approvals) stopRun(run, t);
      break;
    case 'candidate.replied':
      if (active && e.data.asksQuestion && !running(runs.reply)) runs.reply = { start: t };
      break;
    case 'team.replied':
      stopRun(runs.reply, t);
      break;
  }
  if (active) runs.idle = { start: t };
}

function collectRuns(events: readonly PreparedEvent[]): ClockRuns {
  const runs = emptyClockRuns();
  for (const e of events) stepClockRuns(runs, e);
  return runs;
}

/** Every run of a clock id, in listing order. */
export function runsOf(runs: ClockRuns, id: ClockId): Run[] {
  switch (id) {
    case 'cycle.total':
      return runs.cycle ? [runs.cycle] : [];
    case 'offer.after-final':
      return runs.afterFinal ? [runs.afterFinal] : [];
    case 'approval.pending':
      return runs.approvals.map(([, r]) => r);
    case 'reply.to-candidate':
      return runs.reply ? [runs.reply] : [];
    case 'scorecard.due':
      return runs.scorecards.map(([, r]) => r);
    case 'stage.idle':
      return runs.idle ? [runs.idle] : [];
  }
}

/** One run as a clock at `nowMs` (a stopped run keeps the time it ended with): the clocks' one state rule. */
export function toClock(id: ClockId, run: Run, nowMs: number, settings: ClockSettings, target: EffectiveTarget): Clock {
  const end = run.stop ?? nowMs;
  const elapsedHours =
    settings.hours.mode === 'business' ? businessHoursBetween(run.start, end, settings.hours) : Math.max(0, end - run.start) / HOUR_MS;
  const clock: Clock = {
    id,
    state:
      run.stop !== undefined
        ? 'stopped'
        : elapsedHours > target.criticalHours
          ? 'critical'
          : elapsedHours > target.warningHours
            ? 'warning'
            : 'ok',
    elapsedHours,
    targetHours: target.warningHours,
    criticalHours: target.criticalHours,
    basis: target.basis,
    dayHours: target.dayHours,
    startedAt: toIso(run.start),
  };
  if (run.stop !== undefined) {
    clock.stoppedAt = toIso(run.stop);
    clock.endedLate = elapsedHours > target.warningHours;
  }
  if (run.subject) clock.subject = run.subject;
  if (run.newApplicant && run.stop === undefined) clock.newApplicant = true;
  return clock;
}

/** A new applicant on Today: an inbound application's reply clock, unanswered and not yet late (past its warning it is listed as late). */
export function isNewApplicant(clock: Pick<Clock, 'newApplicant' | 'state'>): boolean {
  return clock.newApplicant === true && clock.state === 'ok';
}

/** Whether a clock puts its application on Today: late (warning or critical), or a new applicant. */
export function isListedClock(clock: Pick<Clock, 'newApplicant' | 'state'>): boolean {
  return clock.state === 'warning' || clock.state === 'critical' || isNewApplicant(clock);
}

/**
 * The clocks at `nowMs` from the fold's runs (see stepClockRuns). With `runningOnly`, stopped clocks other than
 * cycle.total are left out: what Today reads (a stopped clock is never late), at a fraction of the cost.
 */
export function clocksFromRuns(runs: ClockRuns, nowMs: number, settings: ClockSettings, runningOnly = false): Clock[] {
  const clocks: Clock[] = [];
  for (const id of CLOCK_IDS) {
    const list = runsOf(runs, id);
    if (list.length === 0) continue;
    const target = effectiveTarget(settings, id);
    for (const run of list) if (!runningOnly || run.stop === undefined || id === 'cycle.total') clocks.push(toClock(id, run, nowMs, settings, target));
  }
  return clocks;
}

/** computeClocks over events already prepared (sorted, in the past): the shared core of computeClocks and summarizeApplication. */
export function clocksFromPrepared(events: readonly PreparedEvent[], nowMs: number, settings: ClockSettings): Clock[] {
  return clocksFromRuns(collectRuns(events), nowMs, settings);
}

/**
 * The clocks of one application at `now`, derived from its events alone (events after `now` are ignored).
 * A clock whose start event has not happened is not listed; scorecard.due is one clock per interviewer and
 * interview, approval.pending one per offer.
 */
export function computeClocks(events: readonly TimedEvent[], now: Date | number, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): Clock[] {
  const nowMs = toEpochMs(now);
  return clocksFromPrepared(prepareEvents(events, nowMs), nowMs, settings);
}
