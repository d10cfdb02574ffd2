import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  canonicalTokens,
  compileSynonyms,
  defaultRubric,
  defaultTaxonomy,
  getSpecialization,
  mergeTaxonomy,
  rubricAttributesFor,
  specializationKeys,
  stem,
  tokenize,
} from './index.js';

describe('default taxonomy (data/taxonomy/taxonomy.json)', () => {
  it('has exactly the seven specialization keys of taxonomy.md, in order', () => {
    expect(specializationKeys()).toEqual([
      'ml-engineering',
      'mlops',
      'prompt-engineering',
      'ai-safety',
      'applied-research',
      'data-engineering',
      'ai-product-engineering',
    ]);
  });

  it('is versioned and every specialization has competencies, anchors and rubric attributes that exist', () => {
    const t = defaultTaxonomy();
    expect(t.version).toMatch(/^\d+\.\d+\.\d+$/);
    const rubricIds = new Set(defaultRubric().attributes.map((a) => a.id));
    for (const s of t.specializations) {
      expect(s.competencies.length).toBeGreaterThan(0);
      expect(Object.keys(s.anchors).length).toBeGreaterThan(5);
      for (const id of s.rubricAttributes) expect(rubricIds.has(id)).toBe(true);
    }
  });

  it('is frozen so callers cannot change the shared default', () => {
    expect(Object.isFrozen(defaultTaxonomy())).toBe(true);
    expect(Object.isFrozen(defaultTaxonomy().specializations[0].anchors)).toBe(true);
  });
});

describe('rubric (data/taxonomy/rubric.json)', () => {
  it('has the 8 attributes of evaluation.md, kebab-case, each with anchors 1-4', () => {
    const r = defaultRubric();
    expect(r.attributes.map((a) => a.id)).toEqual([
      'production-deployment',
      'mlops-ownership',
      'distributed-training',
      'inference-under-cost',
      'evaluation-design-generative',
      'data',
      'ai-safety-alignment',
      'product-integration',
    ]);
    for (const a of r.attributes) expect(Object.keys(a.anchors)).toEqual(['1', '2', '3', '4']);
  });

  it('maps specializations to the attributes a scorecard covers, in rubric order', () => {
    expect(rubricAttributesFor(['mlops']).map((a) => a.id)).toEqual([
      'production-deployment',
      'mlops-ownership',
      'distributed-training',
      'inference-under-cost',
    ]);
    expect(rubricAttributesFor(['ai-safety']).map((a) => a.id)).toEqual(['evaluation-design-generative', 'ai-safety-alignment']);
    expect(rubricAttributesFor([])).toEqual([]);
  });
});

describe('text normalisation', () => {
  it('stems plurals and -ing/-ed forms the same way on both sides', () => {
    expect(stem('pipelines')).toBe(stem('pipeline'));
    expect(stem('LLMs')).toBe('llm');
    expect(stem('deploying')).toBe(stem('deployed'));
    expect(stem('modelling')).toBe(stem('modeling'));
    expect(stem('analysis')).toBe('analysis');
  });

  it('keeps the original offsets of each token', () => {
    const text = 'Own the Model-Registry.';
    const t = tokenize(text);
    expect(t.map((x) => text.slice(x.start, x.end))).toEqual(['Own', 'the', 'Model', 'Registry']);
  });

  it('maps synonyms (MLOps / ML Ops / ML platform; LLM / large language model) with the span of the variant', () => {
    const table = compileSynonyms(defaultTaxonomy().synonyms);
    for (const v of ['MLOps', 'ML Ops', 'ML platform', 'ml-ops']) expect(canonicalTokens(v, table).map((t) => t.norm)).toEqual(['mlop']);
    const text = 'Fine-tune large language models';
    const toks = canonicalTokens(text, table);
    const llm = toks.find((t) => t.norm === 'llm')!;
    expect(text.slice(llm.start, llm.end)).toBe('large language models');
  });
});

describe('mergeTaxonomy', () => {
  it('adds phrases to an existing specialization and versions the result', () => {
    const merged = mergeTaxonomy(defaultTaxonomy(), { id: 'acme', version: '2', specializations: [{ key: 'mlops', anchors: { 'acme flow': 1.5 } }] });
    expect(merged.version).toBe(`${defaultTaxonomy().version}+acme.2`);
    expect(getSpecialization('mlops', merged)?.anchors['acme flow']).toBe(1.5);
    expect(getSpecialization('mlops')?.anchors['acme flow']).toBeUndefined();
  });

  it('adds a new specialization and removes a phrase with weight 0', () => {
    const merged = mergeTaxonomy(defaultTaxonomy(), {
      id: 'robotics-co',
      specializations: [
        { key: 'robotics-ml', name: 'Robotics ML engineer', core: 'learning for robot control', competencies: ['sim2real'], anchors: { 'sim2real': 1.5 } },
        { key: 'mlops', anchors: { drift: 0 } },
      ],
    });
    expect(specializationKeys(merged)).toContain('robotics-ml');
    expect(getSpecialization('mlops', merged)?.anchors.drift).toBeUndefined();
  });

  it('rejects an extension that is not valid with TAXONOMY_INVALID', () => {
    expect(() => mergeTaxonomy(defaultTaxonomy(), { id: 'Bad Id' })).toThrow(DomainError);
    expect(() => mergeTaxonomy(defaultTaxonomy(), { id: 'x', specializations: [{ key: 'new-one' }] })).toThrow(/needs a name/);
    expect(() => mergeTaxonomy(defaultTaxonomy(), { id: 'x', surprise: true })).toThrow(/TAXONOMY|surprise|Unrecognized/i);
  });
});
