import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { funnelOutcomes, lifetimeFailureProbability, rescaleFailureProbability } from './funnel.js';
import { describeModelParameters, listModelPresets, MODEL_PARAMETER_NAMES, resolveModelParameters } from './parameters.js';

describe('stage funnel parameters and closed-form outcomes (compensation-model.md 4.2.3)', () => {
  const params = resolveModelParameters();

  it('gives a seed company a lifetime failure probability of about 0.69 and 30% exits', () => {
    const o = funnelOutcomes(params, 0);
    expect(o.pShutdown).toBeCloseTo(0.6937, 4);
    expect(o.pAcquired + o.pIpo).toBeCloseTo(0.3063, 4);
    expect(o.pIpo).toBeCloseTo(0.0066, 4);
    expect(o.reach[1]).toBeCloseTo(0.645, 12);
    expect(o.pShutdown + o.pAcquired + o.pIpo).toBeCloseTo(1, 12);
  });

  it('ships the three presets with sources; carta-2018-cohort is harsher, venturesource-woodward kinder', () => {
    expect(listModelPresets().map((p) => p.id)).toEqual(['default', 'carta-2018-cohort', 'venturesource-woodward']);
    const carta = lifetimeFailureProbability(resolveModelParameters('carta-2018-cohort'), 0);
    const woodward = lifetimeFailureProbability(resolveModelParameters('venturesource-woodward'), 0);
    expect(carta).toBeGreaterThan(lifetimeFailureProbability(params, 0));
    expect(woodward).toBeLessThan(lifetimeFailureProbability(params, 0));
    expect(resolveModelParameters('carta-2018-cohort').qAcq).toEqual([0.08, 0.08, 0.08, 0.08, 0.08, 0.08]);
  });

  it('carries a source for every parameter of every preset', () => {
    for (const p of listModelPresets()) {
      const described = describeModelParameters(p.id);
      expect(described).toHaveLength(MODEL_PARAMETER_NAMES.length);
      for (const a of described) expect(a.source.length).toBeGreaterThan(5);
    }
  });

  it.each([
    [{ pNext: [0.645, 0.407, 0.297, 0.25, 0.25, 0.1] }, 'PARAMETER_INVALID', 'parameters.pNext[5]'],
    [{ qAcq: [0.15, 0.3, 0.45, 0.6, 0.9, 0.7] }, 'PROBABILITY_OUT_OF_RANGE', 'parameters.qIpo[4]'],
    [{ qAcq: [1.5, 0.3, 0.45, 0.6, 0.7, 0.7] }, 'PROBABILITY_OUT_OF_RANGE', 'parameters.qAcq[0]'],
    [{ dilutionMedian: [0.2, 0.7, 0.15, 0.126, 0.103, 0.1] }, 'PARAMETER_INVALID', 'parameters.dilutionMedian[1]'],
    [{ dilutionMedian: [0, 0.2, 0.15, 0.126, 0.103, 0.1] }, 'PARAMETER_INVALID', 'parameters.dilutionMedian[0]'],
    [{ dilutionBetaK: 2 }, 'PARAMETER_INVALID', 'parameters.dilutionBetaK'],
    [{ gapSigma: -1 }, 'PARAMETER_INVALID', 'parameters.gapSigma'],
    [{ mnaLogMultiple: { mu: 0, sigma: 4 } }, 'PARAMETER_INVALID', 'parameters.mnaLogMultiple.sigma'],
    [{ pNext: [0.5, 0.5] }, 'PARAMETER_INVALID', 'parameters.pNext'],
  ] as const)('rejects invalid parameters (%#) with %s at %s', (overrides, code, field) => {
    let error: unknown;
    try {
      resolveModelParameters('default', overrides as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).field).toBe(field);
  });

  it('rejects an unknown parameter name', () => {
    expect(() => resolveModelParameters('default', { nope: 1 } as never)).toThrow(DomainError);
  });
});

describe('rescaleFailureProbability (4.2.4: the candidate belief feeds the funnel)', () => {
  const params = resolveModelParameters();

  it.each([0, 0.2, 0.5, 0.6937, 0.9, 1])('hits a lifetime failure of %s from seed, keeping pNext', (target) => {
    const r = rescaleFailureProbability(params, 0, target);
    expect(lifetimeFailureProbability(r.parameters, 0)).toBeCloseTo(target, 9);
    expect(r.parameters.pNext).toEqual(params.pNext);
  });

  it('property: rescaled shares stay valid probabilities for any stage and target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (stage, target) => {
        const r = rescaleFailureProbability(params, stage, target);
        const valid = r.parameters.qAcq.every((q, i) => q >= -1e-12 && r.parameters.qIpo[i] >= -1e-12 && q + r.parameters.qIpo[i] <= 1 + 1e-9);
        return valid && Math.abs(lifetimeFailureProbability(r.parameters, stage) - target) < 1e-6;
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a belief outside [0, 1]', () => {
    expect(() => rescaleFailureProbability(params, 0, 1.2)).toThrow(DomainError);
  });
});
