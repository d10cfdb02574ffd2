import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  applyDraft,
  assertInterviewTransition,
  buildDecisionView,
  buildScorecardTemplate,
  canSeeScorecard,
  defaultPedigreeBlind,
  emptyScorecardContent,
  parseScorecardForSubmit,
  pedigreeHidden,
  redactPedigree,
  safeParseScorecardForSubmit,
  type DecisionScorecard,
} from './index.js';

describe('buildScorecardTemplate', () => {
  it('takes the rubric attributes of the role specializations, in rubric order, without duplicates', () => {
    const t = buildScorecardTemplate(['data-engineering', 'mlops']);
    expect(t.attributes.map((a) => a.id)).toEqual(['production-deployment', 'mlops-ownership', 'distributed-training', 'inference-under-cost', 'data']);
    expect(t.fallback).toBe(false);
    expect(t.attributes[0]!.anchors['3']).toMatch(/production/);
  });

  it('falls back to the whole rubric when no specialization maps to an attribute', () => {
    const t = buildScorecardTemplate([]);
    expect(t.fallback).toBe(true);
    expect(t.attributes).toHaveLength(8);
  });
});

describe('defaultPedigreeBlind', () => {
  it.each([
    ['technical-screen', true, true],
    ['recruiter-screen', true, true],
    ['onsite', true, false],
    ['technical-screen', false, false],
    ['custom-kind', true, false],
  ])('%s with role blind=%s gives %s', (kind, roleBlind, want) => {
    expect(defaultPedigreeBlind(kind, roleBlind)).toBe(want);
  });
});

describe('assertInterviewTransition', () => {
  it('completes a scheduled interview and refuses to complete it twice with INTERVIEW_STATE_INVALID', () => {
    expect(assertInterviewTransition('scheduled', 'complete')).toBe('completed');
    expect(() => assertInterviewTransition('completed', 'complete')).toThrow(expect.objectContaining({ code: 'INTERVIEW_STATE_INVALID' }));
    expect(() => assertInterviewTransition('cancelled', 'edit')).toThrow(DomainError);
  });
});

const template = buildScorecardTemplate(['mlops']);

describe('scorecards', () => {
  it('keeps partial drafts and orders ratings as the template does', () => {
    const c = applyDraft(emptyScorecardContent(), { ratings: [{ attributeId: 'inference-under-cost', rating: 3 }, { attributeId: 'mlops-ownership', evidence: 'ran Kubeflow' }] }, template);
    expect(c.ratings.map((r) => r.attributeId)).toEqual(['mlops-ownership', 'inference-under-cost']);
    expect(c.ratings[0]).toEqual({ attributeId: 'mlops-ownership', rating: null, evidence: 'ran Kubeflow' });
    const later = applyDraft(c, { recommendation: 'yes' }, template);
    expect(later.ratings).toEqual(c.ratings);
    expect(later.recommendation).toBe('yes');
  });

  it('rejects a rating of an attribute that is not on the template with RATING_INVALID', () => {
    expect(() => applyDraft(emptyScorecardContent(), { ratings: [{ attributeId: 'ai-safety-alignment', rating: 2 }] }, template)).toThrow(
      expect.objectContaining({ code: 'RATING_INVALID', field: 'ratings[0].attributeId' }),
    );
  });

  it.each([
    ['no recommendation', { ratings: [{ attributeId: 'mlops-ownership', rating: 3, evidence: 'x' }], recommendation: null }, 'SCORECARD_INCOMPLETE', 'recommendation'],
    ['no rating at all', { ratings: [], recommendation: 'yes' }, 'SCORECARD_INCOMPLETE', 'ratings'],
    ['a rating without evidence', { ratings: [{ attributeId: 'mlops-ownership', rating: 3, evidence: '   ' }], recommendation: 'yes' }, 'EVIDENCE_REQUIRED', 'ratings[0].evidence'],
    ['evidence without a rating', { ratings: [{ attributeId: 'mlops-ownership', rating: null, evidence: 'said things' }], recommendation: 'no' }, 'RATING_INVALID', 'ratings[0].rating'],
  ] as const)('refuses to submit with %s', (_what, content, code, field) => {
    const r = safeParseScorecardForSubmit({ notes: '', ...content, ratings: content.ratings.map((x) => ({ ...x })) } as never, template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.field]).toEqual([code, field]);
  });

  it('submits complete ratings and drops blank rows (they are uncovered attributes)', () => {
    const out = parseScorecardForSubmit(
      { ratings: [{ attributeId: 'mlops-ownership', rating: 4, evidence: ' built the registry ' }, { attributeId: 'data', rating: null, evidence: '' }], recommendation: 'strong-yes', notes: '' },
      buildScorecardTemplate(['mlops', 'data-engineering']),
    );
    expect(out.ratings).toEqual([{ attributeId: 'mlops-ownership', rating: 4, evidence: 'built the registry' }]);
  });
});

function card(id: string, interviewerId: string, ratings: Array<[string, 1 | 2 | 3 | 4]>, recommendation: DecisionScorecard['recommendation'], at: string): DecisionScorecard {
  return {
    scorecardId: id,
    interviewId: `iv-${id}`,
    interviewKind: 'onsite',
    interviewerId,
    interviewerName: interviewerId.toUpperCase(),
    ratings: ratings.map(([attributeId, rating]) => ({ attributeId, rating, evidence: `${interviewerId} on ${attributeId}` })),
    recommendation,
    submittedAt: at,
  };
}

describe('buildDecisionView', () => {
  it('puts ratings side by side, flags uncovered attributes and ratings two or more apart', () => {
    const view = buildDecisionView(template, [
      card('b', 'bob', [['mlops-ownership', 2], ['production-deployment', 3]], 'no', '2026-01-02T00:00:00Z'),
      card('a', 'ann', [['mlops-ownership', 4], ['production-deployment', 2]], 'strong-yes', '2026-01-01T00:00:00Z'),
    ]);
    const mlops = view.attributes.find((a) => a.attributeId === 'mlops-ownership')!;
    expect(mlops.ratings.map((r) => [r.interviewerId, r.rating, r.evidence])).toEqual([
      ['ann', 4, 'ann on mlops-ownership'],
      ['bob', 2, 'bob on mlops-ownership'],
    ]);
    expect(mlops).toMatchObject({ min: 2, max: 4, mean: 3, strongDisagreement: true });
    expect(view.strongDisagreements).toEqual(['mlops-ownership']);
    expect(view.attributes.find((a) => a.attributeId === 'production-deployment')!.strongDisagreement).toBe(false);
    expect(view.uncovered).toEqual(['distributed-training', 'inference-under-cost']);
    expect(view.recommendationCounts).toEqual({ 'strong-no': 0, no: 1, yes: 0, 'strong-yes': 1 });
    expect(view.recommendationsSplit).toBe(true);
  });

  it('lists every template attribute as uncovered with no scorecards', () => {
    const view = buildDecisionView(template, []);
    expect(view.uncovered).toEqual(template.attributes.map((a) => a.id));
    expect(view.submittedCount).toBe(0);
  });
});

describe('visibility', () => {
  it('shows an interviewer other cards only after all of theirs are in, and never drafts of others', () => {
    const other = { interviewerId: 'bob', status: 'submitted' as const };
    expect(canSeeScorecard({ viewerId: 'ann', viewerReadsAll: false, viewerOwes: [{ submitted: false }], card: other })).toBe(false);
    expect(canSeeScorecard({ viewerId: 'ann', viewerReadsAll: false, viewerOwes: [{ submitted: true }], card: other })).toBe(true);
    expect(canSeeScorecard({ viewerId: 'ann', viewerReadsAll: false, viewerOwes: [], card: other })).toBe(false);
    expect(canSeeScorecard({ viewerId: 'ann', viewerReadsAll: true, viewerOwes: [], card: { interviewerId: 'bob', status: 'draft' } })).toBe(false);
    expect(canSeeScorecard({ viewerId: 'ann', viewerReadsAll: false, viewerOwes: [{ submitted: false }], card: { interviewerId: 'ann', status: 'draft' } })).toBe(true);
  });

  it('hides pedigree from an assigned interviewer of a blind interview until their card is in', () => {
    expect(pedigreeHidden({ blind: true, viewerAssigned: true, viewerSubmitted: false })).toBe(true);
    expect(pedigreeHidden({ blind: true, viewerAssigned: true, viewerSubmitted: true })).toBe(false);
    expect(pedigreeHidden({ blind: false, viewerAssigned: true, viewerSubmitted: false })).toBe(false);
    const { candidate, hiddenFields } = redactPedigree({ id: 'c', name: 'N', currentEmployer: 'DeepMind', links: ['x'] });
    expect(candidate).toEqual({ id: 'c', name: 'N' });
    expect(hiddenFields).toEqual(['currentEmployer', 'links']);
  });
});
