import { quantileSorted } from '../compensation/statistics.js';
import { toClock, type Run } from '../pipeline/clocks.js';
import { CLOCK_IDS, DEFAULT_CLOCK_SETTINGS, effectiveTarget, type ClockId, type ClockSettings, type EffectiveTarget } from '../pipeline/clock-settings.js';
import { CANDIDATE_SOURCES, type CandidateSource } from '../pipeline/lists.js';
import { sourceMixOfCounts, type Finding } from '../pipeline/source-mix.js';
import { DAY_MS } from '../pipeline/time.js';
import { companyPipelineSettings, roleClockSettings, withZone } from '../pipeline/company-settings.js';
import type { ReportDimension } from './dimensions.js';
import type { ApplicationFacts, ClockRunFact } from './facts.js';

/**
 * The hiring reports over application facts (facts.ts). Every figure is defined in docs/reports.md; these functions
 * are its only implementation, so the API, the CLI, the web and the tests all read the same numbers.
 */

export { REPORT_DIMENSIONS, type ReportDimension } from './dimensions.js';

/** A half-open period [from, to) in epoch ms; either end may be open. */
export interface ReportPeriod {
  from?: number;
  to?: number;
}

const inPeriod = (t: number | null, p: ReportPeriod): t is number => t !== null && (p.from === undefined || t >= p.from) && (p.to === undefined || t < p.to);

/** The key an application is grouped under: `none` when it has no specialization, `unknown` when no month. */
export function groupKey(f: ApplicationFacts, by: ReportDimension): string {
  switch (by) {
    case 'all':
      return 'all';
    case 'role':
      return f.app.roleId;
    case 'specialization':
      return f.app.specialization ?? 'none';
    case 'source':
      return f.app.source;
    case 'month':
      return f.cohort ?? 'unknown';
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export interface Spread {
  count: number;
  p50: number | null;
  p90: number | null;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: sorted.length ? quantileSorted(sorted, 0.5) : null, p90: sorted.length ? quantileSorted(sorted, 0.9) : null };
}

// ---------------------------------------------------------------------------------------------------------- funnel

export interface FunnelStage {
  stage: string;
  /** Applications that reached this stage or a later one (a hire reached them all). */
  reached: number;
  /** reached / reached at the stage before (null for the first stage, or when the stage before had none). */
  conversion: number | null;
}

export interface FunnelGroup {
  key: string;
  applications: number;
  hired: number;
  /** hired / applications */
  hireRate: number | null;
  stages: FunnelStage[];
}

/**
 * Conversion between stages and to hire, for the applications first contacted in the period. `stageOrder` is the
 * funnel's columns; when grouping by role, a role's own stages (roleStages) are used instead. A stage outside the
 * order counts for nothing; an application reopened at an earlier stage keeps the furthest stage it reached.
 */
export function funnelReport(
  facts: readonly ApplicationFacts[],
  opts: { by: ReportDimension; period?: ReportPeriod; stageOrder: readonly string[]; roleStages?: Readonly<Record<string, readonly string[]>> },
): FunnelGroup[] {
  const period = opts.period ?? {};
  const cohort = facts.filter((f) => inPeriod(f.firstContactAt, period));
  return [...groupBy(cohort, (f) => groupKey(f, opts.by)).entries()].map(([key, group]) => {
    const order = (opts.by === 'role' ? opts.roleStages?.[key] : undefined) ?? opts.stageOrder;
    const reachedCounts = order.map(() => 0);
    let hired = 0;
    for (const f of group) {
      const isHired = f.hiredAt !== null;
      if (isHired) hired += 1;
      const furthest = isHired ? order.length - 1 : Math.max(-1, ...f.visits.map((v) => order.indexOf(v.stage)));
      for (let i = 0; i <= furthest; i++) reachedCounts[i]! += 1;
    }
    return {
      key,
      applications: group.length,
      hired,
      hireRate: ratio(hired, group.length),
      stages: order.map((stage, i) => ({ stage, reached: reachedCounts[i]!, conversion: i === 0 ? null : ratio(reachedCounts[i]!, reachedCounts[i - 1]!) })),
    };
  });
}

// ------------------------------------------------------------------------------------------------------ cycle time

export interface CycleGroup {
  key: string;
  /** Hires first contacted in the period, with their days from first contact to acceptance. */
  hires: Spread;
  /** Share of those hires accepted within the cycle clock's target (its warning time). */
  shareWithinTarget: number | null;
  targetDays: number;
}

export interface StageTime {
  stage: string;
  /** Days spent in the stage, over the visits that ended in the period (a visit still open is not counted). */
  days: Spread;
}

export function cycleReport(
  facts: readonly ApplicationFacts[],
  opts: { by: ReportDimension; period?: ReportPeriod; settings?: ClockSettings },
): { groups: CycleGroup[]; stages: StageTime[] } {
  const period = opts.period ?? {};
  // The target is set in calendar hours or working hours; the cycle is reported in calendar days, as people count it.
  const targetDays = (opts.settings ?? DEFAULT_CLOCK_SETTINGS).targets['cycle.total'].warningHours / 24;
  const hires = facts.filter((f) => f.hiredAt !== null && inPeriod(f.firstContactAt, period));
  const groups = [...groupBy(hires, (f) => groupKey(f, opts.by)).entries()].map(([key, group]) => {
    const days = group.map((f) => (f.hiredAt! - f.firstContactAt!) / DAY_MS);
    return { key, hires: spread(days), shareWithinTarget: ratio(days.filter((d) => d <= targetDays).length, days.length), targetDays };
  });
  const byStage = new Map<string, number[]>();
  for (const f of facts) {
    for (const v of f.visits) {
      if (v.leftAt === null || !inPeriod(v.leftAt, period)) continue;
      const list = byStage.get(v.stage) ?? [];
      list.push((v.leftAt - v.enteredAt) / DAY_MS);
      byStage.set(v.stage, list);
    }
  }
  const stages = [...byStage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([stage, days]) => ({ stage, days: spread(days) }));
  return { groups, stages };
}

// ------------------------------------------------------------------------------------------------- clock breaches

export interface BreachCount {
  runs: number;
  /** Runs that went past the warning time (critical ones included). */
  warning: number;
  critical: number;
  warningRate: number | null;
  criticalRate: number | null;
}

export interface PersonBreaches extends BreachCount {
  personId: string;
  clock: ClockId;
}

/** The clocks a person owns: who has to act to stop them. */
export const PERSON_CLOCKS: readonly ClockId[] = ['approval.pending', 'scorecard.due', 'reply.to-candidate'];

type Level = 'ok' | 'warning' | 'critical';

const countOf = (runs: number, warning: number, critical: number): BreachCount => ({ runs, warning, critical, warningRate: ratio(warning, runs), criticalRate: ratio(critical, runs) });

/** A run's level at `asOf` by the clocks' own rule (toClock): a run stopped after `asOf` is judged as still running. */
export function judgeRun(clock: ClockId, run: Run, asOf: number, settings: ClockSettings, target: EffectiveTarget): Level {
  const c = toClock(clock, run.stop !== undefined && run.stop > asOf ? { start: run.start } : run, asOf, settings, target);
  return c.elapsedHours > target.criticalHours ? 'critical' : c.elapsedHours > target.warningHours ? 'warning' : 'ok';
}

/** Who has to act to stop a run: approvers, the interviewer, the role's recruiter (PERSON_CLOCKS). */
function ownersOf(clock: ClockId, run: Run, recruiterId: string | null): readonly string[] {
  if (clock === 'approval.pending') return run.subject?.approverIds ?? [];
  if (clock === 'scorecard.due') return run.subject?.interviewerId ? [run.subject.interviewerId] : [];
  if (clock === 'reply.to-candidate' && recruiterId) return [recruiterId];
  return [];
}

/** Runs, warnings and criticals, counted (stored per application by tallyClockRuns, summed by BreachCounter). */
export interface LevelCounts {
  runs: number;
  warning: number;
  critical: number;
}

/**
 * The clock-breaches report's counters: runs judged one by one (judge), or counts already judged (add, the stored
 * tallies); both give the same report (breachReport's figures).
 */
export class BreachCounter {
  private readonly perClock = new Map<ClockId, LevelCounts>(CLOCK_IDS.map((id) => [id, { runs: 0, warning: 0, critical: 0 }]));
  private readonly perPerson = new Map<string, { personId: string; clock: ClockId } & LevelCounts>();
  private readonly targets = new Map<ClockSettings, Map<ClockId, EffectiveTarget>>();

  constructor(private readonly period: ReportPeriod, private readonly asOf: number) {}

  /** Adds counts to a clock, or to a person's row of that clock with `personId`. */
  add(clock: ClockId, counts: LevelCounts, personId?: string): void {
    if (counts.runs === 0) return;
    let entry: LevelCounts | undefined;
    if (personId === undefined) entry = this.perClock.get(clock);
    else {
      const key = `${clock}\u0000${personId}`;
      let person = this.perPerson.get(key);
      if (!person) this.perPerson.set(key, (person = { personId, clock, runs: 0, warning: 0, critical: 0 }));
      entry = person;
    }
    if (!entry) return;
    entry.runs += counts.runs;
    entry.warning += counts.warning;
    entry.critical += counts.critical;
  }

  /** Judges the runs that started in the period (and not after `asOf`) with these settings. */
  judge(runs: readonly ClockRunFact[], settings: ClockSettings, recruiterId: string | null): void {
    let targets = this.targets.get(settings);
    if (!targets) this.targets.set(settings, (targets = new Map(CLOCK_IDS.map((id) => [id, effectiveTarget(settings, id)]))));
    for (const { clock, run } of runs) {
      if (!inPeriod(run.start, this.period) || run.start > this.asOf) continue;
      const level = judgeRun(clock, run, this.asOf, settings, targets.get(clock)!);
      const one = { runs: 1, warning: level === 'ok' ? 0 : 1, critical: level === 'critical' ? 1 : 0 };
      this.add(clock, one);
      for (const personId of ownersOf(clock, run, recruiterId)) this.add(clock, one, personId);
    }
  }

  result(): { clocks: Array<BreachCount & { clock: ClockId }>; people: PersonBreaches[] } {
    const order = (c: ClockId) => CLOCK_IDS.indexOf(c);
    return {
      clocks: CLOCK_IDS.map((clock) => {
        const c = this.perClock.get(clock)!;
        return { clock, ...countOf(c.runs, c.warning, c.critical) };
      }),
      people: [...this.perPerson.values()]
        .map(({ personId, clock, runs, warning, critical }) => ({ personId, clock, ...countOf(runs, warning, critical) }))
        .sort((a, b) => b.critical - a.critical || b.warning - a.warning || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : order(a.clock) - order(b.clock))),
    };
  }
}

/**
 * Warning and critical rates per clock over the runs that started in the period, each judged by the time it ran to
 * its stop (or to `asOf` while it still runs), with the clocks' own rule (toClock). Per person for the clocks a
 * person owns: approvers (approval.pending), interviewers (scorecard.due), the role's recruiter (reply.to-candidate).
 * Each application's clocks are judged by its role's settings (`settingsFor`; the defaults without it).
 */
export function breachReport(
  facts: readonly ApplicationFacts[],
  opts: { period?: ReportPeriod; asOf: number; settingsFor?: (roleId: string) => ClockSettings },
): { clocks: Array<BreachCount & { clock: ClockId }>; people: PersonBreaches[] } {
  const counter = new BreachCounter(opts.period ?? {}, opts.asOf);
  // each role's own targets, as its Today showed them
  for (const f of facts) counter.judge(f.clockRuns, opts.settingsFor?.(f.app.roleId) ?? DEFAULT_CLOCK_SETTINGS, f.app.recruiterId);
  return counter.result();
}

/**
 * What an application's clock runs add to the clock-breaches report under `settings`, stored with its facts
 * (report_facts, docs/reports.md "Speed"): the stopped runs judged once (a stopped run's level does not change with
 * the time of the request, as long as it stopped before it), per clock and per approver and interviewer, with the
 * range of their starts and their latest instant; the runs still going are kept as they are, judged at each request.
 */
export interface ClockTally {
  clocks: Record<ClockId, LevelCounts>;
  people: Array<{ clock: ClockId; personId: string } & LevelCounts>;
  /** Earliest and latest start of the stopped runs (null without any). */
  minStart: number | null;
  maxStart: number | null;
  /** The latest start or stop of the stopped runs: the tally holds for requests at or after it. */
  maxAt: number | null;
  open: ClockRunFact[];
}

export function tallyClockRuns(runs: readonly ClockRunFact[], settings: ClockSettings): ClockTally {
  const tally: ClockTally = {
    clocks: Object.fromEntries(CLOCK_IDS.map((id) => [id, { runs: 0, warning: 0, critical: 0 }])) as Record<ClockId, LevelCounts>,
    people: [],
    minStart: null,
    maxStart: null,
    maxAt: null,
    open: [],
  };
  const people = new Map<string, { clock: ClockId; personId: string } & LevelCounts>();
  for (const fact of runs) {
    const { clock, run } = fact;
    if (run.stop === undefined) {
      tally.open.push(fact);
      continue;
    }
    const at = Math.max(run.start, run.stop);
    const level = judgeRun(clock, run, at, settings, effectiveTarget(settings, clock));
    const add = (c: LevelCounts) => {
      c.runs += 1;
      if (level !== 'ok') c.warning += 1;
      if (level === 'critical') c.critical += 1;
    };
    add(tally.clocks[clock]);
    // the recruiter's runs are the role's reply runs, named at the request (the role's recruiter then)
    for (const personId of ownersOf(clock, run, null)) {
      const key = `${clock}\u0000${personId}`;
      let p = people.get(key);
      if (!p) people.set(key, (p = { clock, personId, runs: 0, warning: 0, critical: 0 }));
      add(p);
    }
    tally.minStart = tally.minStart === null ? run.start : Math.min(tally.minStart, run.start);
    tally.maxStart = tally.maxStart === null ? run.start : Math.max(tally.maxStart, run.start);
    tally.maxAt = tally.maxAt === null ? at : Math.max(tally.maxAt, at);
  }
  tally.people = [...people.values()];
  return tally;
}

// --------------------------------------------------------------------------------------------------------- offers

/** What the offer records say about pay, by offer id: only for readers who may see compensation. */
export interface OfferPay {
  base: number;
  /** The candidate's cash threshold in the offer's currency, when one was recorded. */
  threshold: number | null;
  bandMin: number | null;
  bandMax: number | null;
  /** Where the base sits in the market data, 0-100, when market data was selected. */
  marketPercentile: number | null;
}

export interface OfferOutcomeSplit {
  extended: number;
  accepted: number;
  declined: number;
  acceptanceRate: number | null;
}

export interface OffersGroup extends OfferOutcomeSplit {
  key: string;
  open: number;
  hoursAfterFinal: Spread;
  /** Share of the offers with a final interview before them that went out within the offer clock's critical time. */
  shareWithinClock: number | null;
}

export interface OffersPay {
  /** Acceptance of decided offers whose base cleared the candidate's threshold, and of those whose base did not. */
  clearedThreshold: OfferOutcomeSplit;
  belowThreshold: OfferOutcomeSplit;
  /** Where the base sat in its band: 0 at the minimum, 1 at the maximum (may be outside 0-1). */
  positionInBand: Spread;
  marketPercentile: Spread;
}

function outcomes(list: ReadonlyArray<{ outcome: 'accepted' | 'declined' | 'open' }>): OfferOutcomeSplit {
  const accepted = list.filter((o) => o.outcome === 'accepted').length;
  const declined = list.filter((o) => o.outcome === 'declined').length;
  return { extended: list.length, accepted, declined, acceptanceRate: ratio(accepted, accepted + declined) };
}

/**
 * Offers extended in the period (the first extension of each offer id): acceptance among the decided ones, hours from
 * the last final interview to the extension, and, with `pay`, acceptance by whether the base cleared the threshold.
 */
export function offersReport(
  facts: readonly ApplicationFacts[],
  opts: { by: ReportDimension; period?: ReportPeriod; settings?: ClockSettings; pay?: ReadonlyMap<string, OfferPay> },
): { groups: OffersGroup[]; pay: OffersPay | null } {
  const period = opts.period ?? {};
  const clockHours = (opts.settings ?? DEFAULT_CLOCK_SETTINGS).targets['offer.after-final'].criticalHours;
  const offers = facts.flatMap((f) => f.offers.filter((o) => inPeriod(o.extendedAt, period)).map((o) => ({ f, o })));
  const groups = [...groupBy(offers, ({ f }) => groupKey(f, opts.by)).entries()].map(([key, list]) => {
    const hours = list.map(({ o }) => o.hoursAfterFinal).filter((h): h is number => h !== null);
    return {
      key,
      ...outcomes(list.map(({ o }) => o)),
      open: list.filter(({ o }) => o.outcome === 'open').length,
      hoursAfterFinal: spread(hours),
      shareWithinClock: ratio(hours.filter((h) => h <= clockHours).length, hours.length),
    };
  });
  if (!opts.pay) return { groups, pay: null };
  const priced = offers.flatMap(({ o }) => {
    const pay = opts.pay!.get(o.offerId);
    return pay ? [{ o, pay }] : [];
  });
  const withThreshold = priced.filter(({ pay }) => pay.threshold !== null);
  return {
    groups,
    pay: {
      clearedThreshold: outcomes(withThreshold.filter(({ pay }) => pay.base >= pay.threshold!).map(({ o }) => o)),
      belowThreshold: outcomes(withThreshold.filter(({ pay }) => pay.base < pay.threshold!).map(({ o }) => o)),
      positionInBand: spread(
        priced.flatMap(({ pay }) => (pay.bandMin !== null && pay.bandMax !== null && pay.bandMax > pay.bandMin ? [(pay.base - pay.bandMin) / (pay.bandMax - pay.bandMin)] : [])),
      ),
      marketPercentile: spread(priced.flatMap(({ pay }) => (pay.marketPercentile !== null ? [pay.marketPercentile] : []))),
    },
  };
}

// --------------------------------------------------------------------------------------------------------- losses

export interface LossesReport {
  total: number;
  reasons: Array<{ reason: string; count: number; share: number }>;
  stages: Array<{ stage: string; count: number }>;
  /** Days from first contact to the loss. */
  days: Spread;
  /** How many of the losses had each logged signal before them. */
  signals: Array<{ signal: string; count: number; share: number }>;
}

/** What the losses report counts: the losses, per reason, stage and signal, and the days from first contact to each. */
export interface LossCounts {
  total: number;
  reasons: Map<string, number>;
  stages: Map<string, number>;
  signals: Map<string, number>;
  /** Milliseconds from first contact (the loss itself without one) to each loss. */
  spans: number[];
}

export const emptyLossCounts = (): LossCounts => ({ total: 0, reasons: new Map(), stages: new Map(), signals: new Map(), spans: [] });

/** Adds `n` losses of one reason, stage and set of signals to the counts (without their spans). */
export function addLosses(c: LossCounts, n: number, loss: { reason: string; stage: string; signals: readonly string[] }): void {
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + n);
  c.total += n;
  bump(c.reasons, loss.reason);
  bump(c.stages, loss.stage);
  for (const signal of loss.signals) bump(c.signals, signal);
}

/** The counts of the applications that ended lost or withdrawn with the close in the period. */
export function lossCountsOf<F extends Pick<ApplicationFacts, 'loss' | 'firstContactAt'>>(facts: readonly F[], opts: { period?: ReportPeriod; groupFilter?: (f: F) => boolean }, into: LossCounts = emptyLossCounts()): LossCounts {
  const period = opts.period ?? {};
  for (const f of facts) {
    if (f.loss === null || !inPeriod(f.loss.at, period) || !(opts.groupFilter?.(f) ?? true)) continue;
    addLosses(into, 1, f.loss);
    into.spans.push(f.loss.at - (f.firstContactAt ?? f.loss.at));
  }
  return into;
}

const tallied = (m: ReadonlyMap<string, number>): Array<{ key: string; count: number }> =>
  [...m.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

/** The losses report from its counts (lossCountsOf, or the database's counts of report_fact_columns): the same report. */
export function lossesReportOfCounts(c: LossCounts): LossesReport {
  const total = c.total;
  return {
    total,
    reasons: tallied(c.reasons).map(({ key, count }) => ({ reason: key, count, share: count / total })),
    stages: tallied(c.stages).map(({ key, count }) => ({ stage: key, count })),
    days: spread(c.spans.map((ms) => ms / DAY_MS)),
    signals: tallied(c.signals).map(({ key, count }) => ({ signal: key, count, share: count / total })),
  };
}

/** Applications that ended lost or withdrawn, with the close in the period (the last close, for a reopened one). */
export function lossesReport<F extends Pick<ApplicationFacts, 'loss' | 'firstContactAt'>>(facts: readonly F[], opts: { period?: ReportPeriod; groupFilter?: (f: F) => boolean }): LossesReport {
  return lossesReportOfCounts(lossCountsOf(facts, opts));
}

// -------------------------------------------------------------------------------------------------------- sources

export interface SourceRow {
  key: string;
  candidates: number;
  interviewed: number;
  offered: number;
  hired: number;
}

export interface SourcesReport {
  sources: Array<SourceRow & { key: CandidateSource }>;
  referrers: SourceRow[];
  /** Herfindahl-Hirschman index of the source shares: 1 when every candidate came one way, 1/7 at an even spread. */
  concentration: number | null;
  referralOnlyShare: number;
  findings: Finding[];
}

/** What the sources report counts per source or referrer: candidates, interviewed, offered, hired. */
export type SourceCounts = Omit<SourceRow, 'key'>;

const noCounts = (): SourceCounts => ({ candidates: 0, interviewed: 0, offered: 0, hired: 0 });

/** Adds `b` into `a`. */
export function addSourceCounts(a: SourceCounts, b: SourceCounts): void {
  a.candidates += b.candidates;
  a.interviewed += b.interviewed;
  a.offered += b.offered;
  a.hired += b.hired;
}

/** The counts of the applications first contacted in the period, per source and per referrer. */
export function sourceCountsOf(facts: readonly ApplicationFacts[], period: ReportPeriod): { sources: Map<string, SourceCounts>; referrers: Map<string, SourceCounts> } {
  const sources = new Map<string, SourceCounts>();
  const referrers = new Map<string, SourceCounts>();
  const count = (map: Map<string, SourceCounts>, key: string, f: ApplicationFacts) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = noCounts()));
    addSourceCounts(c, { candidates: 1, interviewed: f.interviewed ? 1 : 0, offered: f.offers.length > 0 ? 1 : 0, hired: f.hiredAt !== null ? 1 : 0 });
  };
  for (const f of facts) {
    if (!inPeriod(f.firstContactAt, period)) continue;
    count(sources, f.app.source, f);
    if (f.app.referrer !== null) count(referrers, f.app.referrer, f);
  }
  return { sources, referrers };
}

/**
 * The sources report from its counts (sourceCountsOf, or the database's sums of report_fact_columns: docs/reports.md,
 * "Speed"): both give the same report.
 */
export function sourcesReportOfCounts(counts: { sources: ReadonlyMap<string, SourceCounts>; referrers: ReadonlyMap<string, SourceCounts> }): SourcesReport {
  const mix = sourceMixOfCounts(new Map([...counts.sources].map(([source, c]) => [source, c.candidates])));
  return {
    sources: CANDIDATE_SOURCES.map((s) => ({ key: s, ...(counts.sources.get(s) ?? noCounts()) })),
    referrers: [...counts.referrers.entries()].filter(([, c]) => c.candidates > 0).map(([key, c]) => ({ key, ...c })).sort((a, b) => b.candidates - a.candidates || (a.key < b.key ? -1 : 1)),
    concentration: mix.total === 0 ? null : CANDIDATE_SOURCES.reduce((sum, s) => sum + mix.shares[s] ** 2, 0),
    referralOnlyShare: mix.referralOnlyShare,
    findings: mix.findings,
  };
}

/** Candidates, interviews, offers and hires per source and per referrer, for applications first contacted in the period. */
export function sourcesReport(facts: readonly ApplicationFacts[], opts: { period?: ReportPeriod }): SourcesReport {
  return sourcesReportOfCounts(sourceCountsOf(facts, opts.period ?? {}));
}

// ------------------------------------------------------------------------------------------- stored clock tallies

/** The column prefix of each clock's counts in report_clock_tallies (migration 026). */
export const CLOCK_TALLY_COLUMNS: Readonly<Record<ClockId, string>> = {
  'cycle.total': 'cycle',
  'offer.after-final': 'after_final',
  'approval.pending': 'approval',
  'reply.to-candidate': 'reply',
  'scorecard.due': 'scorecard',
  'stage.idle': 'idle',
};

/**
 * A role's clock settings as the pipeline's settings resolver gives them (roleClockSettings under the company's): what
 * a stored tally is judged under. Null when the stored settings do not resolve (those applications are then judged at
 * each request).
 */
export function storedRoleClockSettings(company: { settings?: Record<string, unknown>; timeZone?: string } | undefined, roleOverrides: Record<string, unknown>): ClockSettings | null {
  try {
    return roleClockSettings(withZone(companyPipelineSettings(company?.settings).clocks, company?.timeZone), company?.timeZone, roleOverrides);
  } catch {
    return null;
  }
}
