import { describe, expect, it } from 'vitest';
import { defaultTaxonomy, stem, type Taxonomy } from '../taxonomy/index.js';
import { analyzeJobDescription } from './index.js';

/** The default taxonomy with some fields changed, to show a rule is what makes the difference. */
function variant(change: (t: Taxonomy) => void): Taxonomy {
  const t = structuredClone(defaultTaxonomy()) as Taxonomy;
  change(t);
  return t;
}

function coreOf(title: string, text: string, taxonomy?: Taxonomy): string[] {
  return analyzeJobDescription({ title, text }, taxonomy).core;
}

// Rules added after measuring the analyser on held-out postings (docs/scoping.md, "Held-out evaluation").
describe('generalisation rules', () => {
  it('stems an acronym plural to the acronym, so "LLM APIs" and "GPUs" meet "LLM API" and "GPU"', () => {
    expect(stem('APIs')).toBe('api');
    expect(stem('GPUs')).toBe('gpu');
    expect(stem('KPIs')).toBe('kpi');
    // Lower-case words ending in -is/-us keep their ending, as before.
    expect(stem('status')).toBe('status');
    expect(stem('basis')).toBe('basis');
    const a = analyzeJobDescription({ title: 'Engineer', text: 'Responsibilities\n- Integrate LLM APIs into the product.' });
    const product = a.specializations.find((s) => s.key === 'ai-product-engineering')!;
    expect(product.evidence).toContain('LLM APIs');
  });

  it('does not let "embedded" (systems, teams) count as "embedding" evidence', () => {
    expect(stem('embedded')).not.toBe(stem('embedding'));
    const a = analyzeJobDescription({ title: 'Engineer', text: 'Responsibilities\n- Collaborate with embedded teams on firmware.' });
    expect(a.specializations.find((s) => s.key === 'data-engineering')!.evidence).toEqual([]);
  });

  it('reads "Location: Berlin" as a header field, so the summary under it is not boilerplate', () => {
    const text = `Job Overview
Location: Berlin, Germany
Role Summary
- Own the model registry, model serving and drift detection for every model.
- Build CI/CD for ML and training orchestration on Kubernetes.`;
    expect(coreOf('Engineer', text)).toEqual(['mlops']);
    const matches = analyzeJobDescription({ title: 'Engineer', text }).specializations.find((s) => s.key === 'mlops')!.matches;
    const registry = matches.find((m) => m.quote === 'model registry')!;
    expect(registry.weight).toBe(1.5);
  });

  it('counts a company-introduction sentence as boilerplate, so an AI product does not make a backend role an AI role', () => {
    const text = `We're building an AI assistant on large language models with RAG, LLM APIs and AI features, backed by top investors.
Responsibilities
- Build and operate our billing and payments APIs in Go.
- Own PostgreSQL performance, migrations and on-call.`;
    expect(coreOf('Senior Backend Engineer', text)).toEqual([]);
    const withoutRule = variant((t) => {
      t.sections.inlineCompany = [];
    });
    expect(coreOf('Senior Backend Engineer', text, withoutRule)).toEqual(['ai-product-engineering']);
  });

  it('ignores evidence in a negated sentence ("no ML experience required", "this is not a research role")', () => {
    const text = `Responsibilities
- Build our billing APIs in Go and run them on Kubernetes.
- No experience with model training, feature engineering, XGBoost or scikit-learn is required.
- This is not a research role: no novel architectures, no publications, no PhD needed.`;
    expect(coreOf('Backend Engineer', text)).toEqual([]);
    const withoutRule = variant((t) => {
      t.sections.inlineNegation = [];
    });
    expect(coreOf('Backend Engineer', text, withoutRule).length).toBeGreaterThan(0);
  });

  it('does not read "Member of Technical Staff" as the staff level, and reads "6 plus years" as years', () => {
    const text = 'Responsibilities\n- Operate our Kubernetes clusters and CI/CD.\n- 3+ years of experience.';
    const a = analyzeJobDescription({ title: 'Platform Engineer, Member of Technical Staff', text });
    expect(a.seniority).toBe('mid');
    expect(analyzeJobDescription({ title: 'Staff Platform Engineer', text }).seniority).toBe('staff+');
    const plus = analyzeJobDescription({ title: 'DevOps Engineer', text: 'Requirements\n- 6 Plus years of experience with Kubernetes.' });
    expect(plus.seniorityEvidence).toMatchObject({ from: 'years', yearsRequired: 6, level: 'senior' });
  });

  it('lets applied research absorb the mechanics of running its own training (not a second MLOps job)', () => {
    const text = `Responsibilities
- Design a novel architecture and publish the results; run ablation studies. PhD required.
- Implement training pipelines with multi-GPU training, FSDP, tensor parallelism and checkpointing.
- Launch distributed training runs and training jobs on the multi-node cluster.
- Conduct research projects on new architectures and reproduce papers.`;
    expect(coreOf('Research Scientist', text)).toEqual(['applied-research']);
    const withoutRule = variant((t) => {
      const research = t.specializations.find((s) => s.key === 'applied-research')!;
      delete research.absorbs;
    });
    expect(coreOf('Research Scientist', text, withoutRule)).toContain('mlops');
  });

  it('does not take financial "safeguarding", batch jobs or software regressions for AI evidence', () => {
    const a = analyzeJobDescription({
      title: 'Data Engineer',
      text: 'Responsibilities\n- Safeguarding customer funds: run batch jobs nightly and fix silent data regressions.',
    });
    for (const key of ['ai-safety', 'mlops', 'ml-engineering']) {
      expect(a.specializations.find((s) => s.key === key)!.matches.filter((m) => m.anchor)).toEqual([]);
    }
  });

  it('recognises dangerous-capability and misuse work as AI safety', () => {
    const text = `Responsibilities
- Evaluate mitigations that prevent catastrophic misuse of our models, including loss of control and sabotage scenarios.
- Build evaluations of model safeguards and reduce over-refusal without dangerous responses.`;
    expect(coreOf('Research Engineer', text)).toContain('ai-safety');
  });
});
