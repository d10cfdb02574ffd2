import { describe, expect, it } from 'vitest';
import { defaultTaxonomy, mergeTaxonomy } from '../../../domain/taxonomy/taxonomy.js';
import { analyse } from './use-live-analysis.js';

describe('analyse (the live analysis step)', () => {
  it('has nothing to say about empty or blank text: no analysis and no problem', () => {
    expect(analyse('Senior MLOps Engineer', '   \n')).toMatchObject({ analysis: null, problem: null });
  });

  it("turns the analyser's validation error into the problem to show beside the field", () => {
    const result = analyse('', '12345 67890 !!!! ####');
    expect(result.analysis).toBeNull();
    expect(result.problem).toMatch(/not in a recognis/i);
    expect(result.analysedText).toBe('12345 67890 !!!! ####');
  });

  it('returns the analysis with offsets into the analysed text', () => {
    const text = 'Own our model registry and deployment pipelines for every model.';
    const result = analyse('MLOps Engineer', text);
    expect(result.problem).toBeNull();
    const mlops = result.analysis!.specializations.find((s) => s.key === 'mlops')!;
    const quotes = mlops.matches.filter((m) => m.source === 'text').map((m) => text.slice(m.start, m.end).toLowerCase());
    expect(quotes).toContain('model registry');
  });

  it("uses the company's taxonomy extension when given one", () => {
    const text = 'Operate Acme Flow for all training jobs and keep Acme Flow healthy.';
    const extended = mergeTaxonomy(defaultTaxonomy(), { id: 'acme', specializations: [{ key: 'mlops', anchors: { 'acme flow': 3 } }] });
    const evidence = (r: ReturnType<typeof analyse>) => r.analysis!.specializations.find((s) => s.key === 'mlops')!.evidence;
    expect(evidence(analyse('', text, extended))).toContain('Acme Flow');
    expect(evidence(analyse('', text))).not.toContain('Acme Flow');
  });
});
