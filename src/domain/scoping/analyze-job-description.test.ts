import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { defaultTaxonomy, mergeTaxonomy } from '../taxonomy/index.js';
import { analyzeJobDescription, safeAnalyzeJobDescription } from './index.js';

const MLOPS = `Responsibilities
- Own our model registry and the deployment pipelines for every model.
- Run training orchestration on Kubernetes and monitor drift in production.
Requirements
- 6+ years of experience, 3 of them operating ML platforms.`;

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}:${e.field}`;
    throw e;
  }
  return undefined;
}

describe('analyzeJobDescription', () => {
  it('returns the output contract of taxonomy.md', () => {
    const a = analyzeJobDescription({ title: 'Senior MLOps Engineer', text: MLOPS });
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['specializations', 'primary', 'core', 'seniority', 'spansTooMany', 'isAiRole', 'findings']),
    );
    expect(a.specializations).toHaveLength(7);
    for (const s of a.specializations) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    const scores = a.specializations.map((s) => s.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(a).toMatchObject({ primary: 'mlops', core: ['mlops'], seniority: 'senior', spansTooMany: false, isAiRole: true, findings: [] });
  });

  it('explains scores: evidence quotes the matched phrases and offsets point at them', () => {
    const input = { title: 'Senior MLOps Engineer', text: MLOPS };
    const mlops = analyzeJobDescription(input).specializations.find((s) => s.key === 'mlops')!;
    expect(mlops.evidence).toEqual(expect.arrayContaining(['model registry', 'deployment pipelines', 'training orchestration', 'drift']));
    for (const m of mlops.matches) expect((m.source === 'title' ? input.title : input.text).slice(m.start, m.end)).toBe(m.quote);
  });

  it('matches case, plurals, hyphenation and synonyms alike', () => {
    const variants = [
      'We need an ML Ops engineer to own Model-Registries and deployment pipelines and CI/CD for ML models.',
      'We need an MLOps engineer to own model registries and deployment-pipelines and CI/CD for machine learning models.',
      'We need an ML platform engineer to own the MODEL REGISTRY and the deployment pipeline and CI/CD for ML model.',
    ];
    const results = variants.map((text) => analyzeJobDescription({ title: '', text }));
    for (const r of results) expect(r.core).toEqual(['mlops']);
    const llm = analyzeJobDescription({
      title: 'Prompt Engineer',
      text: 'Design system prompts and few-shot examples for our large language model; evaluate LLM outputs for hallucination.',
    });
    expect(llm.core).toEqual(['prompt-engineering']);
    expect(llm.specializations[0].evidence).toEqual(expect.arrayContaining(['system prompts', 'few-shot']));
  });

  it('says a plain backend job is not an AI role, even with Kubernetes and pipelines in it', () => {
    const a = analyzeJobDescription({
      title: 'Backend Engineer',
      text: 'Build Go microservices on Kubernetes, run CI/CD, design PostgreSQL schemas and Kafka data pipelines. 3+ years.',
    });
    expect(a).toMatchObject({ isAiRole: false, core: [], primary: null, seniority: 'mid' });
  });

  it('does not count a nice-to-have mention as a core duty', () => {
    const a = analyzeJobDescription({
      title: 'Backend Engineer',
      text: 'Responsibilities\n- Build payment APIs in Go\n- Operate PostgreSQL\nNice to have\n- Experience with model serving, model registry and drift monitoring',
    });
    expect(a.core).toEqual([]);
  });

  it('flags a role spanning three or more specializations with scope.too-broad', () => {
    const a = analyzeJobDescription({
      title: 'AI Engineer',
      text: `You will:
- Train classification and regression models with XGBoost and do feature engineering.
- Own model serving, the model registry and drift monitoring on Kubernetes.
- Design system prompts, few-shot examples and evaluate LLM output quality.
- Build data pipelines into our vector database and feature store; manage training data.`,
    });
    expect(a.core.length).toBeGreaterThanOrEqual(3);
    expect(a.spansTooMany).toBe(true);
    expect(a.findings.map((f) => `${f.rule}:${f.severity}`)).toContain('scope.too-broad:error');
  });

  it.each([
    ['Junior Data Scientist', 'Train regression models.', 'junior'],
    ['Staff ML Engineer', 'Train regression models.', 'staff+'],
    ['Head of AI', 'Train regression models.', 'lead'],
    ['ML Engineer', 'Train regression models. 2-4 years of experience.', 'mid'],
    ['ML Engineer', 'Train regression models. At least 5 years of experience.', 'senior'],
    ['ML Engineer', 'Train regression models. 10+ years of experience.', 'staff+'],
    ['ML Engineer', 'Train regression models. You will manage a team of four engineers.', 'lead'],
    ['ML Engineer', 'Train regression models.', 'unknown'],
  ])('reads %s / "%s" as %s', (title, text, level) => {
    expect(analyzeJobDescription({ title, text }).seniority).toBe(level);
  });

  it('warns when the title and the years asked disagree', () => {
    const a = analyzeJobDescription({ title: 'Senior ML Engineer', text: 'Train classification models with scikit-learn. 0-1 years of experience.' });
    expect(a.findings.map((f) => f.rule)).toContain('scope.seniority-mismatch');
  });

  it('is deterministic', () => {
    const input = { title: 'Senior MLOps Engineer', text: MLOPS };
    expect(JSON.stringify(analyzeJobDescription(input))).toBe(JSON.stringify(analyzeJobDescription(input)));
  });

  it('uses a merged company taxonomy', () => {
    const merged = mergeTaxonomy(defaultTaxonomy(), { id: 'acme', specializations: [{ key: 'mlops', anchors: { 'flywheel ops': 3 } }] });
    const text = 'Own flywheel ops end to end and the model registry.';
    expect(analyzeJobDescription({ title: '', text }).core).toEqual([]);
    expect(analyzeJobDescription({ title: '', text }, merged).core).toEqual(['mlops']);
    expect(analyzeJobDescription({ title: '', text }, merged).taxonomyVersion).toBe(merged.version);
  });

  describe('rejects text it cannot read (field "text")', () => {
    it.each([
      ['', 'TEXT_EMPTY:text'],
      ['   \n\t ', 'TEXT_EMPTY:text'],
      ['a'.repeat(10) + ' x'.repeat(60_000), 'TEXT_TOO_LARGE:text'],
      ['\u0000\u0001\u0002binary\u0003\u0004\u0005\u0006', 'TEXT_UNRECOGNISED:text'],
      ['%%%% #### 1234 5678 !!!! ????', 'TEXT_UNRECOGNISED:text'],
      ['xkcd qwrt zzpt bcdf ghjk lmnp', 'TEXT_UNRECOGNISED:text'],
      ['aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgZW5jb2RlZCBkYXRhIGZvciB0ZXN0aW5n', 'TEXT_UNRECOGNISED:text'],
      ['\uFFFD\uFFFD\uFFFD PNG \uFFFD\uFFFD IHDR \uFFFD\uFFFD\uFFFD', 'TEXT_UNRECOGNISED:text'],
    ])('%j -> %s', (text, expected) => {
      expect(codeOf(() => analyzeJobDescription({ title: 'Engineer', text }))).toBe(expected);
    });

    it('accepts exactly 100 KB and rejects one byte more', () => {
      const chunk = 'Train models. ';
      const exact = chunk.repeat(Math.floor(102400 / chunk.length)).padEnd(102400, 'x');
      expect(new TextEncoder().encode(exact).length).toBe(102400);
      expect(codeOf(() => analyzeJobDescription({ title: '', text: exact }))).toBeUndefined();
      expect(codeOf(() => analyzeJobDescription({ title: '', text: `${exact}x` }))).toBe('TEXT_TOO_LARGE:text');
    });

    it('accepts short duty lists and non-Latin text', () => {
      expect(codeOf(() => analyzeJobDescription({ title: '', text: 'MLOps, RAG' }))).toBeUndefined();
      expect(codeOf(() => analyzeJobDescription({ title: '', text: 'Разработка моделей машинного обучения' }))).toBeUndefined();
    });

    it('returns a result from the safe twin instead of throwing', () => {
      expect(safeAnalyzeJobDescription({ title: '', text: '' })).toMatchObject({ ok: false, error: { code: 'TEXT_EMPTY', field: 'text' } });
    });
  });
});
