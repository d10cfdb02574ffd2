import { emptyClockRuns, stepClockRuns, type ClockRuns } from './clocks.js';
import { RETRACTION, emptyHistoryStep, stepHistory, type HistoryStep, type PreparedEvent } from './history.js';
import { MAX_ENGAGEMENT_REPLIES, emptyRiskInputs, stepRiskInputs, type RiskInputs } from './risk.js';

/**
 * The one fold of an application's history (`history -> state`): everything the rules read from events, before
 * time and settings are applied. Stage and status, each clock's runs, the risk inputs. Plain JSON-safe data, so
 * the read model stores it and resumes the fold from it when an event arrives in order (docs/decisions/008-read-model.md);
 * summaryFromState (summary.ts) turns it into clocks and risk at any `now` at or after its last event.
 */
export interface PipelineState {
  v: 1;
  history: HistoryStep;
  runs: ClockRuns;
  risk: RiskInputs;
}

export function emptyPipelineState(): PipelineState {
  return { v: 1, history: emptyHistoryStep(), runs: emptyClockRuns(), risk: emptyRiskInputs() };
}

/** One event (a prepared one: retractions already folded out) applied to the state; mutates and returns it. */
export function stepPipelineState(state: PipelineState, e: PreparedEvent): PipelineState {
  stepHistory(state.history, e);
  stepClockRuns(state.runs, e);
  stepRiskInputs(state.risk, e);
  return state;
}

/** The state after a prepared history (oldest first, retractions folded out): the from-scratch fold. */
export function foldPipelineState(events: readonly PreparedEvent[]): PipelineState {
  const state = emptyPipelineState();
  for (const e of events) stepPipelineState(state, e);
  return state;
}

/**
 * True when `e`, just recorded, can be folded onto `state` (the fold of the history before it) and give the fold of
 * the whole history: it is not a retraction and sorts last (not before the latest event; equal times keep recording
 * order). Otherwise (a back-dated event, a correction) the history is folded again from scratch. The reports' facts
 * fold (reports/facts.ts) resumes by the same rule.
 */
export function foldsInOrder(state: Pick<PipelineState, 'history'>, e: { type: string; t: number }): boolean {
  if (e.type === RETRACTION) return false;
  const last = state.history.lastEventAt;
  return last === undefined || e.t >= last;
}

/**
 * The part of a state that reads at any `now` need when stopped clocks are left out (summaryFromState with
 * `runningClocksOnly`, what Today and the board call): every stopped run is dropped except cycle.total's, only the
 * last `engagementReplies` replies are kept (the risk setting: all the engagement rule reads), and what only the fold
 * needs (scorecards submitted before their interview) is emptied. The read model stores it beside the state
 * (`read_state`, rewritten when the risk settings change), a fifth of its size, so the reads parse less; the fold
 * always resumes from the whole state. For settings `s` with `s.risk.engagementReplies === engagementReplies`,
 * summaryFromState(readState(x, engagementReplies), now, s, { runningClocksOnly: true }) equals
 * summaryFromState(x, now, s, { runningClocksOnly: true }) for every state `x` and `now`.
 */
export function readState(state: PipelineState, engagementReplies: number = MAX_ENGAGEMENT_REPLIES): PipelineState {
  const runs = state.runs;
  const live = (r: ClockRuns['idle']) => (r !== undefined && r.stop === undefined ? r : undefined);
  const out: ClockRuns = {
    active: runs.active,
    approvals: runs.approvals.filter(([, r]) => r.stop === undefined),
    scorecards: runs.scorecards.filter(([, r]) => r.stop === undefined),
    submittedEarly: [],
  };
  if (runs.cycle) out.cycle = runs.cycle;
  const afterFinal = live(runs.afterFinal);
  if (afterFinal) out.afterFinal = afterFinal;
  const reply = live(runs.reply);
  if (reply) out.reply = reply;
  const idle = live(runs.idle);
  if (idle) out.idle = idle;
  const replies = state.risk.replies;
  const risk = replies.length <= engagementReplies ? state.risk : { logged: state.risk.logged, replies: replies.slice(replies.length - engagementReplies) };
  return { v: state.v, history: state.history, runs: out, risk };
}
