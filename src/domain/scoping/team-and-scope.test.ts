import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_STAGE_BANDS } from '../plans/comp-adapter.js';
import { checkRoleScope, planTeam, scoreAttractiveness, DEFAULT_ATTRACTIVENESS_WEIGHTS } from './index.js';

const SENIOR_TEAM = { aiTeam: [{ specializations: ['ml-engineering', 'mlops'], seniority: 'senior' }] };
const NO_TEAM = { aiTeam: [] };
const rules = (f: { rule: string; severity: string }[]) => f.map((x) => `${x.rule}:${x.severity}`);

describe('checkRoleScope', () => {
  it('scope.too-broad: 3+ core specializations at a company that already has a senior practitioner', () => {
    const f = checkRoleScope({ title: 'ML Engineer', seniority: 'senior', specializations: ['mlops', 'prompt-engineering', 'data-engineering'] }, SENIOR_TEAM);
    expect(rules(f)).toEqual(['scope.too-broad:error']);
    // Evidence names the specializations in words, never by key.
    expect(f[0].evidence.join(' ')).toContain('MLOps / ML platform engineer, Prompt engineer, Data engineer for AI');
    expect(f[0].evidence.join(' ')).toContain('senior ML engineer (classical)/MLOps / ML platform engineer');
    expect(f[0].evidence.join(' ')).not.toMatch(/prompt-engineering|ml-engineering/);
  });

  it('two core specializations are not too broad (boundary)', () => {
    expect(checkRoleScope({ title: 'ML Engineer', seniority: 'senior', specializations: ['mlops', 'data-engineering'] }, SENIOR_TEAM)).toEqual([]);
  });

  it('scope.founding-generalist: senior end-to-end generalist with no senior AI practitioner is the right first hire', () => {
    const f = checkRoleScope({ title: 'Founding ML Engineer', seniority: 'senior', specializations: ['ml-engineering', 'mlops', 'data-engineering'] }, NO_TEAM);
    expect(rules(f)).toEqual(['scope.founding-generalist:info']);
  });

  it('a junior generalist at a company with no senior practitioner is too broad and unanchored', () => {
    const f = checkRoleScope({ title: 'ML Engineer', seniority: 'junior', specializations: ['ml-engineering', 'mlops', 'data-engineering'] }, NO_TEAM);
    expect(rules(f)).toEqual(['scope.too-broad:error', 'scope.juniors-without-anchor:warning']);
  });

  it('scope.specialist-too-early: a narrow specialist before the generalist', () => {
    const f = checkRoleScope({ title: 'Prompt Engineer', seniority: 'senior', specializations: ['prompt-engineering'] }, NO_TEAM);
    expect(rules(f)).toEqual(['scope.specialist-too-early:warning']);
  });

  it('no specialist-too-early when the company core is AI safety or research and the role is that specialist', () => {
    const company = { ...NO_TEAM, coreIsSafetyOrResearch: true };
    expect(checkRoleScope({ title: 'Alignment Researcher', seniority: 'senior', specializations: ['ai-safety'] }, company)).toEqual([]);
    expect(rules(checkRoleScope({ title: 'MLOps Engineer', seniority: 'senior', specializations: ['mlops'] }, company))).toEqual([
      'scope.specialist-too-early:warning',
    ]);
  });

  it('scope.juniors-without-anchor names the fractional ML lead hours from the field report', () => {
    const f = checkRoleScope({ title: 'ML Engineer', seniority: 'mid', specializations: ['ml-engineering', 'mlops'] }, NO_TEAM);
    expect(rules(f)).toEqual(['scope.juniors-without-anchor:warning']);
    expect(f[0].fix).toContain('10-15 h/week');
    expect(checkRoleScope({ title: 'ML Engineer', seniority: 'mid', specializations: ['ml-engineering', 'mlops'] }, SENIOR_TEAM)).toEqual([]);
  });

  it('scope.seniority-mismatch: a senior title with junior years, and the reverse; one step apart is fine', () => {
    expect(rules(checkRoleScope({ title: 'Senior ML Engineer', specializations: ['ml-engineering'], yearsRequired: 1 }, SENIOR_TEAM))).toEqual([
      'scope.seniority-mismatch:warning',
    ]);
    expect(rules(checkRoleScope({ title: 'Junior ML Engineer', specializations: ['ml-engineering'], yearsRequired: 6 }, SENIOR_TEAM))).toEqual([
      'scope.seniority-mismatch:warning',
    ]);
    expect(checkRoleScope({ title: 'Senior ML Engineer', specializations: ['ml-engineering'], yearsRequired: 3 }, SENIOR_TEAM)).toEqual([]);
  });

  it('non-AI roles get no AI scoping findings', () => {
    expect(checkRoleScope({ title: 'Backend Engineer', seniority: 'junior', specializations: [] }, NO_TEAM)).toEqual([]);
  });

  it('rejects bad input with SCOPING_INPUT_INVALID and the field', () => {
    try {
      checkRoleScope({ title: 'X', specializations: ['Not Kebab'] }, NO_TEAM);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('SCOPING_INPUT_INVALID');
      expect((e as DomainError).field).toBe('role.specializations.0');
    }
  });
});

describe('planTeam', () => {
  const seedBand = DEFAULT_STAGE_BANDS.find((b) => b.stage === 'seed')!;
  const seedMid = (seedBand.base.min + (seedBand.base.max ?? seedBand.base.min)) / 2;

  it('rule 1: with no senior AI practitioner the first hire is the senior founding generalist, priced from the stage band', () => {
    const plan = planTeam({ stage: 'seed', headcount: 5, bottleneck: 'infrastructure', budget: { raise: 4_000_000, runwayYears: 2 } });
    expect(plan.hires[0]).toMatchObject({ order: 1, specialization: 'ml-engineering', seniority: 'senior', timing: 'now', yearlyCost: seedMid });
    expect(plan.hires[0].covers).toEqual(['ml-engineering', 'mlops', 'data-engineering']);
    expect(plan.hires[0].band).toMatchObject({ stage: 'seed', baseMin: 180000, baseMax: 220000 });
  });

  it('rule 1 exception: a safety or research company hires that specialist first', () => {
    const plan = planTeam({ stage: 'seed', headcount: 5, bottleneck: 'model-quality', coreIsSafetyOrResearch: true, coreFocus: 'ai-safety' });
    expect(plan.hires[0]).toMatchObject({ specialization: 'ai-safety', seniority: 'senior' });
  });

  it('rules 2-3: the next specialist addresses the bottleneck, and waits for 8-12 employees below that headcount', () => {
    const small = planTeam({ stage: 'seed', headcount: 5, bottleneck: 'data' });
    expect(small.hires[1]).toMatchObject({ specialization: 'data-engineering', timing: 'at-specialist-headcount' });
    const withGeneralist = planTeam({ stage: 'series-a', headcount: 12, bottleneck: 'model-quality', aiTeam: SENIOR_TEAM.aiTeam });
    expect(withGeneralist.hires[0]).toMatchObject({ specialization: 'applied-research', timing: 'now' });
    const integration = planTeam({ stage: 'series-a', headcount: 12, bottleneck: 'integration', aiTeam: SENIOR_TEAM.aiTeam });
    expect(integration.hires[0].specialization).toBe('ai-product-engineering');
  });

  it('does not plan a specialist the team already has', () => {
    const plan = planTeam({ stage: 'series-a', headcount: 12, bottleneck: 'infrastructure', aiTeam: SENIOR_TEAM.aiTeam, hires: 2 });
    expect(plan.hires.map((h) => h.specialization)).not.toContain('mlops');
  });

  it('rule 4: a mid-level hire only once a senior anchor is in place', () => {
    const plan = planTeam({ stage: 'series-a', headcount: 12, bottleneck: 'infrastructure', aiTeam: SENIOR_TEAM.aiTeam, hires: 5 });
    const mid = plan.hires.filter((h) => h.seniority === 'mid');
    expect(mid).toHaveLength(1);
    expect(plan.hires.indexOf(mid[0])).toBe(plan.hires.length - 1);
  });

  it('rule 5: reports team yearly cash comp against the budget with the 40%/60% thresholds', () => {
    const input = { stage: 'seed', headcount: 5, bottleneck: 'infrastructure', hires: 1 } as const;
    // one planned hire at 200,000: 40% of 500,000 is ok, of 499,999 a warning; over 60% an error.
    expect(planTeam({ ...input, budget: { annualBudget: 500_000 } }).budget).toMatchObject({ severity: 'ok', share: 0.4 });
    expect(planTeam({ ...input, budget: { annualBudget: 499_999 } }).findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['comp.budget-share:warning']);
    expect(planTeam({ ...input, budget: { annualBudget: 300_000 } }).budget?.severity).toBe('error');
    const plan = planTeam({ ...input, aiTeam: [{ specializations: ['mlops'], seniority: 'mid', yearlyCashComp: 150000 }], budget: { annualBudget: 1_000_000 } });
    expect(plan.teamYearlyCashComp).toMatchObject({ current: 150000, planned: 200000, total: 350000 });
  });

  it('rejects an unknown bottleneck with SCOPING_INPUT_INVALID', () => {
    expect(() => planTeam({ stage: 'seed', headcount: 5, bottleneck: 'vibes' })).toThrow(/team.bottleneck/);
  });
});

describe('scoreAttractiveness', () => {
  const none = { fundingStage: 'seed' };
  const all = {
    mlInfrastructure: { trainingPipelines: 'present', experimentTracking: 'present', featureStore: 'present', deploymentAutomation: 'present' },
    seniorAiPractitioner: 'present',
    recognisedLab: 'present',
    computeBudgetStated: 'present',
    infraBudgetVisible: 'present',
    proprietaryData: 'present',
    productStrategy: 'present',
    productionMl: 'present',
    fundingStage: 'series-b',
  };

  it('scores 0 with nothing present and 100 with everything', () => {
    expect(scoreAttractiveness(none).score).toBe(0);
    expect(scoreAttractiveness(all).score).toBe(100);
  });

  it('gives each signal its contribution, summing to the score', () => {
    const r = scoreAttractiveness({ ...none, proprietaryData: 'present', productStrategy: 'partial' });
    expect(r.signals).toHaveLength(Object.keys(DEFAULT_ATTRACTIVENESS_WEIGHTS).length);
    const total = Object.values(DEFAULT_ATTRACTIVENESS_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(r.signals.find((s) => s.id === 'proprietary-data')!.contribution).toBeCloseTo((100 * 12) / total, 1);
    expect(r.score).toBe(Math.round(r.signals.reduce((s, x) => s + x.contribution, 0)));
  });

  it('names the three changes that raise the score most, and leads with the no-infrastructure pitch', () => {
    const r = scoreAttractiveness(none);
    expect(r.topChanges.map((c) => c.id)).toEqual(['senior-ai-practitioner', 'proprietary-data', 'product-strategy']);
    expect(r.pitch.id).toBe('no-infrastructure');
    expect(r.pitch.pitch).toMatch(/3-6 months/);
    expect(r.pitch.target).toMatch(/2-4 years/);
  });

  it('uses changed weights', () => {
    const r = scoreAttractiveness({ ...none, productionMl: 'present' }, { 'production-ml': 100 });
    expect(r.score).toBeGreaterThan(scoreAttractiveness({ ...none, productionMl: 'present' }).score);
    expect(() => scoreAttractiveness(none, { 'no-such-signal': 1 })).toThrow(/unknown signal/);
  });

  it('picks the pitch from what is absent', () => {
    expect(scoreAttractiveness({ ...none, mlInfrastructure: { trainingPipelines: 'present' } }).pitch.id).toBe('no-senior-team');
    expect(scoreAttractiveness(all).pitch.id).toBe('strong-position');
  });
});
