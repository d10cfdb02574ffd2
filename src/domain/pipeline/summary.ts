import { clocksFromRuns, type Clock } from './clocks.js';
import { DEFAULT_CLOCK_SETTINGS, type ClockSettings } from './clock-settings.js';
import type { TimedEvent } from './events.js';
import { foldPipelineState, type PipelineState } from './fold.js';
import { historyFacts, prepareEpochEvents, prepareEvents, type ApplicationStatus, type PreparedEvent } from './history.js';
import { DEFAULT_RISK_SETTINGS, riskFromInputs, type RiskAssessment, type RiskLevel, type RiskSettings } from './risk.js';
import { DAY_MS, toEpochMs, toIso } from './time.js';

export interface PipelineSettings {
  clocks?: ClockSettings;
  risk?: RiskSettings;
}

export interface ApplicationSummary {
  status: ApplicationStatus;
  stage: string;
  firstContactAt?: string;
  lastEventAt?: string;
  /** Days the cycle clock has run since first contact (to now, or to the close), in the clock's basis; undefined before first contact. Show it with wholeDays. */
  daysSinceFirstContact?: number;
  /** The cycle.total target in days of the same basis (10 by default, or the role's override). */
  targetDays: number;
  /** daysSinceFirstContact > targetDays, while the application is active. */
  overTarget: boolean;
  clocks: Clock[];
  risk: RiskAssessment;
}

/**
 * Stage, status, days since first contact against the target, clocks and risk of one application in one call.
 * Events are converted and sorted once and each rule makes a single pass, so the cost is linear in events
 * (plus a sort when they arrive out of order) and calendar mode makes no Intl calls.
 */
/** One card on a role's board: an application with its days against the 10-day target and its risk (API and web). */
export interface BoardCard {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  stage: string;
  status: string;
  daysSinceFirstContact: number | null;
  targetDays: number;
  overTarget: boolean;
  risk: { level: RiskLevel; score: number };
}

export function summarizeApplication(events: readonly TimedEvent[], now: Date | number, settings: PipelineSettings = {}): ApplicationSummary {
  const nowMs = toEpochMs(now);
  return summarizePrepared(prepareEvents(events, nowMs), nowMs, settings);
}

/**
 * summarizeApplication over events whose time is already epoch ms (`{ type, t, data }`), as bulk readers build them
 * from rows; the same answer without a per-event copy. Events of types not in TYPES_WITH_DATA_READ may carry empty data.
 */
export function summarizeEpochEvents(events: readonly PreparedEvent[], now: Date | number, settings: PipelineSettings = {}): ApplicationSummary {
  const nowMs = toEpochMs(now);
  return summarizePrepared(prepareEpochEvents(events, nowMs), nowMs, settings);
}

function summarizePrepared(prepared: readonly PreparedEvent[], nowMs: number, settings: PipelineSettings): ApplicationSummary {
  return summaryFromState(foldPipelineState(prepared), nowMs, settings);
}

/**
 * The summary at `now` from the fold's state (fold.ts): the same answer as summarizeApplication over the history
 * the state was folded from, for any `now` at or after its last event. The read model calls it with stored states.
 * `runningClocksOnly` leaves stopped clocks out (except cycle.total): Today's items, risk and day counts stay the same.
 */
export function summaryFromState(state: PipelineState, now: Date | number, settings: PipelineSettings = {}, opts: { runningClocksOnly?: boolean } = {}): ApplicationSummary {
  const nowMs = toEpochMs(now);
  const clockSettings = settings.clocks ?? DEFAULT_CLOCK_SETTINGS;
  const facts = historyFacts(state.history);
  const clocks = clocksFromRuns(state.runs, nowMs, clockSettings, opts.runningClocksOnly);
  const risk = riskFromInputs(state.risk, clocks, nowMs, settings.risk ?? DEFAULT_RISK_SETTINGS);
  // One day count everywhere: the header, the board and Today all read the cycle clock (docs/pipeline.md, "Day counts").
  const cycle = clocks.find((c) => c.id === 'cycle.total');
  const targetDays = cycle ? cycle.targetHours / cycle.dayHours : clockSettings.targets['cycle.total'].warningHours / 24;
  const summary: ApplicationSummary = { status: facts.status, stage: facts.stage, targetDays, overTarget: false, clocks, risk };
  if (facts.firstContactAt !== undefined) {
    summary.firstContactAt = toIso(facts.firstContactAt);
    summary.daysSinceFirstContact = cycle ? cycle.elapsedHours / cycle.dayHours : (nowMs - facts.firstContactAt) / DAY_MS;
    summary.overTarget = facts.status === 'active' && summary.daysSinceFirstContact > targetDays;
  }
  if (facts.lastEventAt !== undefined) summary.lastEventAt = toIso(facts.lastEventAt);
  return summary;
}
