import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { BAND_REFERENCES, budgetShare, DEFAULT_STAGE_BANDS, getStageBand } from './bands.js';
import { checkBelowStageBand, checkBudgetShare, checkEquityStatement } from './findings.js';
import { parseBudgetShareInput, safeParseBudgetShareInput } from './parsers.js';

describe('stage bands (compensation.md, field report defaults)', () => {
  it.each([
    ['seed', 180_000, 220_000, 0.5, 1.0],
    ['seed-tier1', 250_000, 350_000, 0.5, 1.5],
    ['series-a', 220_000, 280_000, 0.25, 0.75],
    ['series-b', 280_000, 350_000, 0.1, 0.3],
  ])('%s: base %s-%s, equity %s-%s%%', (stage, min, max, eMin, eMax) => {
    const band = getStageBand(stage)!;
    expect(band.base).toEqual({ min, max });
    expect(band.equityPct).toEqual({ min: eMin, max: eMax });
    expect(band.currency).toBe('USD');
    expect(band.source).toContain('field-report');
  });

  it('has no band for stages the field report does not cover, and keeps the references', () => {
    expect(getStageBand('series-c')).toBeUndefined();
    expect(BAND_REFERENCES.map((r) => r.id)).toEqual(['growth-stage-ai', 'big-tech-senior-ml']);
    expect(DEFAULT_STAGE_BANDS).toHaveLength(4);
  });

  it('checks a company band passed in instead of the defaults', () => {
    const bands = [{ ...DEFAULT_STAGE_BANDS[0], base: { min: 150_000, max: 200_000 } }];
    expect(checkBelowStageBand({ base: 170_000, stage: 'seed', currency: 'USD' }, bands)).toBeNull();
    expect(checkBelowStageBand({ base: 170_000, stage: 'seed', currency: 'USD' })?.rule).toBe('comp.below-stage-band');
  });
});

describe('budgetShare (comp.budget-share)', () => {
  it.each([
    [{ annualBudget: 1_000_000 }, 400_000, 'ok', 0.4],
    [{ annualBudget: 1_000_000 }, 400_001, 'warning', 0.400001],
    [{ annualBudget: 1_000_000 }, 600_000, 'warning', 0.6],
    [{ annualBudget: 1_000_000 }, 600_001, 'error', 0.600001],
    [{ raise: 4_000_000, runwayYears: 2 }, 1_000_000, 'warning', 0.5],
    [{ annualBurn: 2_000_000 }, 1_300_000, 'error', 0.65],
  ] as const)('budget %j with cash %s -> %s', (budget, cash, severity, share) => {
    const r = budgetShare({ aiTeamAnnualCash: cash, budget });
    expect(r.severity).toBe(severity);
    expect(r.share).toBeCloseTo(share, 9);
    expect(checkBudgetShare(r, 'USD')?.severity ?? 'ok').toBe(severity);
  });

  it('adds planned hires to the current team', () => {
    expect(budgetShare({ aiTeamAnnualCash: 300_000, plannedHiresAnnualCash: 200_000, budget: { annualBudget: 1_000_000 } }).share).toBeCloseTo(0.5, 12);
  });

  it('rejects zero or two budget bases with BUDGET_INVALID', () => {
    expect(() => budgetShare({ aiTeamAnnualCash: 1, budget: {} })).toThrow(DomainError);
    const r = safeParseBudgetShareInput({ aiTeamAnnualCash: 1, budget: { annualBudget: 10, annualBurn: 10 } });
    expect(r.ok === false && r.error.code).toBe('BUDGET_INVALID');
    const runway = safeParseBudgetShareInput({ aiTeamAnnualCash: 1, budget: { raise: 10 } });
    expect(runway.ok === false && runway.error.code).toBe('BUDGET_INVALID');
    expect(parseBudgetShareInput({ aiTeamAnnualCash: 1, budget: { annualBudget: 10 } }).aiTeamAnnualCash).toBe(1);
  });
});

describe('checkEquityStatement (comp.equity-not-fully-diluted)', () => {
  it('fires without a share count or without the fully diluted total', () => {
    expect(checkEquityStatement({ statedPercent: 1 })?.path).toBe('startup.grant.shares');
    expect(checkEquityStatement({ shares: 10_000, statedPercent: 1 })?.path).toBe('startup.grant.fullyDilutedShares');
  });

  it('accepts a rounded percentage and rejects a wrong one', () => {
    expect(checkEquityStatement({ shares: 49_870, fullyDilutedShares: 10_000_000, statedPercent: 0.5 })).toBeNull();
    expect(checkEquityStatement({ shares: 30_000, fullyDilutedShares: 10_000_000, statedPercent: 1 })?.severity).toBe('error');
    expect(checkEquityStatement({ shares: 30_000, fullyDilutedShares: 10_000_000 })).toBeNull();
  });
});
