import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOGGED_SIGNALS } from './events.js';
import { todayRiskOfRow, todayRiskRankOfRow, type TodayRiskInputs } from './projection.js';
import { DEFAULT_RISK_SETTINGS } from './risk.js';
import { buildTodayItems } from './today.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

const inputs: fc.Arbitrary<TodayRiskInputs> = fc.record({
  logged: fc.uniqueArray(
    fc.record({ type: fc.constantFrom(...LOGGED_SIGNALS), t: fc.integer({ min: NOW - 40 * DAY, max: NOW }) }),
    { selector: (l) => l.type, maxLength: LOGGED_SIGNALS.length },
  ),
  replies: fc.array(fc.record({ latencyHours: fc.integer({ min: 0, max: 96 }), length: fc.integer({ min: 1, max: 900 }), t: fc.integer({ min: NOW - 40 * DAY, max: NOW }) }), { maxLength: 4 }),
  detected: fc.subarray(['approval-delay', 'process-too-long'] as Array<'approval-delay' | 'process-too-long'>),
});

describe("Today's rank of a risk row", () => {
  it('is the level and overshoot of the item built from the whole assessment, or null when none is listed', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(3, 7, 14), (row, halfLifeDays) => {
        const settings = { risk: { ...DEFAULT_RISK_SETTINGS, halfLifeDays } };
        const risk = todayRiskOfRow(row, NOW, settings);
        const [item] = buildTodayItems([{ applicationId: 'a', candidateName: '', roleTitle: '', clocks: [], risk, status: 'active' }], NOW);
        expect(todayRiskRankOfRow(row, NOW, settings)).toEqual(item ? { level: item.level, overshoot: item.overshoot } : null);
      }),
      { numRuns: 300 },
    );
  });
});
