import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { evaluateThresholdRequest, safeEvaluateThresholdRequest } from './threshold-request.js';

const candidate = (tc: number) => ({ currentBase: Math.round(tc * 0.5), currentBonus: Math.round(tc * 0.1), currentEquityAnnual: tc - Math.round(tc * 0.5) - Math.round(tc * 0.1), annualObligations: 60_000, effectiveTaxRate: 0.35 });

describe('evaluateThresholdRequest (POST /api/v1/compensation/threshold, closer threshold)', () => {
  it('puts senior big-tech candidates (TC 400-650K) at a seed company near the 200-300K band of the field report', () => {
    const low = evaluateThresholdRequest({ currency: 'USD', candidate: candidate(400_000) });
    const high = evaluateThresholdRequest({ currency: 'USD', candidate: candidate(650_000) });
    expect(low.binding).toBe('risk');
    expect(low.amount).toBeGreaterThan(200_000 * 0.95);
    expect(high.amount).toBeLessThan(300_000 * 1.05);
    expect(low.amount).toBeLessThan(high.amount);
  });

  it('rounds money to whole units and probabilities to 6 decimals, and lists the defaults it used', () => {
    const t = evaluateThresholdRequest({ currency: 'USD', candidate: candidate(500_000), stage: 'series-b' });
    for (const v of [t.amount, t.floors.obligations, t.floors.risk!, t.lossTolerance, t.currentTotalComp, ...Object.values(t.components)]) expect(Number.isInteger(v)).toBe(true);
    expect(String(t.perceivedFailureProbability).split('.')[1]!.length).toBeLessThanOrEqual(6);
    expect(t.assumptions.map((a) => a.name)).not.toContain('stage');
    expect(t.assumptions.map((a) => a.name)).toContain('candidate.perceivedFailureProbability');
    // A later stage fails less often: the expected loss pFail x (TC - B) stays within the tolerance at a lower base.
    const seed = evaluateThresholdRequest({ currency: 'USD', candidate: candidate(500_000), stage: 'seed' });
    expect(t.perceivedFailureProbability).toBeLessThan(seed.perceivedFailureProbability);
    expect(t.amount).toBeLessThan(seed.amount);
  });

  it('rejects bad input with the catalogue code and field path, never clamping', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ currency: 'USD', candidate: { ...candidate(400_000), currentBase: -1 } }, 'MONEY_INVALID', 'candidate.currentBase'],
      [{ currency: 'USD', candidate: { ...candidate(400_000), fallbackSalary: 1 } }, 'UNKNOWN_FIELD', 'candidate.fallbackSalary'],
      [{ currency: 'usd', candidate: candidate(400_000) }, 'VALIDATION_FAILED', 'currency'],
      [{ currency: 'USD', candidate: candidate(400_000), horizonYears: 0 }, 'HORIZON_INVALID', 'horizonYears'],
    ];
    for (const [input, code, field] of cases) {
      const r = safeEvaluateThresholdRequest(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBeInstanceOf(DomainError);
        expect({ code: r.error.code, field: r.error.field }).toEqual({ code, field });
      }
    }
  });
});
