import { z } from 'zod';
import riskData from '../../../data/pipeline/risk.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import type { Clock } from './clocks.js';
import { CLOCK_IDS, type ClockId } from './clock-settings.js';
import type { TimedEvent } from './events.js';
import { prepareEvents, type PreparedEvent } from './history.js';
import { fillTemplate } from './template.js';
import { DAY_MS, toEpochMs } from './time.js';
import { toValidationError } from './validation.js';

/** Ordered as in the spec table; ties in contribution keep this order. */
export const SIGNAL_TYPES = [
  'accelerate-request',
  'engagement-falling',
  'equity-questions',
  'ceo-call-request',
  'logistics-focus',
  'competing-offer',
  'approval-delay',
  'process-too-long',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];
export const DETECTED_SIGNALS = ['engagement-falling', 'approval-delay', 'process-too-long'] as const satisfies readonly SignalType[];

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface RiskLevels {
  medium: number;
  high: number;
  critical: number;
}

export interface RiskSettings {
  signals: Record<SignalType, { weight: number; action: string }>;
  /** Action id -> the text shown to the user. */
  actions: Record<string, string>;
  /** Appended to an action whose signal has a deadline; `{deadline}` is the date. */
  deadlineSuffix: string;
  halfLifeDays: number;
  levels: RiskLevels;
  /** How many of the latest candidate replies must show rising latency and falling length. */
  engagementReplies: number;
  /** Clocks whose critical state means approval-delay / process-too-long. */
  approvalDelayClocks: readonly ClockId[];
  processTooLongClocks: readonly ClockId[];
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  signals: Object.fromEntries(
    SIGNAL_TYPES.map((type) => [type, { weight: riskData.signals[type].weight.value, action: riskData.signals[type].action.value }]),
  ) as RiskSettings['signals'],
  actions: Object.fromEntries(Object.entries(riskData.actions).map(([id, a]) => [id, a.value])),
  deadlineSuffix: riskData.deadlineSuffix.value,
  halfLifeDays: riskData.halfLifeDays.value,
  levels: {
    medium: riskData.levels.medium.value,
    high: riskData.levels.high.value,
    critical: riskData.levels.critical.value,
  },
  engagementReplies: riskData.engagementReplies.value,
  approvalDelayClocks: riskData.approvalDelayClocks.value as ClockId[],
  processTooLongClocks: riskData.processTooLongClocks.value as ClockId[],
};

const Weight = z.number().min(0).max(1);
const Threshold = z.number().gt(0).max(1);
/** A company's changes to the risk model: weights, half-life, level thresholds, action texts. */
export const RiskSettingsOverride = z.strictObject({
  weights: z.strictObject(Object.fromEntries(SIGNAL_TYPES.map((s) => [s, Weight.optional()])) as Record<SignalType, z.ZodOptional<typeof Weight>>).optional(),
  halfLifeDays: z.number().gt(0).max(365).optional(),
  levels: z.strictObject({ medium: Threshold.optional(), high: Threshold.optional(), critical: Threshold.optional() }).optional(),
  actions: z.record(z.string().max(64), z.string().min(1).max(300)).optional(),
  engagementReplies: z.number().int().min(2).max(20).optional(),
  approvalDelayClocks: z.array(z.enum(CLOCK_IDS)).max(CLOCK_IDS.length).optional(),
  processTooLongClocks: z.array(z.enum(CLOCK_IDS)).max(CLOCK_IDS.length).optional(),
});
export type RiskSettingsOverride = z.infer<typeof RiskSettingsOverride>;

/** Defaults with a company's overrides; throws RISK_SETTINGS_INVALID (or UNKNOWN_FIELD) on bad input. */
export function resolveRiskSettings(defaults: RiskSettings = DEFAULT_RISK_SETTINGS, overrides?: unknown): RiskSettings {
  if (overrides === undefined || overrides === null) return defaults;
  const parsed = RiskSettingsOverride.safeParse(overrides);
  if (!parsed.success) throw toValidationError(parsed.error, '', 'RISK_SETTINGS_INVALID');
  const o = parsed.data;
  const signals = { ...defaults.signals };
  for (const type of SIGNAL_TYPES) {
    const weight = o.weights?.[type];
    if (weight !== undefined) signals[type] = { ...signals[type], weight };
  }
  const actions = { ...defaults.actions };
  for (const [id, text] of Object.entries(o.actions ?? {})) {
    if (!Object.hasOwn(defaults.actions, id)) throw new DomainError('UNKNOWN_FIELD', `Unknown action "${id}".`, `actions.${id}`);
    actions[id] = text;
  }
  const levels = { ...defaults.levels, ...Object.fromEntries(Object.entries(o.levels ?? {}).filter(([, v]) => v !== undefined)) };
  if (!(levels.medium < levels.high && levels.high < levels.critical)) {
    throw new DomainError('RISK_SETTINGS_INVALID', 'Risk levels must rise: medium < high < critical.', 'levels');
  }
  return {
    ...defaults,
    signals,
    actions,
    levels,
    halfLifeDays: o.halfLifeDays ?? defaults.halfLifeDays,
    engagementReplies: o.engagementReplies ?? defaults.engagementReplies,
    approvalDelayClocks: o.approvalDelayClocks ?? defaults.approvalDelayClocks,
    processTooLongClocks: o.processTooLongClocks ?? defaults.processTooLongClocks,
  };
}

export interface RiskSignal {
  type: SignalType;
  /** weight x decay: this signal's own probability of loss; score = 1 - prod(1 - contribution). */
  contribution: number;
  weight: number;
  /** 0.5^(age / half-life) for logged signals, 1 for detected ones. */
  decay: number;
  source: 'logged' | 'detected';
  observedAt?: string;
  /** competing-offer: the deadline the candidate gave. */
  deadline?: string;
  note?: string;
  /** detected from this clock (approval-delay, process-too-long). */
  clockId?: ClockId;
}

export interface RiskAction {
  id: string;
  text: string;
  /** Signals that call for this action, strongest first. */
  signals: SignalType[];
  /** The largest contribution among them: the ordering key. */
  contribution: number;
  deadline?: string;
}

export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  /** Strongest first. */
  signals: RiskSignal[];
  /** Most urgent first, one per action id. */
  actions: RiskAction[];
  /** The thresholds the level was read from, so a reader can see how far above or below a boundary the score is. */
  levels: RiskLevels;
}

/** The level a score falls in: low < medium <= ... with each threshold belonging to the higher level. */
export function riskLevel(score: number, levels: RiskLevels = DEFAULT_RISK_SETTINGS.levels): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}

/** 1 - prod(1 - c_i): the chance that at least one independent signal turns into a loss. */
export function combineContributions(contributions: readonly number[]): number {
  let keep = 1;
  for (const c of contributions) keep *= 1 - c;
  return 1 - keep;
}

/** Weight left after `ageDays`: halves every `halfLifeDays`. */
export function decayFactor(ageDays: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
}

/** True when each of the last `count` replies came slower and shorter than the one before. */
export function isEngagementFalling(replies: readonly { latencyHours: number; length: number }[], count: number): boolean {
  if (replies.length < count) return false;
  const last = replies.slice(replies.length - count);
  for (let i = 1; i < last.length; i++) {
    if (!(last[i]!.latencyHours > last[i - 1]!.latencyHours && last[i]!.length < last[i - 1]!.length)) return false;
  }
  return true;
}

/** A logged signal as risk reads it: the latest log of its type. */
export interface LoggedSignalInput {
  type: SignalType;
  t: number;
  note?: string;
  deadline?: string;
}

/** The most candidate replies any setting reads (engagementReplies is at most 20). */
export const MAX_ENGAGEMENT_REPLIES = 20;

/** What the risk rules read from a history: the latest log of each signal, the latest replies. Plain data, resumable (projection.ts). */
export interface RiskInputs {
  /** In order of first log of each type (a later log replaces the entry in place). */
  logged: LoggedSignalInput[];
  /** The latest MAX_ENGAGEMENT_REPLIES candidate replies, oldest first. */
  replies: Array<{ latencyHours: number; length: number; t: number }>;
}

export function emptyRiskInputs(): RiskInputs {
  return { logged: [], replies: [] };
}

/** One step of the fold (mutates `inputs`). */
export function stepRiskInputs(inputs: RiskInputs, e: PreparedEvent): void {
  if (e.type === 'signal.observed') {
    const entry: LoggedSignalInput = { type: e.data.signal, t: e.t };
    if (e.data.note !== undefined) entry.note = e.data.note;
    if (e.data.signal === 'competing-offer' && e.data.deadline !== undefined) entry.deadline = e.data.deadline;
    const at = inputs.logged.findIndex((l) => l.type === entry.type);
    if (at >= 0) inputs.logged[at] = entry;
    else inputs.logged.push(entry);
  } else if (e.type === 'candidate.replied') {
    inputs.replies.push({ latencyHours: e.data.latencyHours, length: e.data.length, t: e.t });
    if (inputs.replies.length > MAX_ENGAGEMENT_REPLIES) inputs.replies.shift();
  }
}

/** computeRisk over prepared events: shared core of computeRisk and summarizeApplication. */
export function riskFromPrepared(events: readonly PreparedEvent[], clocks: readonly Clock[], nowMs: number, settings: RiskSettings): RiskAssessment {
  const inputs = emptyRiskInputs();
  for (const e of events) stepRiskInputs(inputs, e);
  return riskFromInputs(inputs, clocks, nowMs, settings);
}

/** The risk at `nowMs` from the fold's inputs and the clocks at `nowMs`. */
export function riskFromInputs(inputs: RiskInputs, clocks: readonly Clock[], nowMs: number, settings: RiskSettings): RiskAssessment {
  const found: RiskSignal[] = [];
  const replies = inputs.replies;
  for (const e of inputs.logged) {
    const type = e.type;
    const weight = settings.signals[type].weight;
    const decay = decayFactor((nowMs - e.t) / DAY_MS, settings.halfLifeDays);
    const signal: RiskSignal = { type, contribution: weight * decay, weight, decay, source: 'logged', observedAt: new Date(e.t).toISOString() };
    if (e.note !== undefined) signal.note = e.note;
    if (e.deadline !== undefined) signal.deadline = e.deadline;
    found.push(signal);
  }
  const detected = (type: SignalType, extra: Partial<RiskSignal>) => {
    const weight = settings.signals[type].weight;
    found.push({ type, contribution: weight, weight, decay: 1, source: 'detected', ...extra });
  };
  if (isEngagementFalling(replies, settings.engagementReplies)) {
    detected('engagement-falling', { observedAt: new Date(replies[replies.length - 1]!.t).toISOString() });
  }
  const criticalClock = (ids: readonly ClockId[]) => clocks.find((c) => c.state === 'critical' && ids.includes(c.id));
  const approvalClock = criticalClock(settings.approvalDelayClocks);
  if (approvalClock) detected('approval-delay', { clockId: approvalClock.id });
  const longClock = criticalClock(settings.processTooLongClocks);
  if (longClock) detected('process-too-long', { clockId: longClock.id });

  const order = (type: SignalType) => SIGNAL_TYPES.indexOf(type);
  const signals = found.filter((s) => s.weight > 0).sort((a, b) => b.contribution - a.contribution || order(a.type) - order(b.type));
  const score = combineContributions(signals.map((s) => s.contribution));

  const actions: RiskAction[] = [];
  const byId = new Map<string, RiskAction>();
  for (const s of signals) {
    const id = settings.signals[s.type].action;
    const existing = byId.get(id);
    if (existing) {
      existing.signals.push(s.type);
      if (s.deadline && !existing.deadline) existing.deadline = s.deadline;
      continue;
    }
    const action: RiskAction = { id, text: settings.actions[id] ?? id, signals: [s.type], contribution: s.contribution };
    if (s.deadline) action.deadline = s.deadline;
    byId.set(id, action);
    actions.push(action);
  }
  for (const a of actions) if (a.deadline) a.text += fillTemplate(settings.deadlineSuffix, { deadline: a.deadline });
  return { score, level: riskLevel(score, settings.levels), signals, actions, levels: { medium: settings.levels.medium, high: settings.levels.high, critical: settings.levels.critical } };
}

/**
 * The score riskFromInputs gives, and whether it would name any action, without building its signals, actions and
 * texts: Today ranks every risk row in its window by this and builds the whole assessment for the rows it shows.
 * The same contributions, in the same order (largest first), combined the same way: the same number.
 */
export function riskScoreFromInputs(inputs: RiskInputs, clocks: readonly Clock[], nowMs: number, settings: RiskSettings): { score: number; acts: boolean } {
  const contributions: number[] = [];
  for (const e of inputs.logged) {
    const weight = settings.signals[e.type].weight;
    if (weight > 0) contributions.push(weight * decayFactor((nowMs - e.t) / DAY_MS, settings.halfLifeDays));
  }
  const detected = (type: SignalType) => {
    const weight = settings.signals[type].weight;
    if (weight > 0) contributions.push(weight);
  };
  if (isEngagementFalling(inputs.replies, settings.engagementReplies)) detected('engagement-falling');
  const criticalClock = (ids: readonly ClockId[]) => clocks.some((c) => c.state === 'critical' && ids.includes(c.id));
  if (criticalClock(settings.approvalDelayClocks)) detected('approval-delay');
  if (criticalClock(settings.processTooLongClocks)) detected('process-too-long');
  contributions.sort((a, b) => b - a);
  return { score: combineContributions(contributions), acts: contributions.length > 0 };
}

/**
 * Flight risk of one application at `now`: logged signals (the most recent log of each type counts, its weight
 * halving every 7 days) and signals detected from replies and clocks, combined as 1 - prod(1 - w_i d_i).
 */
export function computeRisk(
  events: readonly TimedEvent[],
  clocks: readonly Clock[],
  now: Date | number,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS,
): RiskAssessment {
  const nowMs = toEpochMs(now);
  return riskFromPrepared(prepareEvents(events, nowMs), clocks, nowMs, settings);
}
