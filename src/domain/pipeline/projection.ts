import { businessHoursBetween } from './business-hours.js';
import { CLOCK_IDS, effectiveTarget, DEFAULT_CLOCK_SETTINGS, type ClockId, type ClockSettings } from './clock-settings.js';
import { isListedClock, runsOf, toClock, type Clock } from './clocks.js';
import { foldPipelineState, foldsInOrder, stepPipelineState, type PipelineState } from './fold.js';
import { historyFacts, prepareEpochEvents, type ApplicationStatus, type PreparedEvent } from './history.js';
import { DEFAULT_RISK_SETTINGS, combineContributions, decayFactor, riskFromInputs, riskLevel, riskScoreFromInputs, type RiskAssessment, type RiskInputs, type RiskSettings } from './risk.js';
import { todayOvershoot, todayRiskRank } from './today.js';
import { summaryFromState, type ApplicationSummary, type PipelineSettings } from './summary.js';
import { DAY_MS, HOUR_MS } from './time.js';

/**
 * The read model's row of one application: the fold's state (fold.ts) and the columns the indexed reads select by.
 * Everything here is a function of the history and the settings alone (never of the time of writing), so a row
 * kept up to date event by event equals a row rebuilt from the events (docs/decisions/008-read-model.md).
 */
export interface PipelineProjection {
  state: PipelineState;
  status: ApplicationStatus;
  stage: string;
  firstContactAt: number | null;
  lastEventAt: number | null;
  /**
   * The earliest instant, from the last event on, at which the application is on Today (a clock past its warning
   * time, or a high or critical risk); null when it will not be without a new event. Today reads the rows with
   * `attention_at <= now` and derives their items from the state: a row whose risk has since decayed is read and
   * dropped, none that is due is missed.
   */
  attentionAt: number | null;
  /** The first instant after the last event at which a clock's state or the risk level changes (null: never without a new event). */
  nextChangeAt: number | null;
  /** Today's item rows (todayRows): one per running clock that can go late, and one for a risk that can be high. */
  todayRows: TodayRow[];
}

/**
 * One row of Today's item table (docs/decisions/008-read-model.md, "Today's item rows"): what an indexed query needs
 * to list, order and count an item at any `now` after the application's last event without reading its state.
 * - A new-applicant row (key `new|reply.to-candidate`): listed from the run's start while its elapsed time is at most
 *   `warningHours` (`untilAt`: the warning crossing), after the late items, the longest waiting first.
 * - A clock row (one per running clock run): listed once its elapsed time passes `warningHours` (from `listedAt`),
 *   critical past `criticalHours`; in calendar hours its elapsed time at `now` is (now - startAt) / 1 h, so its level
 *   and overshoot are arithmetic on the row (todayClockOfRow gives the domain's own Clock for it).
 * - Risk rows: the risk may be high or critical from `listedAt` until `untilAt` (null: no end without a new event);
 *   outside these windows it is not. Inside one, the reader derives the risk from the stored state.
 */
export interface TodayRow {
  /** Unique within the application: the item's key without the application id. */
  key: string;
  itemId: ClockId | 'risk';
  startAt: number | null;
  listedAt: number;
  untilAt: number | null;
  warningHours: number | null;
  criticalHours: number | null;
  basis: 'calendar' | 'business' | null;
  offerId: string | null;
  interviewId: string | null;
  interviewerId: string | null;
  approverIds: string[] | null;
  /** Risk rows: what the risk reads in this window (todayRiskOfRow). */
  riskInputs: TodayRiskInputs | null;
}

/** A risk window's inputs: the logged signals, the replies the engagement rule reads, the clock-detected signals on in it. */
export interface TodayRiskInputs {
  logged: RiskInputs['logged'];
  replies: RiskInputs['replies'];
  detected: Array<'approval-delay' | 'process-too-long'>;
}

/** The risk at `nowMs` (inside the row's window) from a risk row's inputs: riskFromInputs, as the summary computes it. */
export function todayRiskOfRow(inputs: TodayRiskInputs, nowMs: number, settings: PipelineSettings): RiskAssessment {
  const risk = settings.risk ?? DEFAULT_RISK_SETTINGS;
  return riskFromInputs({ logged: inputs.logged, replies: inputs.replies }, riskRowClocks(inputs, risk), nowMs, risk);
}

/**
 * Where a risk row's item would stand on Today at `nowMs` (the level and overshoot buildTodayItems gives it), or null
 * when it is not listed: todayRiskOfRow's score without its texts, for ranking every row in its window.
 */
export function todayRiskRankOfRow(inputs: TodayRiskInputs, nowMs: number, settings: PipelineSettings): { level: 'high' | 'critical'; overshoot: number } | null {
  const risk = settings.risk ?? DEFAULT_RISK_SETTINGS;
  const { score, acts } = riskScoreFromInputs(inputs, riskRowClocks(inputs, risk), nowMs, risk);
  return acts ? todayRiskRank(score, risk.levels) : null;
}

/** The clocks a risk row's detected signals stand for. */
function riskRowClocks(inputs: TodayRiskInputs, risk: RiskSettings): Clock[] {
  const clocks: Clock[] = [];
  const critical = (id: ClockId | undefined) => {
    if (id !== undefined) clocks.push({ id, state: 'critical', elapsedHours: 0, targetHours: 0, criticalHours: 0, basis: 'calendar', dayHours: 24, startedAt: '' });
  };
  // A critical clock of each signal on, chosen so that it does not switch on the other one as well.
  const delay = inputs.detected.includes('approval-delay');
  const long = inputs.detected.includes('process-too-long');
  if (delay) critical(risk.approvalDelayClocks.find((id) => long || !risk.processTooLongClocks.includes(id)) ?? risk.approvalDelayClocks[0]);
  if (long) critical(risk.processTooLongClocks.find((id) => delay || !risk.approvalDelayClocks.includes(id)) ?? risk.processTooLongClocks[0]);
  return clocks;
}

/**
 * Where a running clock's row stands on Today at `nowMs` (toClock's state and buildTodayItems' overshoot), or null when
 * it is not late: the elapsed time in the settings' hours (working hours on business-hour clocks, as toClock counts them).
 */
export function todayClockRankOfRow(
  row: { startAt: number; warningHours: number; criticalHours: number; newApplicant?: boolean },
  nowMs: number,
  clocks: ClockSettings,
): { level: 'warning' | 'critical' | 'new'; overshoot: number } | null {
  const clock = toClock('stage.idle', { start: row.startAt }, nowMs, clocks, { warningHours: row.warningHours, criticalHours: row.criticalHours, dayHours: 24, basis: clocks.hours.mode });
  // A new-applicant row is listed until its clock is late (then the clock's own row is), the longest waiting first.
  if (row.newApplicant) return clock.state === 'ok' ? { level: 'new', overshoot: todayOvershoot(clock.elapsedHours, 0) } : null;
  if (clock.state !== 'warning' && clock.state !== 'critical') return null;
  return { level: clock.state, overshoot: todayOvershoot(clock.elapsedHours, clock.state === 'critical' ? clock.criticalHours : clock.targetHours) };
}

/** Horizon of the search for a decaying risk's level change: after 64 half-lives a logged signal weighs nothing. */
const DECAY_HALF_LIVES = 64;

/** Whether the application shows on Today: the test collectToday applies. */
function onToday(s: ApplicationSummary): boolean {
  return s.clocks.some(isListedClock) || s.risk.level === 'high' || s.risk.level === 'critical';
}

/**
 * The instant a running clock's elapsed time reaches `hours` (in its basis): the clock passes that threshold right
 * after it. Business hours are searched (elapsed working hours grow monotonically with the end time).
 */
function crossingAt(start: number, hours: number, clocks: ClockSettings): number | null {
  if (clocks.hours.mode === 'calendar') return start + hours * HOUR_MS;
  const bh = clocks.hours;
  let lo = start + hours * HOUR_MS; // working hours never outrun calendar hours
  if (businessHoursBetween(start, lo, bh) > hours) return lo;
  let span = Math.max(DAY_MS, hours * HOUR_MS);
  let hi = lo + span;
  for (let i = 0; businessHoursBetween(start, hi, bh) <= hours; i++) {
    if (i > 12) return null; // no working time for years (every day a holiday): never
    lo = hi;
    span *= 2;
    hi = lo + span;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessHoursBetween(start, mid, bh) > hours) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** The warning and critical crossings of every running clock. */
function clockCrossings(state: PipelineState, clocks: ClockSettings): Array<{ id: string; warning: number | null; critical: number | null }> {
  const out: Array<{ id: string; warning: number | null; critical: number | null }> = [];
  for (const id of CLOCK_IDS) {
    const target = effectiveTarget(clocks, id);
    for (const run of runsOf(state.runs, id)) {
      if (run.stop !== undefined) continue;
      out.push({ id, warning: crossingAt(run.start, target.warningHours, clocks), critical: crossingAt(run.start, target.criticalHours, clocks) });
    }
  }
  return out;
}

/** attention_at: see PipelineProjection. */
export function attentionAt(state: PipelineState, settings: PipelineSettings, atLastEvent?: ApplicationSummary): number | null {
  const t0 = state.history.lastEventAt;
  if (t0 === undefined) return null;
  if (onToday(atLastEvent ?? summaryFromState(state, t0, settings, { runningClocksOnly: true }))) return t0;
  // Not listed at the last event: risk only falls from here (logged signals decay) or rises with a critical clock,
  // which passed its warning time first. So the first warning crossing is the first time it can be listed.
  let first: number | null = null;
  for (const c of clockCrossings(state, settings.clocks ?? DEFAULT_CLOCK_SETTINGS)) if (c.warning !== null && (first === null || c.warning < first)) first = c.warning;
  return first === null ? null : Math.max(first, t0);
}

/** next_change_at: see PipelineProjection. */
export function nextChangeAt(state: PipelineState, settings: PipelineSettings, atLastEvent?: ApplicationSummary): number | null {
  const t0 = state.history.lastEventAt;
  if (t0 === undefined) return null;
  const clocks = settings.clocks ?? DEFAULT_CLOCK_SETTINGS;
  let next: number | null = null;
  for (const c of clockCrossings(state, clocks)) {
    for (const t of [c.warning, c.critical]) if (t !== null && t > t0 && (next === null || t < next)) next = t;
  }
  // Until the next clock crossing only the decay of logged signals moves the risk, downwards (detected signals stay
  // as they are at the last event): search for the first instant its level differs, in closed form per instant.
  const risk = settings.risk ?? DEFAULT_RISK_SETTINGS;
  const detected = (atLastEvent ?? summaryFromState(state, t0, settings, { runningClocksOnly: true })).risk.signals.filter((s) => s.source === 'detected').map((s) => s.contribution);
  const logged = state.risk.logged.map((l) => ({ weight: risk.signals[l.type].weight, t: l.t })).filter((l) => l.weight > 0);
  const level = (t: number) => riskLevel(combineContributions([...detected, ...logged.map((l) => l.weight * decayFactor((t - l.t) / DAY_MS, risk.halfLifeDays))]), risk.levels);
  const start = level(t0);
  let hi = next ?? t0 + Math.ceil(DECAY_HALF_LIVES * risk.halfLifeDays * DAY_MS);
  if (logged.length === 0 || level(hi) === start) return next;
  let lo = t0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (level(mid) === start) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A small margin under the high threshold for the risk window's end, against rounding in the order of the product. */
const RISK_MARGIN = 1e-9;

/**
 * Today's item rows of a state (see TodayRow): every running clock run whose warning time can pass, and, for an
 * active application, the windows in which its risk can be high or critical. From the last event on, logged signals
 * only decay and detected ones only switch on when a clock they read turns critical (see attentionAt), so between
 * the last event and those switch-on instants the risk falls: each span is high on a prefix, found by bisection (with
 * a small margin, so a window never ends early).
 */
export function todayRows(state: PipelineState, settings: PipelineSettings, atLastEvent?: ApplicationSummary): TodayRow[] {
  const t0 = state.history.lastEventAt;
  if (t0 === undefined) return [];
  const clocks = settings.clocks ?? DEFAULT_CLOCK_SETTINGS;
  const rows: TodayRow[] = [];
  for (const id of CLOCK_IDS) {
    const target = effectiveTarget(clocks, id);
    for (const run of runsOf(state.runs, id)) {
      if (run.stop !== undefined) continue;
      const listedAt = crossingAt(run.start, target.warningHours, clocks);
      if (run.newApplicant) {
        // A new applicant: listed from the application until the clock passes its warning time (then the row below is).
        rows.push({
          key: `new|${id}`,
          itemId: id,
          startAt: run.start,
          listedAt: run.start,
          untilAt: listedAt,
          warningHours: target.warningHours,
          criticalHours: target.criticalHours,
          basis: target.basis,
          offerId: null,
          interviewId: null,
          interviewerId: null,
          approverIds: null,
          riskInputs: null,
        });
      }
      if (listedAt === null) continue;
      const s = run.subject;
      rows.push({
        key: ['clock', id, s?.offerId ?? '', s?.interviewId ?? '', s?.interviewerId ?? ''].join('|'),
        itemId: id,
        startAt: run.start,
        listedAt,
        untilAt: null,
        warningHours: target.warningHours,
        criticalHours: target.criticalHours,
        basis: target.basis,
        offerId: s?.offerId ?? null,
        interviewId: s?.interviewId ?? null,
        interviewerId: s?.interviewerId ?? null,
        approverIds: s?.approverIds ?? null,
        riskInputs: null,
      });
    }
  }
  const replies = state.risk.replies.slice(Math.max(0, state.risk.replies.length - (settings.risk ?? DEFAULT_RISK_SETTINGS).engagementReplies));
  for (const [i, w] of riskWindows(state, settings, atLastEvent ?? summaryFromState(state, t0, settings, { runningClocksOnly: true })).entries()) {
    const riskInputs: TodayRiskInputs = { logged: state.risk.logged, replies, detected: w.detected };
    rows.push({ key: `risk|${i}`, itemId: 'risk', startAt: null, listedAt: w.from, untilAt: w.until, warningHours: null, criticalHours: null, basis: null, offerId: null, interviewId: null, interviewerId: null, approverIds: null, riskInputs });
  }
  return rows;
}

function riskWindows(state: PipelineState, settings: PipelineSettings, atLastEvent: ApplicationSummary): Array<{ from: number; until: number | null; detected: TodayRiskInputs['detected'] }> {
  const t0 = state.history.lastEventAt!;
  if (atLastEvent.status !== 'active') return [];
  const risk = settings.risk ?? DEFAULT_RISK_SETTINGS;
  const crossings = clockCrossings(state, settings.clocks ?? DEFAULT_CLOCK_SETTINGS);
  // The instant each clock-detected signal switches on: the first critical crossing of a clock it reads.
  const switchOn = (ids: readonly string[]) => {
    let first: number | null = null;
    for (const c of crossings) if (ids.includes(c.id) && c.critical !== null && (first === null || c.critical < first)) first = c.critical;
    return first;
  };
  const base = new Map<string, number>();
  for (const s of atLastEvent.risk.signals) if (s.source === 'detected') base.set(s.type, s.contribution);
  const later = [
    { type: 'approval-delay' as const, at: switchOn(risk.approvalDelayClocks) },
    { type: 'process-too-long' as const, at: switchOn(risk.processTooLongClocks) },
  ].filter((d): d is { type: 'approval-delay' | 'process-too-long'; at: number } => d.at !== null && !base.has(d.type));
  const logged = state.risk.logged.map((l) => ({ weight: risk.signals[l.type].weight, t: l.t })).filter((l) => l.weight > 0);
  const points = [...new Set([t0, ...later.map((d) => Math.max(d.at, t0))])].sort((a, b) => a - b);
  const windows: Array<{ from: number; until: number | null; detected: TodayRiskInputs['detected'] }> = [];
  for (const [i, point] of points.entries()) {
    // A clock is critical after its crossing (not at it): the span of a switch-on instant starts 1 ms after it.
    const from = i === 0 ? point : point + 1;
    // Between two switch-on instants only the logged signals move, downwards: the risk is high on a prefix of the span.
    const on = later.filter((d) => d.at <= point);
    const kinds = [...base.keys(), ...on.map((d) => d.type)].filter((t): t is 'approval-delay' | 'process-too-long' => t === 'approval-delay' || t === 'process-too-long');
    const detected = [...base.values(), ...on.map((d) => risk.signals[d.type].weight)];
    const under = (t: number) => combineContributions([...detected, ...logged.map((l) => l.weight * decayFactor((t - l.t) / DAY_MS, risk.halfLifeDays))]) + RISK_MARGIN < risk.levels.high;
    if (under(from)) continue;
    const end = points[i + 1];
    let hi = end !== undefined ? end + 1 : from + Math.ceil(DECAY_HALF_LIVES * risk.halfLifeDays * DAY_MS);
    if (!under(hi)) {
      windows.push({ from, until: end === undefined ? null : end + 1, detected: kinds });
      continue;
    }
    let lo = from;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (under(mid)) hi = mid;
      else lo = mid;
    }
    windows.push({ from, until: hi, detected: kinds });
  }
  return windows;
}

/** The row of an application from its state and settings. */
export function projectState(state: PipelineState, settings: PipelineSettings): PipelineProjection {
  const facts = historyFacts(state.history);
  // Running clocks only: stopped clocks are never late nor critical, so what is listed and the risk are the same.
  const atLastEvent = facts.lastEventAt === undefined ? undefined : summaryFromState(state, facts.lastEventAt, settings, { runningClocksOnly: true });
  return {
    state,
    status: facts.status,
    stage: facts.stage,
    firstContactAt: facts.firstContactAt ?? null,
    lastEventAt: facts.lastEventAt ?? null,
    attentionAt: attentionAt(state, settings, atLastEvent),
    nextChangeAt: nextChangeAt(state, settings, atLastEvent),
    todayRows: todayRows(state, settings, atLastEvent),
  };
}

/** The row from scratch: the whole history (epoch-ms events as the bulk readers give them; every event, retractions included). */
export function projectHistory(events: readonly PreparedEvent[], settings: PipelineSettings): PipelineProjection {
  return projectState(foldPipelineState(prepareEpochEvents(events, Number.POSITIVE_INFINITY)), settings);
}

/**
 * The row after one more event: the stored state stepped by it when it folds in order (foldsInOrder), else
 * undefined, and the caller folds the whole history again (projectHistory). Mutates `previous` only when the caller
 * says it owns it (`owned`, e.g. just parsed from storage).
 */
export function projectNextEvent(previous: PipelineState, e: PreparedEvent, settings: PipelineSettings, owned = false): PipelineProjection | undefined {
  if (!foldsInOrder(previous, e)) return undefined;
  return projectState(stepPipelineState(owned ? previous : structuredClone(previous), e), settings);
}
