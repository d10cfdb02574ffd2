import { describe, expect, it } from 'vitest';
import type { ScorecardTemplate } from './api.js';
import { draftBody, fieldFromApi, formFromScorecard, mergeLocalDraft, readLocalDraft, scorecardProblems } from './scorecard-form.js';

const anchors = { '1': 'No evidence', '2': 'With help', '3': 'Owned in production', '4': 'At scale' };
const template: ScorecardTemplate = {
  rubricId: 'default',
  rubricVersion: '1',
  scale: anchors,
  specializations: ['mlops'],
  attributes: [
    { id: 'production-deployment', name: 'Production deployment', description: '', anchors },
    { id: 'mlops-ownership', name: 'MLOps ownership', description: '', anchors },
    { id: 'data', name: 'Data', description: '', anchors },
  ],
  fallback: false,
};

describe('formFromScorecard', () => {
  it('gives every template attribute a row, filled from the stored card', () => {
    const form = formFromScorecard(template, { ratings: [{ attributeId: 'data', rating: 3, evidence: 'Built the feature store' }], recommendation: 'yes', notes: '' });
    expect(Object.keys(form.ratings)).toEqual(['production-deployment', 'mlops-ownership', 'data']);
    expect(form.ratings.data).toEqual({ rating: 3, evidence: 'Built the feature store' });
    expect(form.ratings['mlops-ownership']).toEqual({ rating: null, evidence: '' });
    expect(form.recommendation).toBe('yes');
  });
});

describe('draftBody', () => {
  it('leaves blank rows out (uncovered) and keeps template order', () => {
    const form = formFromScorecard(template, undefined);
    form.ratings.data = { rating: 2, evidence: '' };
    form.ratings['production-deployment'] = { rating: null, evidence: 'Ran an A/B test' };
    expect(draftBody(template, form).ratings).toEqual([
      { attributeId: 'production-deployment', rating: null, evidence: 'Ran an A/B test' },
      { attributeId: 'data', rating: 2, evidence: '' },
    ]);
  });
});

describe('scorecardProblems', () => {
  it('names each attribute with a rating but no evidence, and the reverse', () => {
    const form = formFromScorecard(template, undefined);
    form.ratings['production-deployment'] = { rating: 3, evidence: '   ' };
    form.ratings['mlops-ownership'] = { rating: null, evidence: 'Owned the registry' };
    form.recommendation = 'yes';
    expect(scorecardProblems(template, form)).toEqual([
      { field: 'evidence.production-deployment', message: expect.stringContaining('Production deployment: add a line of evidence') },
      { field: 'rating.mlops-ownership', message: expect.stringContaining('MLOps ownership: choose a rating') },
    ]);
  });

  it('asks for at least one rating and a recommendation on an empty card', () => {
    const problems = scorecardProblems(template, formFromScorecard(template, undefined));
    expect(problems.map((p) => p.field)).toEqual(['ratings', 'recommendation']);
  });

  it('accepts a card with one rated attribute, its evidence and a recommendation', () => {
    const form = formFromScorecard(template, undefined);
    form.ratings.data = { rating: 4, evidence: 'Designed leakage checks' };
    form.recommendation = 'strong-yes';
    expect(scorecardProblems(template, form)).toEqual([]);
  });
});

describe('fieldFromApi', () => {
  const body = { ratings: [{ attributeId: 'data', rating: 2, evidence: '' }] };
  it('maps ratings[i].evidence to the evidence input of that attribute', () => {
    expect(fieldFromApi('ratings[0].evidence', body)).toBe('evidence.data');
    expect(fieldFromApi('ratings[0].rating', body)).toBe('rating.data');
  });
  it('falls back to the whole list for an index not sent, and to nothing for unknown fields', () => {
    expect(fieldFromApi('ratings[5].rating', body)).toBe('ratings');
    expect(fieldFromApi('recommendation', body)).toBe('recommendation');
    expect(fieldFromApi('interviewId', body)).toBeUndefined();
    expect(fieldFromApi(undefined, body)).toBeUndefined();
  });
});

describe('local drafts', () => {
  it('reads a stored copy and ignores broken JSON', () => {
    const good = { getItem: () => JSON.stringify({ savedAt: '2026-01-01T00:00:00Z', form: { ratings: {}, recommendation: null, notes: 'x' } }) };
    expect(readLocalDraft(good, 'i1')?.form.notes).toBe('x');
    expect(readLocalDraft({ getItem: () => '{not json' }, 'i1')).toBeUndefined();
    expect(readLocalDraft({ getItem: () => null }, 'i1')).toBeUndefined();
  });

  it('merges a local copy over the server form, dropping attributes no longer on the template and invalid ratings', () => {
    const base = formFromScorecard(template, { ratings: [{ attributeId: 'data', rating: 1, evidence: 'server' }], recommendation: 'no', notes: '' });
    const merged = mergeLocalDraft(template, base, {
      ratings: { data: { rating: 3, evidence: 'local' }, 'mlops-ownership': { rating: 9, evidence: 'odd' }, gone: { rating: 2, evidence: 'x' } },
      recommendation: 'yes',
      notes: 'n',
    });
    expect(merged.ratings.data).toEqual({ rating: 3, evidence: 'local' });
    expect(merged.ratings['mlops-ownership']).toEqual({ rating: null, evidence: 'odd' });
    expect('gone' in merged.ratings).toBe(false);
    expect(merged.recommendation).toBe('yes');
  });
});
