import { z } from 'zod';
import { RECOMMENDATIONS, SCORECARD_STATUSES, ScorecardDraftInput } from '../domain/interviews/index.js';
import { TemplateView } from './interviews.js';
import { listOf } from './shared.js';

export const ScorecardDraftBody = ScorecardDraftInput;
export type ScorecardDraftBody = z.infer<typeof ScorecardDraftBody>;
/** Submit may carry a last change of the draft; an empty body submits the saved draft. */
export const ScorecardSubmitBody = ScorecardDraftInput.nullish();
export type ScorecardSubmitBody = z.infer<typeof ScorecardSubmitBody>;
export const DecisionParams = z.strictObject({ id: z.string().min(1).max(64) });
export type DecisionParams = z.infer<typeof DecisionParams>;

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

export const MyScorecardView = z.object({ scorecard: ScorecardView, template: TemplateView });

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
export type MyScorecardView = z.infer<typeof MyScorecardView>;
export type DecisionViewSchema = z.infer<typeof DecisionViewSchema>;

export const ScorecardListView = listOf(ScorecardView);
export type ScorecardListView = z.infer<typeof ScorecardListView>;
