import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import riskData from '../../../data/pipeline/risk.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import type { Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { computeClocks } from './clocks.js';
import { LOGGED_SIGNALS as LOGGED_SIGNAL_TYPES, type TimedEvent } from './events.js';
import {
  DEFAULT_RISK_SETTINGS,
  combineContributions,
  computeRisk,
  decayFactor,
  isEngagementFalling,
  resolveRiskSettings,
  riskLevel,
} from './risk.js';
import { at, e } from '../../test-support/pipeline-factories.js';

const DAY = 24;

function clock(id: ClockId, state: Clock['state']): Clock {
  return { id, state, elapsedHours: 0, targetHours: 1, criticalHours: 2, basis: 'calendar', dayHours: 24, startedAt: new Date(at(0)).toISOString() };
}

describe('default risk settings', () => {
  it.each([
    ['accelerate-request', 0.3],
    ['engagement-falling', 0.2],
    ['equity-questions', 0.15],
    ['ceo-call-request', 0.25],
    ['logistics-focus', 0.25],
    ['competing-offer', 0.35],
    ['approval-delay', 0.3],
    ['process-too-long', 0.2],
  ] as const)('%s weighs %d as in the spec, with a source and an action text', (type, weight) => {
    expect(DEFAULT_RISK_SETTINGS.signals[type].weight).toBe(weight);
    expect(riskData.signals[type].weight.source).toMatch(/velocity-and-signals\.md/);
    expect(DEFAULT_RISK_SETTINGS.actions[DEFAULT_RISK_SETTINGS.signals[type].action]).toMatch(/\w/);
  });

  it('halves every 7 days and has the spec levels', () => {
    expect(DEFAULT_RISK_SETTINGS.halfLifeDays).toBe(7);
    expect(DEFAULT_RISK_SETTINGS.levels).toEqual({ medium: 0.25, high: 0.5, critical: 0.7 });
  });
});

describe('riskLevel', () => {
  it.each([
    [0, 'low'],
    [0.2499, 'low'],
    [0.25, 'medium'],
    [0.4999, 'medium'],
    [0.5, 'high'],
    [0.6999, 'high'],
    [0.7, 'critical'],
    [1, 'critical'],
  ] as const)('%d is %s', (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });
});

describe('decay of logged signals', () => {
  it.each([
    [0, 1],
    [7, 0.5],
    [14, 0.25],
    [21, 0.125],
  ])('after %i days the weight is multiplied by %d', (days, factor) => {
    expect(decayFactor(days, 7)).toBeCloseTo(factor, 12);
    const risk = computeRisk([e.signal(0, 'accelerate-request')], [], at(days * DAY));
    expect(risk.signals).toEqual([
      { type: 'accelerate-request', contribution: expect.closeTo(0.3 * factor, 12), weight: 0.3, decay: expect.closeTo(factor, 12), source: 'logged', observedAt: new Date(at(0)).toISOString() },
    ]);
    expect(risk.score).toBeCloseTo(0.3 * factor, 12);
  });

  it('counts only the most recent log of a signal type', () => {
    const risk = computeRisk([e.signal(0, 'competing-offer', '2025-03-20'), e.signal(7 * DAY, 'competing-offer')], [], at(7 * DAY));
    expect(risk.signals).toHaveLength(1);
    expect(risk.signals[0]).toMatchObject({ decay: 1, contribution: 0.35 });
    expect(risk.signals[0]!.deadline).toBeUndefined();
  });

  it('ignores signals logged after now', () => {
    expect(computeRisk([e.signal(10, 'ceo-call-request')], [], at(5)).signals).toEqual([]);
  });
});

describe('score and level', () => {
  it.each([
    ['nothing', [], 0, 'low'],
    ['equity questions', ['equity-questions'], 0.15, 'low'],
    ['a call with the CEO', ['ceo-call-request'], 0.25, 'medium'],
    ['acceleration and logistics only', ['accelerate-request', 'logistics-focus'], 1 - 0.7 * 0.75, 'medium'],
    ['a competing offer and acceleration', ['competing-offer', 'accelerate-request'], 1 - 0.65 * 0.7, 'high'],
    ['a competing offer, acceleration and logistics', ['competing-offer', 'accelerate-request', 'logistics-focus'], 1 - 0.65 * 0.7 * 0.75, 'high'],
    ['all five logged signals', LOGGED_SIGNAL_TYPES, 1 - 0.7 * 0.85 * 0.75 * 0.75 * 0.65, 'critical'],
  ] as const)('%s', (_name, signals, score, level) => {
    const risk = computeRisk(signals.map((s) => e.signal(0, s)), [], at(0));
    expect(risk.score).toBeCloseTo(score, 12);
    expect(risk.level).toBe(level);
    expect(risk.levels).toEqual(DEFAULT_RISK_SETTINGS.levels);
  });

  it('lists signals and actions strongest first, one action per id', () => {
    const risk = computeRisk([e.signal(0, 'equity-questions'), e.signal(0, 'competing-offer', '2025-03-14'), e.signal(0, 'accelerate-request')], [], at(0));
    expect(risk.signals.map((s) => s.type)).toEqual(['competing-offer', 'accelerate-request', 'equity-questions']);
    expect(risk.actions.map((a) => a.id)).toEqual(['beat-deadline', 'compress-loop', 'equity-in-writing']);
    expect(risk.actions[0]).toMatchObject({ text: 'Move the offer ahead of the deadline (2025-03-14)', deadline: '2025-03-14', signals: ['competing-offer'] });
  });

  it('merges signals that share an action into one', () => {
    const settings = { ...DEFAULT_RISK_SETTINGS, signals: { ...DEFAULT_RISK_SETTINGS.signals, 'ceo-call-request': { weight: 0.25, action: 'extend-offer-now' } } };
    const risk = computeRisk([e.signal(0, 'logistics-focus'), e.signal(1, 'ceo-call-request')], [], at(1), settings);
    expect(risk.actions).toHaveLength(1);
    expect(risk.actions[0]!.signals.sort()).toEqual(['ceo-call-request', 'logistics-focus']);
  });

  it('drops signals whose weight a company set to 0', () => {
    const settings = resolveRiskSettings(DEFAULT_RISK_SETTINGS, { weights: { 'equity-questions': 0 } });
    expect(computeRisk([e.signal(0, 'equity-questions')], [], at(0), settings)).toMatchObject({ score: 0, signals: [], actions: [] });
  });
});

describe('detected signals', () => {
  it.each([
    ['slower and shorter three times running', [[1, 900], [5, 500], [20, 100]], true],
    ['only two replies', [[5, 500], [20, 100]], false],
    ['slower but longer', [[1, 100], [5, 500], [20, 900]], false],
    ['faster and shorter', [[20, 900], [5, 500], [1, 100]], false],
    ['equal latency breaks the run', [[5, 900], [5, 500], [20, 100]], false],
    ['an earlier good reply does not matter, the last three do', [[50, 10], [1, 900], [5, 500], [20, 100]], true],
    ['a recovery in the last reply ends it', [[1, 900], [5, 500], [20, 100], [2, 800]], false],
  ] as const)('engagement-falling: %s -> %s', (_name, replies, falling) => {
    expect(isEngagementFalling(replies.map(([latencyHours, length]) => ({ latencyHours, length })), 3)).toBe(falling);
    const events = replies.map(([latencyHours, length], i) => e.replied(i * 10, latencyHours, length));
    const risk = computeRisk(events, [], at(100));
    expect(risk.signals.some((s) => s.type === 'engagement-falling')).toBe(falling);
    if (falling) expect(risk.signals[0]).toMatchObject({ type: 'engagement-falling', decay: 1, contribution: 0.2, source: 'detected' });
  });

  it.each([
    ['approval.pending critical', [clock('approval.pending', 'critical')], ['approval-delay']],
    ['offer.after-final critical', [clock('offer.after-final', 'critical')], ['approval-delay']],
    ['both critical: still one signal', [clock('offer.after-final', 'critical'), clock('approval.pending', 'critical')], ['approval-delay']],
    ['approval only in warning', [clock('approval.pending', 'warning')], []],
    ['approval stopped late', [clock('approval.pending', 'stopped')], []],
    ['cycle.total critical', [clock('cycle.total', 'critical')], ['process-too-long']],
    ['cycle.total warning', [clock('cycle.total', 'warning')], []],
    ['a critical idle clock is not a risk signal', [clock('stage.idle', 'critical')], []],
  ] as [string, Clock[], string[]][])('from clocks: %s', (_name, clocks, types) => {
    const risk = computeRisk([], clocks, at(0));
    expect(risk.signals.map((s) => s.type)).toEqual(types);
    for (const s of risk.signals) expect(s).toMatchObject({ decay: 1, source: 'detected', clockId: expect.any(String) });
  });

  it('detects process-too-long from real events after 21 days', () => {
    const events = [e.outreach(0)];
    expect(computeRisk(events, computeClocks(events, at(21 * DAY)), at(21 * DAY)).signals).toEqual([]);
    const late = computeRisk(events, computeClocks(events, at(21 * DAY + 1)), at(21 * DAY + 1));
    expect(late.signals.map((s) => s.type)).toEqual(['process-too-long']);
    expect(late.actions[0]!.text).toBe('Close or cut the loop');
  });
});

describe('resolveRiskSettings', () => {
  const failure = (overrides: unknown) => {
    try {
      resolveRiskSettings(DEFAULT_RISK_SETTINGS, overrides);
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, field: error.field };
      throw error;
    }
    throw new Error('expected a DomainError');
  };

  it('applies weight, half-life, level and text overrides', () => {
    const s = resolveRiskSettings(DEFAULT_RISK_SETTINGS, {
      weights: { 'competing-offer': 0.5 },
      halfLifeDays: 14,
      levels: { high: 0.4 },
      actions: { 'close-or-cut': 'Cut the loop to one day' },
    });
    expect(s.signals['competing-offer'].weight).toBe(0.5);
    expect(s.signals['accelerate-request'].weight).toBe(0.3);
    expect(s.levels).toEqual({ medium: 0.25, high: 0.4, critical: 0.7 });
    expect(computeRisk([e.signal(0, 'accelerate-request')], [], at(14 * DAY), s).score).toBeCloseTo(0.15, 12);
    expect(s.actions['close-or-cut']).toBe('Cut the loop to one day');
  });

  it.each([
    ['a weight above 1', { weights: { 'competing-offer': 1.2 } }, 'RISK_SETTINGS_INVALID', 'weights.competing-offer'],
    ['an unknown signal', { weights: { 'good-vibes': 0.1 } }, 'UNKNOWN_FIELD', 'weights.good-vibes'],
    ['levels out of order', { levels: { high: 0.8 } }, 'RISK_SETTINGS_INVALID', 'levels'],
    ['a zero half-life', { halfLifeDays: 0 }, 'RISK_SETTINGS_INVALID', 'halfLifeDays'],
    ['an unknown action', { actions: { 'do-magic': 'x' } }, 'UNKNOWN_FIELD', 'actions.do-magic'],
    ['an unknown field', { decay: 2 }, 'UNKNOWN_FIELD', 'decay'],
  ])('rejects %s', (_name, overrides, code, field) => {
    expect(failure(overrides)).toEqual({ code, field });
  });
});

describe('properties', () => {
  const contribution = fc.double({ min: 0, max: 1, noNaN: true });
  it('the combined score stays in [0, 1] and never falls when a signal is added', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 12 }), contribution, (cs, extra) => {
        const score = combineContributions(cs);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(combineContributions([...cs, extra])).toBeGreaterThanOrEqual(score - 1e-12);
      }),
    );
  });

  const loggedEvent = fc.record({ signal: fc.constantFrom(...LOGGED_SIGNAL_TYPES), hour: fc.integer({ min: 0, max: 60 * DAY }) });
  it('computeRisk: score in [0, 1], level consistent, and a fresh log of any signal never lowers it', () => {
    fc.assert(
      fc.property(fc.array(loggedEvent, { maxLength: 8 }), fc.constantFrom(...LOGGED_SIGNAL_TYPES), (logs, added) => {
        const now = at(60 * DAY);
        const events: TimedEvent[] = logs.map((l) => e.signal(l.hour, l.signal));
        const before = computeRisk(events, [], now);
        expect(before.score).toBeGreaterThanOrEqual(0);
        expect(before.score).toBeLessThanOrEqual(1);
        expect(before.level).toBe(riskLevel(before.score));
        expect(new Set(before.actions.map((a) => a.id)).size).toBe(before.actions.length);
        const after = computeRisk([...events, e.signal(60 * DAY, added)], [], now);
        expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-12);
      }),
    );
  });
});
