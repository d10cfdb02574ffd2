import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import checksData from '../../../data/scoping/plan-checks.json' with { type: 'json' };
import budgetData from '../../../data/compensation/budget-share.json' with { type: 'json' };
import { checkPlan, parsePlanDocument, planJsonSchema, safeCheckPlan } from './index.js';
import committedSchema from '../../../docs/plan.schema.json' with { type: 'json' };

/** A plan that passes every check; each test changes one thing. */
function cleanPlan() {
  return {
    version: 1,
    role: { title: 'Senior MLOps Engineer', seniority: 'senior', specializations: ['mlops'], yearsRequired: 6 },
    company: {
      stage: 'series-a',
      headcount: 14,
      aiTeam: [{ specializations: ['ml-engineering', 'mlops', 'data-engineering'], seniority: 'senior', yearlyCashComp: 250000 }],
      currentAiCashComp: 250000,
      budget: { annualBudget: 4_800_000 },
    },
    process: {
      stages: [
        { name: 'Intro', kind: 'screen', plannedDays: 2 },
        { name: 'Deep dive', kind: 'technical', plannedDays: 3 },
        { name: 'Take-home', kind: 'take-home', plannedDays: 3, takeHomeHours: 3 },
        { name: 'Final', kind: 'final', plannedDays: 2, interviewDays: 1 },
        { name: 'Offer', kind: 'offer', plannedDays: 1 },
      ],
      offerAfterFinalHours: 24,
    },
    approvals: { boardApprovedBand: { baseMin: 220000, baseMax: 280000, equityPercentMin: 0.25, equityPercentMax: 0.75 } },
    compensation: { currency: 'USD', base: 250000, equity: { percent: 0.5, shares: 50000, fullyDilutedShares: 10_000_000 } },
    sourcing: { mix: [{ channel: 'outbound', candidates: 30 }, { channel: 'referral', candidates: 10 }] },
    outreach: { text: 'Base salary 250K USD plus 0.5% equity fully diluted. You would own the training infrastructure and our proprietary data.' },
  } as Record<string, any>;
}

function findingsOf(plan: unknown, rule: string) {
  return checkPlan(plan).findings.filter((f) => f.rule === rule);
}

describe('checkPlan', () => {
  it('passes the clean plan with no findings', () => {
    expect(checkPlan(cleanPlan())).toEqual({ findings: [], errors: 0, warnings: 0, infos: 0 });
  });

  describe('process.too-long (warning over 14 days, error over 21)', () => {
    const withDays = (total: number) => {
      const p = cleanPlan();
      p.process.stages[0].plannedDays = total - 9; // the other stages take 9 days
      return p;
    };
    it.each([
      [14, []],
      [14.5, ['warning']],
      [21, ['warning']],
      [21.5, ['error']],
      [42, ['error']],
    ])('%s planned days -> %j', (total, severities) => {
      expect(findingsOf(withDays(total as number), 'process.too-long').map((f) => f.severity)).toEqual(severities);
    });
    it('points at the stage where the span crosses the limit', () => {
      const p = cleanPlan();
      p.process.stages[1].plannedDays = 20;
      expect(findingsOf(p, 'process.too-long')[0].path).toBe('process.stages[1]');
    });
  });

  describe('process.multiple-take-homes', () => {
    it('fires on a second take-home and points at it', () => {
      const p = cleanPlan();
      p.process.stages.splice(3, 0, { name: 'Second take-home', kind: 'take-home', plannedDays: 1, takeHomeHours: 1 });
      const f = findingsOf(p, 'process.multiple-take-homes');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', path: 'process.stages[3]' });
    });
    it.each([
      [4, 0],
      [4.5, 1],
    ])('a take-home of %s hours gives %s findings (limit 4 h)', (hours, n) => {
      const p = cleanPlan();
      p.process.stages[2].takeHomeHours = hours;
      const f = findingsOf(p, 'process.multiple-take-homes');
      expect(f).toHaveLength(n as number);
      if (n) expect(f[0].path).toBe('process.stages[2].takeHomeHours');
    });
  });

  describe('process.no-single-day-onsite', () => {
    it('accepts finals on one day', () => {
      expect(findingsOf(cleanPlan(), 'process.no-single-day-onsite')).toEqual([]);
    });
    it('fires when one final stage spans two days', () => {
      const p = cleanPlan();
      p.process.stages[3].interviewDays = 2;
      expect(findingsOf(p, 'process.no-single-day-onsite')).toMatchObject([{ severity: 'warning', path: 'process.stages[3]' }]);
    });
    it('fires when finals are split across two stages', () => {
      const p = cleanPlan();
      p.process.stages.splice(3, 0, { name: 'Panel', kind: 'onsite', plannedDays: 1 });
      expect(findingsOf(p, 'process.no-single-day-onsite')).toMatchObject([{ path: 'process.stages[4]' }]);
    });
  });

  describe('process.offer-sla (over 48 h)', () => {
    it.each([
      [48, 0],
      [49, 1],
    ])('%s h after the final -> %s findings', (hours, n) => {
      const p = cleanPlan();
      p.process.offerAfterFinalHours = hours;
      const f = findingsOf(p, 'process.offer-sla');
      expect(f).toHaveLength(n as number);
      if (n) expect(f[0]).toMatchObject({ severity: 'error', path: 'process.offerAfterFinalHours' });
    });
  });

  describe('process.approval-not-prenegotiated', () => {
    it('fires without a board-approved band', () => {
      const p = cleanPlan();
      delete p.approvals;
      expect(findingsOf(p, 'process.approval-not-prenegotiated')).toMatchObject([{ severity: 'warning', path: 'approvals.boardApprovedBand' }]);
    });
    it.each([
      [280000, 0],
      [280001, 1],
    ])('base %s against a band up to 280,000 -> %s findings', (base, n) => {
      const p = cleanPlan();
      p.compensation.base = base;
      expect(findingsOf(p, 'process.approval-not-prenegotiated')).toHaveLength(n as number);
    });
    it('fires when the equity is outside the band', () => {
      const p = cleanPlan();
      p.compensation.equity = { percent: 1, shares: 100000, fullyDilutedShares: 10_000_000 };
      expect(findingsOf(p, 'process.approval-not-prenegotiated')).toMatchObject([{ path: 'compensation.equity' }]);
    });
  });

  describe('comp.below-stage-band (compensation engine)', () => {
    it.each([
      [220000, 0],
      [219999, 1],
    ])('base %s at Series A (band from 220,000) -> %s findings', (base, n) => {
      const p = cleanPlan();
      p.compensation.base = base;
      p.approvals.boardApprovedBand.baseMin = 200000;
      expect(findingsOf(p, 'comp.below-stage-band')).toHaveLength(n as number);
    });
  });

  describe('comp.below-threshold (compensation engine threshold)', () => {
    const withProfile = (base: number) => {
      const p = cleanPlan();
      p.compensation.base = base;
      p.approvals.boardApprovedBand = { baseMin: 100000, baseMax: 400000, equityPercentMin: 0.1, equityPercentMax: 1 };
      // compensation-model.md 4.1 fixture: threshold 216,666.667 (binding: risk).
      p.candidateProfile = {
        currentBase: 200000,
        currentBonus: 20000,
        currentEquityAnnual: 30000,
        annualObligations: 60000,
        effectiveTaxRate: 0.3,
        savingsShare: 0.2,
        perceivedFailureProbability: 0.6,
        lossTolerance: 20000,
      };
      return p;
    };
    it('fires below the fixture threshold and not at it', () => {
      expect(findingsOf(withProfile(216000), 'comp.below-threshold')).toMatchObject([{ severity: 'error', path: 'compensation.base' }]);
      expect(findingsOf(withProfile(216667), 'comp.below-threshold')).toEqual([]);
    });
    it('uses the stage failure probability when the profile gives none', () => {
      const p = withProfile(100000);
      delete p.candidateProfile.perceivedFailureProbability;
      delete p.candidateProfile.lossTolerance;
      expect(findingsOf(p, 'comp.below-threshold')).toHaveLength(1);
      expect(findingsOf(withProfile(150000), 'comp.below-threshold')).toHaveLength(1);
    });
  });

  describe('comp.equity-not-fully-diluted', () => {
    it('fires on a percent with no share count or fully diluted total', () => {
      const p = cleanPlan();
      p.compensation.equity = { percent: 0.5 };
      expect(findingsOf(p, 'comp.equity-not-fully-diluted')).toMatchObject([{ severity: 'error', path: 'compensation.equity.shares' }]);
    });
    it('fires on shares without the fully diluted total', () => {
      const p = cleanPlan();
      p.compensation.equity = { shares: 50000 };
      expect(findingsOf(p, 'comp.equity-not-fully-diluted')).toMatchObject([{ path: 'compensation.equity.fullyDilutedShares' }]);
    });
    it('fires when the stated percent contradicts shares / fully diluted (0.3% vs 1%)', () => {
      const p = cleanPlan();
      p.compensation.equity = { percent: 1, shares: 30000, fullyDilutedShares: 10_000_000 };
      p.approvals.boardApprovedBand.equityPercentMax = 1;
      expect(findingsOf(p, 'comp.equity-not-fully-diluted')).toHaveLength(1);
    });
  });

  describe('comp.budget-share (40% warning, 60% error)', () => {
    const withShare = (annualBudget: number) => {
      const p = cleanPlan();
      p.company.budget = { annualBudget };
      return p; // cash = 250,000 current + 250,000 planned = 500,000
    };
    it.each([
      [1_250_000, []], // exactly 40%
      [1_249_999, ['warning']],
      [833_334, ['warning']], // just under 60%
      [833_333, ['error']], // just over 60%
    ])('budget %s -> %j', (budget, severities) => {
      expect(findingsOf(withShare(budget as number), 'comp.budget-share').map((f) => f.severity)).toEqual(severities);
    });
    it('reads raise over runway as the yearly budget', () => {
      const p = cleanPlan();
      p.company.budget = { raise: 1_000_000, runwayYears: 1 };
      expect(findingsOf(p, 'comp.budget-share')).toMatchObject([{ severity: 'warning', path: 'company.budget' }]);
    });
  });

  describe('outreach.equity-first and outreach.no-infra-signal', () => {
    const withText = (text: string) => {
      const p = cleanPlan();
      p.outreach = { text };
      return p;
    };
    it('fires when equity or mission comes before the base', () => {
      expect(findingsOf(withText('Join our mission! Base salary 250K and equity. Own our training infrastructure.'), 'outreach.equity-first')).toHaveLength(1);
    });
    it('fires when no base is named at all', () => {
      expect(findingsOf(withText('Competitive pay. Own our training infrastructure.'), 'outreach.equity-first')[0].message).toMatch(/no base/);
    });
    it('accepts base first', () => {
      expect(findingsOf(withText('Base salary 250K, then 0.5% equity. Own our GPU infrastructure.'), 'outreach.equity-first')).toEqual([]);
    });
    it('gives an info when no infrastructure, compute, data or senior-team signal is named', () => {
      expect(findingsOf(withText('Base salary 250K. Great culture and snacks.'), 'outreach.no-infra-signal')).toMatchObject([{ severity: 'info' }]);
      expect(findingsOf(withText('Base salary 250K. 100K of GPU credits.'), 'outreach.no-infra-signal')).toEqual([]);
    });
  });

  describe('sourcing.referral-only (over 70%)', () => {
    it.each([
      [70, 0],
      [71, 1],
    ])('%s%% referrals and VC intros -> %s findings', (pct, n) => {
      const p = cleanPlan();
      p.sourcing = { mix: [{ channel: 'referral', candidates: (pct as number) - 10 }, { channel: 'vc-intro', candidates: 10 }, { channel: 'outbound', candidates: 100 - (pct as number) }] };
      expect(findingsOf(p, 'sourcing.referral-only')).toHaveLength(n as number);
    });
  });

  describe('scope.* (role scoping rules)', () => {
    it('flags a role spanning three specializations at a company with a senior practitioner', () => {
      const p = cleanPlan();
      p.role.specializations = ['mlops', 'data-engineering', 'ai-product-engineering'];
      expect(findingsOf(p, 'scope.too-broad')).toMatchObject([{ severity: 'error', path: 'role.specializations' }]);
    });
    it('flags a junior AI role without a senior anchor', () => {
      const p = cleanPlan();
      p.company.aiTeam = [];
      p.role = { title: 'Junior ML Engineer', seniority: 'junior', specializations: ['ml-engineering'] };
      const rules = checkPlan(p).findings.map((f) => f.rule);
      expect(rules).toContain('scope.juniors-without-anchor');
      expect(rules).toContain('scope.specialist-too-early');
    });
  });

  describe('PLAN_INVALID', () => {
    it('throws with the path of the malformed field', () => {
      const p = cleanPlan();
      p.process.stages[2].plannedDays = -1;
      try {
        checkPlan(p);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('PLAN_INVALID');
        expect((e as DomainError).field).toBe('process.stages[2].plannedDays');
      }
    });
    it('rejects unknown fields (strict)', () => {
      const p = cleanPlan();
      p.compensation.signingBonusMaybe = 1;
      expect(() => parsePlanDocument(p)).toThrow(/compensation.signingBonusMaybe/);
      expect(safeCheckPlan(p)).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID', field: 'compensation.signingBonusMaybe' } });
    });
    it('rejects a non-object and a wrong version', () => {
      expect(() => checkPlan('version: 1')).toThrow(DomainError);
      expect(safeCheckPlan({ ...cleanPlan(), version: 2 })).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID', field: 'version' } });
    });
  });

  it('keeps its thresholds as data with sources', () => {
    for (const [key, entry] of Object.entries(checksData)) {
      if (key === 'description') continue;
      const params = key === 'outreach' ? Object.values(entry as object) : [entry];
      for (const p of params) expect(p).toMatchObject({ value: expect.anything(), source: expect.any(String) });
    }
    // The budget thresholds are the compensation engine's own data, not a copy.
    expect([budgetData.warningAbove.value, budgetData.errorAbove.value]).toEqual([0.4, 0.6]);
  });

  it('publishes docs/plan.schema.json generated from the Zod schema (regenerate when they differ)', () => {
    expect(committedSchema).toEqual(JSON.parse(JSON.stringify(planJsonSchema())));
  });
});
