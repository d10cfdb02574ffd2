import { z } from 'zod';
import { RECOMMENDATIONS, SCORECARD_STATUSES, type DecisionView } from '../../../domain/interviews/index.js';
import type { ScorecardRecord } from '../../services/records.js';
import type { MyScorecard } from '../../services/interviews.js';
import { TemplateView, presentTemplate } from '../shared/template-presenter.js';

export const ScorecardView = z.object({
  id: z.string().nullable(),
  interviewId: z.string(),
  interviewerId: z.string(),
  interviewerName: z.string(),
  status: z.enum([...SCORECARD_STATUSES, 'not-started']),
  ratings: z.array(z.object({ attributeId: z.string(), rating: z.number().int().nullable(), evidence: z.string() })),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  notes: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ScorecardView = z.infer<typeof ScorecardView>;

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

export const MyScorecardView = z.object({ scorecard: ScorecardView, template: TemplateView });

export function presentMyScorecard(m: MyScorecard, viewer: { id: string; name: string }): z.infer<typeof MyScorecardView> {
  const scorecard: ScorecardView = m.card
    ? presentScorecard(m.card, viewer.name)
    : { id: null, interviewId: m.interview.id, interviewerId: viewer.id, interviewerName: viewer.name, status: 'not-started', ratings: [], recommendation: null, notes: '', submittedAt: null, updatedAt: null, version: 0 };
  return { scorecard, template: presentTemplate(m.template) };
}

const DecisionRatingView = z.object({
  scorecardId: z.string(),
  interviewId: z.string(),
  interviewKind: z.string(),
  interviewerId: z.string(),
  interviewerName: z.string(),
  rating: z.number().int(),
  evidence: z.string(),
});

export const DecisionViewSchema = z.object({
  applicationId: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  template: TemplateView,
  attributes: z.array(
    z.object({
      attributeId: z.string(),
      name: z.string(),
      onTemplate: z.boolean(),
      ratings: z.array(DecisionRatingView),
      covered: z.boolean(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      mean: z.number().nullable(),
      strongDisagreement: z.boolean(),
    }),
  ),
  uncovered: z.array(z.string()),
  strongDisagreements: z.array(z.string()),
  recommendations: z.array(z.object({ scorecardId: z.string(), interviewId: z.string(), interviewerId: z.string(), interviewerName: z.string(), recommendation: z.enum(RECOMMENDATIONS) })),
  recommendationCounts: z.object({ 'strong-no': z.number().int(), no: z.number().int(), yes: z.number().int(), 'strong-yes': z.number().int() }),
  recommendationsSplit: z.boolean(),
  pending: z.array(z.object({ interviewId: z.string(), interviewerId: z.string(), interviewerName: z.string() })),
  submittedCount: z.number().int(),
});

export function presentDecision(input: { applicationId: string; role: { id: string; title: string }; template: Parameters<typeof presentTemplate>[0]; view: DecisionView }): z.infer<typeof DecisionViewSchema> {
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
