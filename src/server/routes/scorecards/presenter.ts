import { type DecisionView } from '../../../domain/interviews/index.js';
import type { ScorecardRecord } from '../../services/records.js';
import type { MyScorecard } from '../../services/interviews.js';
import { presentTemplate } from '../shared/template-presenter.js';
import { DecisionViewSchema, MyScorecardView, ScorecardView } from '../../../api/scorecards.js';

export function presentScorecard(card: ScorecardRecord, interviewerName: string): ScorecardView {
  return {
    id: card.id,
    interviewId: card.interviewId,
    interviewerId: card.interviewerId,
    interviewerName,
    status: card.status,
    ratings: card.content.ratings.map((r) => ({ attributeId: r.attributeId, rating: r.rating, evidence: r.evidence })),
    recommendation: card.content.recommendation,
    notes: card.content.notes,
    submittedAt: card.submittedAt,
    updatedAt: card.updatedAt,
    version: card.version,
  };
}

export function presentMyScorecard(m: MyScorecard, viewer: { id: string; name: string }): MyScorecardView {
  const scorecard: ScorecardView = m.card
    ? presentScorecard(m.card, viewer.name)
    : { id: null, interviewId: m.interview.id, interviewerId: viewer.id, interviewerName: viewer.name, status: 'not-started', ratings: [], recommendation: null, notes: '', submittedAt: null, updatedAt: null, version: 0 };
  return { scorecard, template: presentTemplate(m.template) };
}

export function presentDecision(input: { applicationId: string; role: { id: string; title: string }; template: Parameters<typeof presentTemplate>[0]; view: DecisionView }): DecisionViewSchema {
  const v = input.view;
  return {
    applicationId: input.applicationId,
    role: { id: input.role.id, title: input.role.title },
    template: presentTemplate(input.template),
    attributes: v.attributes.map((a) => ({
      attributeId: a.attributeId,
      name: a.name,
      onTemplate: a.onTemplate,
      ratings: a.ratings.map((r) => ({ ...r })),
      covered: a.covered,
      min: a.min,
      max: a.max,
      mean: a.mean,
      strongDisagreement: a.strongDisagreement,
    })),
    uncovered: v.uncovered,
    strongDisagreements: v.strongDisagreements,
    recommendations: v.recommendations.map((r) => ({ ...r })),
    recommendationCounts: { ...v.recommendationCounts },
    recommendationsSplit: v.recommendationsSplit,
    pending: v.pending.map((p) => ({ ...p })),
    submittedCount: v.submittedCount,
  };
}
