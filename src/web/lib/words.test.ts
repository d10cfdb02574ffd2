import { describe, expect, it } from 'vitest';
import taxonomy from '../../../data/taxonomy/taxonomy.json' with { type: 'json' };
import { SPECIALIZATION_WORDS, sourceWords, specializationWords, stageWords } from './words.js';

describe('words for ids', () => {
  it('names the specializations as the taxonomy does', () => {
    expect(SPECIALIZATION_WORDS).toEqual(Object.fromEntries(taxonomy.specializations.map((s) => [s.key, s.name])));
    expect(specializationWords('mlops')).toBe('MLOps / ML platform engineer');
    expect(specializationWords('speech-recognition')).toBe('Speech recognition');
  });

  it('names every stage, including the later model stages', () => {
    expect(['seed', 'series-c', 'series-e', 'growth'].map(stageWords)).toEqual(['Seed', 'Series C', 'Series E', 'Growth']);
  });

  it.each([
    ['field-report-figures.json team.firstHire, competeWithIncumbent.levers', 'Field report'],
    ['assumption', 'Design assumption'],
    ['Assumption (tuned by hand)', 'Design assumption'],
    ['compensation-model.md 4.4 (default horizon 4 years)', "Closer's hiring playbook"],
    ['shared/spec/scoping-and-team.md rule 3', "Closer's hiring playbook"],
    ['BLS median duration of unemployment 9.5 weeks, https://www.bls.gov/web/empsit/cpsee_e10.htm', 'bls.gov'],
    ['Market standard non-participating', 'Market standard non-participating'],
  ])('says where %s comes from in a few words', (source, words) => {
    expect(sourceWords(source)).toBe(words);
  });
});
