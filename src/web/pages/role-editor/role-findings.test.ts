import { describe, expect, it } from 'vitest';
import { analyzeJobDescription } from '../../../domain/scoping/analyze-job-description.js';
import { roleFindings } from './role-findings.js';

const BROAD = `Responsibilities:
- Train and evaluate classification models with scikit-learn and XGBoost, and own feature engineering.
- Build and operate our model registry, model serving and CI/CD for models on Kubernetes, with drift monitoring.
- Design system prompts and few-shot prompts, tune our RAG pipeline and improve LLM output quality.
Requirements: 5+ years of experience.`;
const NARROW = `Responsibilities:
- Build and operate our model registry, model serving and CI/CD for models on Kubernetes, with drift monitoring.
- Own training orchestration and deployment pipelines for our models.`;

const analyse = (title: string, text: string) => analyzeJobDescription({ title, text });
const seniorTeam = { aiTeam: [{ specializations: ['ml-engineering'], seniority: 'senior' as const }] };
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('roleFindings', () => {
  it('returns the analyser findings alone without company context', () => {
    const analysis = analyse('Senior AI Engineer', BROAD);
    expect(analysis.spansTooMany).toBe(true);
    expect(roleFindings(analysis, { title: 'Senior AI Engineer', specializations: analysis.core, seniority: analysis.seniority }, null)).toBe(analysis.findings);
  });

  it('reads a broad senior role as the founding generalist when the team has no senior AI practitioner', () => {
    const analysis = analyse('Senior AI Engineer', BROAD);
    const found = roleFindings(analysis, { title: 'Senior AI Engineer', specializations: analysis.core, seniority: 'senior' }, { aiTeam: [] });
    expect(rules(found)).toContain('scope.founding-generalist');
    expect(rules(found)).not.toContain('scope.too-broad');
  });

  it('keeps scope.too-broad as an error once a senior practitioner is on the team, and lists errors first', () => {
    const analysis = analyse('Senior AI Engineer', BROAD);
    const found = roleFindings(analysis, { title: 'Senior AI Engineer', specializations: analysis.core, seniority: 'senior' }, seniorTeam);
    expect(found[0]).toMatchObject({ rule: 'scope.too-broad', severity: 'error' });
    expect(rules(found).filter((r) => r === 'scope.too-broad')).toHaveLength(1);
  });

  it('warns about a narrow specialist hired before any senior practitioner, and not once one is there', () => {
    const analysis = analyse('Senior MLOps Engineer', NARROW);
    const role = { title: 'Senior MLOps Engineer', specializations: analysis.core, seniority: 'senior' };
    expect(rules(roleFindings(analysis, role, { aiTeam: [] }))).toEqual(['scope.specialist-too-early']);
    expect(roleFindings(analysis, role, seniorTeam)).toEqual([]);
  });

  it('follows the specializations chosen by hand, not only the analysis', () => {
    const analysis = analyse('Senior MLOps Engineer', NARROW);
    const role = { title: 'Senior MLOps Engineer', specializations: ['mlops', 'data-engineering', 'prompt-engineering'], seniority: 'senior' };
    expect(rules(roleFindings(analysis, role, seniorTeam))).toEqual(['scope.too-broad']);
  });

  it('warns about a junior AI role without a senior anchor', () => {
    const analysis = analyse('Junior MLOps Engineer', NARROW);
    const found = roleFindings(analysis, { title: 'Junior MLOps Engineer', specializations: analysis.core, seniority: 'junior' }, { aiTeam: [] });
    expect(rules(found)).toContain('scope.juniors-without-anchor');
  });
});
