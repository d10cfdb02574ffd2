import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { evaluateOffer, parseOfferEvaluateInput, safeEvaluateOffer, safeParseOfferEvaluateInput } from './evaluate-offer.js';
import { OfferEvaluateInput, OfferEvaluation } from './schema.js';

function baseInput(): Record<string, any> {
  return {
    currency: 'USD',
    candidate: { currentBase: 220_000, currentBonus: 30_000, currentEquityAnnual: 200_000, annualObligations: 80_000, effectiveTaxRate: 0.35 },
    startup: {
      base: 200_000,
      grant: { kind: 'ISO', shares: 50_000, strike: 0.48, vesting: { totalYears: 4, cliffYears: 1, periodYears: 0.0833 } },
      company: { stage: 'seed', fullyDilutedShares: 10_000_000, lastPostMoney: 19_200_000 },
    },
    incumbent: { base: 220_000, bonusTargetPct: 15, grantValue: 800_000, preset: 'google' },
    simulation: { paths: 2_000, seed: 42 },
  };
}

function errorOf(input: unknown): { code: string; field: string | undefined } {
  const r = safeEvaluateOffer(input);
  if (r.ok) throw new Error('expected a validation error');
  expect(r.error).toBeInstanceOf(DomainError);
  return { code: r.error.code, field: r.error.field };
}

describe('evaluateOffer: the API/CLI contract of compensation.md', () => {
  const out = evaluateOffer(baseInput());

  it('returns every contract field and matches the exported output schema', () => {
    expect(() => OfferEvaluation.parse(out)).not.toThrow();
    expect(Object.keys(out.threshold)).toEqual(expect.arrayContaining(['amount', 'binding']));
    expect(Object.keys(out.startup.equityPv)).toEqual(expect.arrayContaining(['mean', 'p10', 'p25', 'p50', 'p75', 'p90', 'p99']));
    expect(typeof out.startup.pZero).toBe('number');
    expect(out.startup.paperValue).toBe(96_000);
    expect(Object.keys(out.incumbent!.pv)).toEqual(expect.arrayContaining(['mean', 'p50']));
    expect(out.pStartupBeatsIncumbent).toBeGreaterThanOrEqual(0);
    expect(out.pStartupBeatsIncumbent).toBeLessThanOrEqual(1);
    expect(Object.keys(out.breakEvenGrant!)).toEqual(['shares', 'fullyDilutedPct', 'reachable']);
    expect(out.ownership[0]).toEqual({ stage: 'seed', fullyDilutedPct: 0.5 });
    expect(Array.isArray(out.findings)).toBe(true);
    expect(out.assumptions.length).toBeGreaterThan(10);
    for (const a of out.assumptions) expect(a.source.length).toBeGreaterThan(0);
  });

  it('rounds money outputs to whole units', () => {
    const ints = [
      out.threshold.amount,
      ...Object.values(out.startup.equityPv),
      out.startup.paperValue,
      ...Object.values(out.incumbent!.pv),
      out.breakEvenGrant!.shares!,
      ...out.valueByYear.flatMap((r) => Object.values(r)),
      ...out.scenarioTable.values.flat(),
    ];
    for (const v of ints) expect(Number.isInteger(v)).toBe(true);
  });

  it('gives byte-identical JSON for the same input and seed, and different output for another seed', () => {
    const a = JSON.stringify(evaluateOffer(baseInput()));
    const b = JSON.stringify(evaluateOffer(baseInput()));
    expect(a).toBe(b);
    const other = baseInput();
    other.simulation.seed = 43;
    expect(JSON.stringify(evaluateOffer(other))).not.toBe(a);
  });

  it('uses the defaults when simulation is absent: 20,000 paths and the fixed seed', () => {
    const input = baseInput();
    delete input.simulation;
    delete input.incumbent;
    const r = evaluateOffer(input);
    expect(r.simulation.paths).toBe(20_000);
    expect(r.simulation.seed).toBe(20250119);
    expect(r.assumptions.find((a) => a.name === 'simulation.paths')?.value).toBe(20_000);
    expect(r.incumbent).toBeUndefined();
    expect(r.pStartupBeatsIncumbent).toBeUndefined();
    expect(r.breakEvenGrant).toBeUndefined();
  });

  it('defaults the failure belief to the funnel, and a stated belief rescales the simulated shutdowns', () => {
    expect(out.threshold.perceivedFailureProbability).toBeCloseTo(0.6937, 3);
    expect(out.simulation.failureRescaled).toBe(false);
    const input = baseInput();
    input.candidate.perceivedFailureProbability = 0.9;
    input.simulation.paths = 20_000;
    const r = evaluateOffer(input);
    expect(r.simulation.failureRescaled).toBe(true);
    expect(r.startup.outcomes.pShutdown).toBeGreaterThan(0.87);
    expect(r.startup.outcomes.pShutdown).toBeLessThan(0.93);
    expect(r.threshold.perceivedFailureProbability).toBe(0.9);
  });

  it('lists defaulted inputs as assumptions (strike, tenure, loss tolerance) and not the ones given', () => {
    const input = baseInput();
    delete input.startup.grant.strike;
    const r = evaluateOffer(input);
    const strike = r.assumptions.find((a) => a.name === 'startup.grant.strike');
    expect(strike?.value).toBeCloseTo(0.2 * 1.92, 6);
    expect(r.assumptions.find((a) => a.name === 'candidate.lossTolerance')?.source).toContain('calibrated to the field report');
    expect(r.assumptions.find((a) => a.name === 'startup.employee.expectedTenureYears')?.value).toBe(4);
    expect(out.assumptions.find((a) => a.name === 'startup.grant.strike')).toBeUndefined();
  });

  it('accepts a vesting preset and an incumbent schedule instead of a preset', () => {
    const input = baseInput();
    input.startup.grant.vesting = { preset: 'standard-4y-1y-cliff-monthly' };
    input.incumbent = { base: 220_000, bonusTargetPct: 15, grantValue: 800_000, schedule: { totalYears: 4, cliffYears: 1, periodYears: 0.25 }, signOn: 50_000 };
    const r = evaluateOffer(input);
    expect(r.incumbent!.preset).toBeNull();
    expect(r.valueByYear[0].incumbentCash).toBeGreaterThan(r.valueByYear[1].incumbentCash! - 1);
  });

  it('selects the model preset from the input', () => {
    const input = baseInput();
    input.simulation = { paths: 20_000, seed: 1, preset: 'carta-2018-cohort' };
    const carta = evaluateOffer(input);
    input.simulation.preset = 'default';
    const def = evaluateOffer(input);
    expect(carta.startup.outcomes.pAcquired).toBeLessThan(def.startup.outcomes.pAcquired);
    expect(carta.simulation.preset).toBe('carta-2018-cohort');
  });

  it('equityTail exclude values only exits within the horizon', () => {
    const input = baseInput();
    input.simulation.equityTail = 'exclude';
    const r = evaluateOffer(input);
    expect(r.startup.equityPv.mean).toBeLessThan(out.startup.equityPv.mean);
    expect(r.startup.equityAfterHorizon).toBe(0);
  });

  it('treats a pre-seed company as seed after its SAFE converts', () => {
    const input = baseInput();
    input.startup.company.stage = 'preseed';
    const r = evaluateOffer(input);
    expect(r.ownership.map((s) => s.stage).slice(0, 2)).toEqual(['preseed', 'seed']);
    expect(r.assumptions.find((a) => a.name === 'startup.company.preferred')?.source).toContain('SAFE');
  });
});

describe('evaluateOffer findings (playbook-checks.md comp.*)', () => {
  it('comp.below-threshold (error) when the base is under the candidate threshold', () => {
    const r = evaluateOffer(baseInput());
    expect(r.threshold.amount).toBeGreaterThan(200_000);
    const f = r.findings.find((x) => x.rule === 'comp.below-threshold');
    expect(f?.severity).toBe('error');
    expect(f?.path).toBe('startup.base');
  });

  it('no comp.below-threshold when the base covers the threshold', () => {
    const input = baseInput();
    input.startup.base = 400_000;
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.below-threshold')).toBe(false);
  });

  it('comp.below-stage-band (warning) under the seed band minimum of 180K, using the tier-one band for seed-tier1', () => {
    const input = baseInput();
    input.startup.base = 170_000;
    expect(evaluateOffer(input).findings.find((x) => x.rule === 'comp.below-stage-band')?.severity).toBe('warning');
    input.startup.base = 200_000;
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.below-stage-band')).toBe(false);
    input.startup.company.stage = 'seed-tier1';
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.below-stage-band')).toBe(true);
  });

  it('does not compare a EUR offer with the USD bands', () => {
    const input = baseInput();
    input.currency = 'EUR';
    input.startup.base = 100_000;
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.below-stage-band')).toBe(false);
  });

  it('comp.equity-not-fully-diluted (error) when the stated percentage does not match shares / fully diluted (0.3% vs 1%)', () => {
    const input = baseInput();
    input.startup.grant.statedPercent = 1;
    input.startup.grant.shares = 30_000;
    const f = evaluateOffer(input).findings.find((x) => x.rule === 'comp.equity-not-fully-diluted');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('0.3%');
    input.startup.grant.statedPercent = 0.3;
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.equity-not-fully-diluted')).toBe(false);
  });

  it('comp.budget-share: warning above 40% and error above 60% of the yearly budget, counting this offer', () => {
    const input = baseInput();
    input.budget = { aiTeamAnnualCash: 600_000, raise: 4_000_000, runwayYears: 2 };
    // (600k + 200k) / 2M = 40%: at the limit, no finding
    expect(evaluateOffer(input).findings.some((x) => x.rule === 'comp.budget-share')).toBe(false);
    input.budget.aiTeamAnnualCash = 700_000;
    const warn = evaluateOffer(input);
    expect(warn.findings.find((x) => x.rule === 'comp.budget-share')?.severity).toBe('warning');
    expect(warn.budgetShare?.share).toBeCloseTo(0.45, 9);
    input.budget = { aiTeamAnnualCash: 1_300_000, annualBurn: 2_000_000, includesThisOffer: true };
    expect(evaluateOffer(input).findings.find((x) => x.rule === 'comp.budget-share')?.severity).toBe('error');
  });

  it('warns when the strike is above the preferred price', () => {
    const input = baseInput();
    input.startup.grant.strike = 3;
    expect(evaluateOffer(input).findings.find((x) => x.rule === 'comp.strike-above-preferred')?.severity).toBe('warning');
  });
});

describe('evaluateOffer rejects invalid input (table 4.6) with a catalogue code and the field path', () => {
  const cases: [string, string, string, (i: Record<string, any>) => void][] = [
    ['negative money', 'MONEY_INVALID', 'candidate.currentBase', (i) => (i.candidate.currentBase = -1)],
    ['fractional money', 'MONEY_INVALID', 'startup.base', (i) => (i.startup.base = 180_000.5)],
    ['money as a string (no coercion)', 'MONEY_INVALID', 'startup.base', (i) => (i.startup.base = '180000')],
    ['zero base', 'MONEY_INVALID', 'startup.base', (i) => (i.startup.base = 0)],
    ['zero post-money', 'MONEY_INVALID', 'startup.company.lastPostMoney', (i) => (i.startup.company.lastPostMoney = 0)],
    ['tax rate of 1', 'RATE_OUT_OF_RANGE', 'candidate.effectiveTaxRate', (i) => (i.candidate.effectiveTaxRate = 1)],
    ['failure probability above 1', 'PROBABILITY_OUT_OF_RANGE', 'candidate.perceivedFailureProbability', (i) => (i.candidate.perceivedFailureProbability = 1.2)],
    ['zero shares', 'SHARES_INVALID', 'startup.grant.shares', (i) => (i.startup.grant.shares = 0)],
    ['grant not below fully diluted', 'SHARES_INVALID', 'startup.grant.shares', (i) => (i.startup.grant.shares = 10_000_000)],
    ['negative strike', 'STRIKE_INVALID', 'startup.grant.strike', (i) => (i.startup.grant.strike = -0.1)],
    ['cliff after the end', 'VESTING_INVALID', 'startup.grant.vesting.cliffYears', (i) => (i.startup.grant.vesting.cliffYears = 5)],
    ['weights not summing to 1', 'VESTING_INVALID', 'startup.grant.vesting.yearWeights', (i) => (i.startup.grant.vesting.yearWeights = [0.3, 0.3, 0.3, 0.3])],
    ['period of 0', 'VESTING_INVALID', 'startup.grant.vesting.periodYears', (i) => (i.startup.grant.vesting.periodYears = 0)],
    ['tenure above 30 years', 'HORIZON_INVALID', 'startup.employee.expectedTenureYears', (i) => (i.startup.employee = { expectedTenureYears: 31 })],
    ['horizon of 0', 'HORIZON_INVALID', 'simulation.horizonYears', (i) => (i.simulation.horizonYears = 0)],
    ['too few paths', 'PATHS_INVALID', 'simulation.paths', (i) => (i.simulation.paths = 999)],
    ['too many paths', 'PATHS_INVALID', 'simulation.paths', (i) => (i.simulation.paths = 1_000_001)],
    ['fractional paths', 'PATHS_INVALID', 'simulation.paths', (i) => (i.simulation.paths = 1500.5)],
    ['unknown stage', 'STAGE_INVALID', 'startup.company.stage', (i) => (i.startup.company.stage = 'series-z')],
    ['unknown field', 'UNKNOWN_FIELD', 'startup.grant.equity', (i) => (i.startup.grant.equity = '1%')],
    ['missing field', 'VALIDATION_FAILED', 'startup.company.fullyDilutedShares', (i) => delete i.startup.company.fullyDilutedShares],
    ['currency mismatch', 'CURRENCY_MISMATCH', 'incumbent.currency', (i) => (i.incumbent.currency = 'EUR')],
    ['bad currency code', 'VALIDATION_FAILED', 'currency', (i) => (i.currency = 'usd')],
    ['incumbent with schedule and preset', 'VESTING_INVALID', 'incumbent.schedule', (i) => (i.incumbent.schedule = { totalYears: 4, cliffYears: 0, periodYears: 0.25 })],
    ['stock volatility above 3', 'PARAMETER_INVALID', 'incumbent.stock.sigma', (i) => (i.incumbent.stock = { sigma: 3.1 })],
    ['milestone probability above 1', 'PROBABILITY_OUT_OF_RANGE', 'startup.grant.vesting.milestones[0].probability', (i) => (i.startup.grant.vesting.milestones = [{ fraction: 0.1, probability: 2, byYears: 1 }])],
    ['preferred shares leaving no room', 'SHARES_INVALID', 'startup.company.preferred', (i) => (i.startup.company.preferred = [{ invested: 1_000_000, shares: 9_990_000 }])],
    ['budget with two bases', 'BUDGET_INVALID', 'budget.budget', (i) => (i.budget = { aiTeamAnnualCash: 1, annualBudget: 10, annualBurn: 10 })],
  ];

  it.each(cases)('%s -> %s at %s', (_name, code, field, mutate) => {
    const input = baseInput();
    mutate(input);
    expect(errorOf(input)).toEqual({ code, field });
  });

  it('rejects a non-object body', () => {
    expect(errorOf('nope').code).toBe('VALIDATION_FAILED');
    expect(errorOf(null).code).toBe('VALIDATION_FAILED');
  });

  it('parse/safeParse pair: parse throws DomainError, safeParse returns it', () => {
    const input = baseInput();
    input.startup.base = -5;
    expect(() => parseOfferEvaluateInput(input)).toThrow(DomainError);
    const r = safeParseOfferEvaluateInput(input);
    expect(r.ok).toBe(false);
    expect(safeParseOfferEvaluateInput(baseInput()).ok).toBe(true);
  });

  it('converts both schemas to JSON Schema for OpenAPI', () => {
    expect(() => z.toJSONSchema(OfferEvaluateInput)).not.toThrow();
    expect(() => z.toJSONSchema(OfferEvaluation)).not.toThrow();
  });

  it('exports the Zod schema as strict objects with no coercion or defaults', () => {
    expect(OfferEvaluateInput.safeParse({ ...baseInput(), extra: 1 }).success).toBe(false);
    const parsed = OfferEvaluateInput.parse(baseInput());
    expect(parsed).toEqual(baseInput());
  });
});

describe('evaluateOffer properties', () => {
  const arbInput = fc.record({
    shares: fc.integer({ min: 1_000, max: 500_000 }),
    base: fc.integer({ min: 50_000, max: 500_000 }),
    stage: fc.constantFrom('preseed', 'seed', 'seed-tier1', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e', 'growth'),
    kind: fc.constantFrom('ISO', 'NSO', 'RSU', 'RSA'),
    policy: fc.constantFrom('exerciseAtDeparture', 'forfeitAtDeparture', 'extendedWindow'),
    tenure: fc.double({ min: 0.5, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    withIncumbent: fc.boolean(),
  });
  const build = (a: { shares: number; base: number; stage: string; kind: string; policy: string; tenure: number; seed: number; withIncumbent: boolean }) => {
    const input = baseInput();
    input.startup.grant.shares = a.shares;
    input.startup.grant.kind = a.kind;
    input.startup.base = a.base;
    input.startup.company.stage = a.stage;
    input.startup.employee = { expectedTenureYears: a.tenure, exercisePolicy: a.policy };
    input.simulation = { paths: 1_000, seed: a.seed };
    if (!a.withIncumbent) delete input.incumbent;
    return input;
  };

  it('property: same input and seed give byte-identical output; percentiles are ordered; pZero >= pShutdown', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const one = evaluateOffer(build(a));
        const two = evaluateOffer(build(a));
        if (JSON.stringify(one) !== JSON.stringify(two)) return false;
        const e = one.startup.equityPv;
        const ordered = e.p10 <= e.p25 && e.p25 <= e.p50 && e.p50 <= e.p75 && e.p75 <= e.p90 && e.p90 <= e.p95 && e.p95 <= e.p99;
        const inc = one.incumbent?.pv;
        const incOrdered = !inc || (inc.p10 <= inc.p25 && inc.p25 <= inc.p50 && inc.p50 <= inc.p75 && inc.p75 <= inc.p90 && inc.p90 <= inc.p99);
        return ordered && incOrdered && one.startup.pZero >= one.startup.outcomes.pShutdown - 1e-9;
      }),
      { numRuns: 25 },
    );
  });
});
